/**
 * Analysing open documents the way the CLI analyses a directory: a package is the `.go` files of
 * one directory with the same package clause; open buffers replace their files on disk (an
 * overlay), the other files come from disk (cached by modification time). Files the CLI's
 * `./...` would skip are skipped here too: names starting with `.` or `_`, files matched by the
 * configuration's `exclude`, generated files unless `include-generated`.
 *
 * Findings are computed for the open documents only; the other files are context.
 */
import fs from 'node:fs';
import path from 'node:path';
import { exclusionMatcher, type Config } from '../../analyzer/config/config.js';
import { selectRules } from '../../analyzer/config/rule-selection.js';
import type { RawFinding } from '../../analyzer/engine/finding.js';
import { lintPackage, type EnabledRule } from '../../analyzer/engine/lint-package.js';
import { PackageModel } from '../../analyzer/model/package-model.js';
import { LATEST_GO } from '../../analyzer/model/go-version.js';
import { GoFile } from '../../analyzer/syntax/go-file.js';
import { parseGo } from '../../analyzer/syntax/parser.js';
import { readFileHeader } from '../../analyzer/syntax/source-text.js';
import { RULES } from '../../rules/index.js';
import { formatSize, type DiskFileCache } from './disk-files.js';
import type { OpenDocument } from './document.js';
import type { ProjectState } from './project.js';
import type { ClientSettings } from './settings.js';

export interface DocumentAnalysis {
  readonly doc: OpenDocument;
  /** The document version analysed. */
  readonly version: number;
  /** The analysed file; undefined when the document was not analysed (`skipped` says why). */
  readonly file: GoFile | undefined;
  readonly findings: readonly RawFinding[];
  /** Why the document has no analysis (disabled, excluded, generated, too large), for the log. */
  readonly skipped: string | undefined;
}

export interface AnalysisEnvironment {
  readonly settings: ClientSettings;
  readonly project: ProjectState;
  readonly disk: DiskFileCache;
  /** The workspace root (for relative `configFile` settings and documents not on disk). */
  readonly rootDir: string | undefined;
  /** Documents larger than this (UTF-16 code units) are not analysed. */
  readonly maxDocumentChars: number;
  /** Reports a problem once (the same message is not repeated on every keystroke). */
  warnOnce(message: string): void;
}

interface DirectorySetup {
  readonly config: Config;
  readonly rules: EnabledRule[];
  readonly includeGenerated: boolean;
  readonly isExcluded: (p: string) => boolean;
}

export class Analyzer {
  /** The rules and matchers of a directory, while its configuration and the settings stay the same. */
  private readonly setups = new Map<string, { from: Config; settings: ClientSettings; setup: DirectorySetup }>();

  constructor(private readonly env: AnalysisEnvironment) {}

  /**
   * Analyses the open documents `docs` of directory `dir` (all of them file documents): each
   * package of the directory that has an open document is linted once.
   */
  analyzeDirectory(dir: string, docs: readonly OpenDocument[]): DocumentAnalysis[] {
    const out: DocumentAnalysis[] = [];
    if (!this.env.settings.enable) return docs.map((d) => skip(d, 'gomaplint is disabled in the settings'));
    const setup = this.setup(dir);
    const analysed: OpenDocument[] = [];
    for (const doc of docs) {
      const reason = this.skipReason(doc, setup);
      if (reason) out.push(skip(doc, reason));
      else analysed.push(doc);
    }
    if (analysed.length === 0) return out;
    const byPackage = new Map<string, OpenDocument[]>();
    for (const doc of analysed) {
      const key = doc.header.packageName ?? '';
      const list = byPackage.get(key);
      if (list) list.push(doc);
      else byPackage.set(key, [doc]);
    }
    const openPaths = new Set(docs.map((d) => d.path));
    const diskFiles = this.diskFilesOf(dir, openPaths, setup);
    for (const [name, members] of byPackage) {
      // A file without a package clause is being written: analyse it on its own.
      const context = name === '' ? [] : diskFiles.filter((f) => f.packageName === name);
      out.push(...this.lint(dir, members, context, setup));
    }
    return out;
  }

  /** A document that is not a file on disk (`untitled:`): analysed on its own. */
  analyzeAlone(doc: OpenDocument): DocumentAnalysis {
    if (!this.env.settings.enable) return skip(doc, 'gomaplint is disabled in the settings');
    const dir = this.env.rootDir ?? process.cwd();
    const setup = this.setup(dir);
    const reason = this.skipReason(doc, setup);
    if (reason) return skip(doc, reason);
    return this.lint(dir, [doc], [], setup)[0] as DocumentAnalysis;
  }

