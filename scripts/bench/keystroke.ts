/**
 * The editor's re-lint latency: what happens between a keystroke and fresh diagnostics.
 *
 * `KeystrokeTarget` is the interface the measurement drives: open a document, change it, wait for
 * its diagnostics. `analyzerTarget` does in-process what the language server does on a
 * `didChange` — tree-sitter `tree.edit` + incremental re-parse with the old tree, a new `GoFile`,
 * a new `PackageModel` over the package (the other files' parsed and mirrored `GoFile`s are kept,
 * as the server keeps them), `lintPackage` for the edited file with the package as context, and
 * the findings resolved to positions. A target that drives `gomaplint lsp --stdio` over JSON-RPC
 * (didChange → publishDiagnostics) can implement the same interface.
 */
import fs from 'node:fs';
import path from 'node:path';
import { lintPackage, type EnabledRule } from '../../analyzer/engine/lint-package.js';
import { resolveFinding } from '../../analyzer/engine/finding.js';
import { LATEST_GO } from '../../analyzer/model/go-version.js';
import { PackageModel } from '../../analyzer/model/package-model.js';
import { emptyStats, loadDirectory } from '../../analyzer/pipeline/lint-directory.js';
import { GoFile } from '../../analyzer/syntax/go-file.js';
import { parseGo, type Tree } from '../../analyzer/syntax/parser.js';
import { RULES } from '../../rules/index.js';

export interface KeystrokeTarget {
  /** What is measured, for the report. */
  readonly description: string;
  /** Opens a document (and lints it once). */
  open(file: string): Promise<void>;
  /** Replaces `[start, end)` (UTF-16 offsets) with `text`; resolves with the number of diagnostics once they are fresh. */
  change(start: number, end: number, text: string): Promise<number>;
  close(): Promise<void>;
}

export function analyzerTarget(): KeystrokeTarget {
  const rules: EnabledRule[] = RULES.map((rule) => ({ rule, severity: undefined }));
  let doc: GoFile | undefined;
  let others: GoFile[] = [];
  const lint = (): number => {
    const current = doc as GoFile;
    const model = new PackageModel([current, ...others], LATEST_GO, path.dirname(current.path));
    return lintPackage(model, rules, new Set([current])).findings.map(resolveFinding).length;
  };
  return {
    description:
      'in-process, as the language server does it: tree.edit + incremental parse (old tree) + new GoFile + new PackageModel (other files of the package kept parsed) + lintPackage of the edited file + positions',
    async open(file) {
      const dir = path.dirname(file);
      const files = fs.readdirSync(dir).filter((n) => n.endsWith('.go')).map((n) => path.join(dir, n));
      const packages = loadDirectory({ dir, files, explicit: [file], goVersion: LATEST_GO, includeGenerated: true, rules: [] }, emptyStats(), []);
      const mine = packages.find((p) => p.some((f) => f.path === file));
      if (!mine) throw new Error(`${file}: not found`);
      doc = mine.find((f) => f.path === file) as GoFile;
      others = mine.filter((f) => f !== doc);
      lint();
    },
    async change(start, end, text) {
      const old = doc as GoFile;
      const tree: Tree = old.tree;
      const lines = old.lines;
      const startRow = lines.lineOf(start);
      const endRow = lines.lineOf(end);
      const newText = old.text.slice(0, start) + text + old.text.slice(end);
      const inserted = text.split('\n');
      const newEndRow = startRow + inserted.length - 1;
      const newEndColumn = inserted.length === 1 ? start - lines.lineStart(startRow) + text.length : (inserted[inserted.length - 1] as string).length;
      tree.edit({
        startIndex: start,
        oldEndIndex: end,
        newEndIndex: start + text.length,
        startPosition: { row: startRow, column: start - lines.lineStart(startRow) },
        oldEndPosition: { row: endRow, column: end - lines.lineStart(endRow) },
        newEndPosition: { row: newEndRow, column: newEndColumn },
      });
      doc = new GoFile(old.path, newText, old.packageName, old.hasBom, parseGo(newText, tree));
      return lint();
    },
    async close() {
      doc = undefined;
      others = [];
    },
  };
}

export interface KeystrokeResult {
  readonly file: string;
  readonly lines: number;
  /** Milliseconds per keystroke, in order. */
  readonly samples: number[];
  readonly diagnostics: number;
}

/**
 * Types and erases a space at the start of `count` indented lines spread over the file (each
 * keystroke is one measured one-character edit; the code stays valid Go), after `warmup`
 * unmeasured keystrokes.
 */
export async function measureKeystrokes(target: KeystrokeTarget, file: string, count = 200, warmup = 20): Promise<KeystrokeResult> {
  const text = fs.readFileSync(file, 'utf8');
  const spots: number[] = [];
  for (let i = text.indexOf('\n\t'); i >= 0; i = text.indexOf('\n\t', i + 2)) spots.push(i + 2);
  if (spots.length === 0) throw new Error(`${file}: no indented lines to edit`);
  await target.open(file);
  const samples: number[] = [];
  let diagnostics = 0;
  const total = count + warmup;
  for (let k = 0; k < total; k += 2) {
    const at = spots[Math.floor((k / total) * spots.length)] as number;
    for (const [start, end, insert] of [
      [at, at, ' '],
      [at, at + 1, ''],
    ] as const) {
      const t0 = process.hrtime.bigint();
      diagnostics = await target.change(start, end, insert);
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      if (k >= warmup) samples.push(ms);
      // The server's event loop turns between messages (and frees released trees then).
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }
  await target.close();
  return { file, lines: text.split('\n').length, samples, diagnostics };
}