  /**
   * Findings of `doc` if its text were `text`, the rest of its package as it is now (`open`: the
   * open documents of its directory): the rounds of fix-all after the first.
   */
  findingsWithText(doc: OpenDocument, text: string, open: readonly OpenDocument[]): RawFinding[] {
    const header = readFileHeader(text);
    const file = new GoFile(doc.path, text, header.packageName, doc.bom === 1, parseGo(text));
    const dir = doc.onDisk ? path.dirname(doc.path) : (this.env.rootDir ?? process.cwd());
    const setup = this.setup(dir);
    const context: GoFile[] = [];
    if (doc.onDisk && header.packageName !== undefined) {
      const name = header.packageName;
      const others = open.filter((d) => d !== doc && d.onDisk);
      for (const d of others) if (d.header.packageName === name && !this.skipReason(d, setup)) context.push(d.goFile());
      const openPaths = new Set([doc.path, ...others.map((d) => d.path)]);
      context.push(...this.diskFilesOf(dir, openPaths, setup).filter((f) => f.packageName === name));
    }
    const model = new PackageModel([file, ...context], doc.onDisk ? this.env.project.goModule(dir).version : LATEST_GO, dir);
    return lintPackage(model, setup.rules, new Set([file])).findings;
  }

  private lint(dir: string, docs: readonly OpenDocument[], context: readonly GoFile[], setup: DirectorySetup): DocumentAnalysis[] {
    const fileOf = new Map(docs.map((d) => [d, d.goFile()] as const));
    const files = [...fileOf.values(), ...context].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const onDisk = docs.every((d) => d.onDisk);
    const mod = onDisk ? this.env.project.goModule(dir) : undefined;
    if (mod?.warning && mod.goModPath) this.env.warnOnce(`${mod.goModPath}: ${mod.warning}`);
    const model = new PackageModel(files, mod?.version ?? LATEST_GO, dir);
    const result = lintPackage(model, setup.rules, new Set(fileOf.values()));
    for (const f of result.failures) {
      this.env.warnOnce(`internal error in rule ${f.ruleId} (${f.path}): ${f.message}${f.stack ? `\n${f.stack}` : ''}`);
    }
    const byFile = new Map<GoFile, RawFinding[]>();
    for (const f of result.findings) {
      const list = byFile.get(f.file);
      if (list) list.push(f);
      else byFile.set(f.file, [f]);
    }
    return docs.map((doc) => {
      const file = fileOf.get(doc) as GoFile;
      const findings = (byFile.get(file) ?? []).sort((a, b) => a.start - b.start || a.end - b.end || (a.ruleId < b.ruleId ? -1 : 1));
      return { doc, version: doc.version, file, findings, skipped: undefined };
    });
  }

  private setup(dir: string): DirectorySetup {
    const s = this.env.settings;
    const explicit = s.configFile === undefined ? undefined : path.resolve(this.env.rootDir ?? process.cwd(), s.configFile);
    const lookup = this.env.project.configFor(dir, explicit);
    if (lookup.error) this.env.warnOnce(`configuration ignored: ${lookup.error}`);
    const cached = this.setups.get(dir);
    if (cached && cached.from === lookup.config && cached.settings === s) return cached.setup;
    const merged: Config = { ...lookup.config, rules: new Map([...lookup.config.rules, ...s.rules]) };
    const excluded = exclusionMatcher(merged);
    const setup: DirectorySetup = {
      config: merged,
      rules: selectRules(RULES, merged),
      includeGenerated: s.includeGenerated ?? merged.includeGenerated ?? false,
      isExcluded: excluded ? (p) => excluded(p, false) : () => false,
    };
    if (this.setups.size > 500) this.setups.clear();
    this.setups.set(dir, { from: lookup.config, settings: s, setup });
    return setup;
  }

  private skipReason(doc: OpenDocument, setup: DirectorySetup): string | undefined {
    if (doc.text.length > this.env.maxDocumentChars) {
      return `${doc.path}: too large for live analysis (${formatSize(doc.text.length)} > ${formatSize(this.env.maxDocumentChars)}); run gomaplint on the command line`;
    }
    if (doc.onDisk && setup.isExcluded(doc.path)) return `${doc.path}: excluded by ${setup.config.source ?? 'the configuration'}`;
    if (doc.header.generated && !setup.includeGenerated) return `${doc.path}: generated file (set include-generated to lint it)`;
    return undefined;
  }

  /** The analysable Go files of `dir` that are not open, from the disk cache. */
  private diskFilesOf(dir: string, open: ReadonlySet<string>, setup: DirectorySetup): GoFile[] {
    let names: string[];
    try {
      names = fs.readdirSync(dir);
    } catch (e) {
      this.env.warnOnce(`${dir}: cannot read directory: ${(e as Error).message}`);
      return [];
    }
    const out: GoFile[] = [];
    for (const name of names.sort()) {
      if (!name.endsWith('.go') || name.startsWith('.') || name.startsWith('_')) continue;
      const p = path.join(dir, name);
      if (open.has(p) || setup.isExcluded(p)) continue;
      const entry = this.env.disk.get(p);
      if (!entry) continue;
      if (!entry.ok) {
        this.env.warnOnce(`${p}: skipped: ${entry.problem}`);
        continue;
      }
      if (entry.generated && !setup.includeGenerated) continue;
      out.push(entry.file);
    }
    return out;
  }
}

function skip(doc: OpenDocument, reason: string): DocumentAnalysis {
  return { doc, version: doc.version, file: undefined, findings: [], skipped: reason };
}
