/**
 * A testdata harness in the style of golang.org/x/tools/go/analysis/analysistest.
 *
 * Go files under a testdata directory carry `// want "regexp"` comments on the lines where a
 * finding must be reported; several strings mean several findings on the line. A string may name
 * the rule it expects (`// want "insert-in-range: adds keys"`); otherwise any rule under test may
 * match. Every finding needs a matching want, and every want a finding.
 *
 * Each directory below the root is linted as its own package (directories are not skipped the way
 * `./...` skips `testdata`), with the Go version of the nearest go.mod.
 */
import fs from 'node:fs';
import path from 'node:path';
import { defaultConfig } from '../config/config.js';
import type { Finding } from '../engine/finding.js';
import type { Rule } from '../engine/rule.js';
import { runLint } from '../pipeline/run.js';

export interface Want {
  readonly path: string;
  readonly line: number;
  readonly rule: string | undefined;
  readonly pattern: RegExp;
  readonly source: string;
}

export interface TestdataResult {
  readonly findings: Finding[];
  readonly wants: Want[];
  /** Human-readable failures; empty when the testdata passes. */
  readonly failures: string[];
}

/** Directories under `root` (root included) that contain .go files. */
export function goDirectories(root: string): string[] {
  const out: string[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const dir = stack.pop() as string;
    const entries = fs.readdirSync(dir, { withFileTypes: true });
    if (entries.some((e) => e.isFile() && e.name.endsWith('.go'))) out.push(dir);
    for (const e of entries) if (e.isDirectory()) stack.push(path.join(dir, e.name));
  }
  return out.sort();
}

/** Every .go file under `root`, at any depth, sorted. */
export function goFilesUnder(root: string): string[] {
  const out: string[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const dir = stack.pop() as string;
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) stack.push(p);
      else if (e.isFile() && e.name.endsWith('.go')) out.push(p);
    }
  }
  return out.sort();
}

/** Parses the want comments of one file. */
export function parseWants(file: string, text: string, ruleIds: readonly string[]): Want[] {
  const wants: Want[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((line, i) => {
    const m = /\/\/\s*want\s+(.*)$/.exec(line);
    if (!m) return;
    const rest = m[1] as string;
    const strings = rest.match(/"(?:[^"\\]|\\.)*"|`[^`]*`/g) ?? [];
    if (strings.length === 0) throw new Error(`${file}:${i + 1}: want comment without a quoted pattern`);
    for (const s of strings) {
      const body = s.startsWith('`') ? s.slice(1, -1) : (JSON.parse(s) as string);
      const prefixed = /^([a-z0-9-]+):\s?([\s\S]*)$/.exec(body);
      const rule = prefixed && ruleIds.includes(prefixed[1] as string) ? (prefixed[1] as string) : undefined;
      const re = rule ? (prefixed?.[2] as string) : body;
      wants.push({ path: file, line: i + 1, rule, pattern: new RegExp(re), source: body });
    }
  });
  return wants;
}

export async function checkTestdata(root: string, rules: readonly Rule[], ruleIds: readonly string[]): Promise<TestdataResult> {
  const dirs = goDirectories(root);
  const result = await runLint(
    {
      patterns: dirs,
      cwd: root,
      config: defaultConfig(root),
      rules: ruleIds.map((id) => ({ id, severity: undefined })),
      includeGenerated: false,
    },
    rules,
  );
  const failures: string[] = [...result.fatal, ...result.problems.map((p) => `problem: ${p.path}: ${p.message}`)];
  const wants: Want[] = [];
  for (const dir of dirs) {
    for (const name of fs.readdirSync(dir).sort()) {
      if (!name.endsWith('.go')) continue;
      const file = path.join(dir, name);
      wants.push(...parseWants(file, fs.readFileSync(file, 'utf8'), ruleIds));
    }
  }
  const pending = [...wants];
  const rel = (p: string) => path.relative(root, p);
  for (const f of result.findings) {
    const i = pending.findIndex((w) => w.path === f.path && w.line === f.start.line && (!w.rule || w.rule === f.ruleId) && w.pattern.test(f.message));
    if (i >= 0) pending.splice(i, 1);
    else failures.push(`unexpected finding ${rel(f.path)}:${f.start.line}:${f.start.column}: ${f.ruleId}: ${f.message}`);
  }
  for (const w of pending) failures.push(`missing finding ${rel(w.path)}:${w.line}: want ${w.rule ? `${w.rule}: ` : ''}/${w.pattern.source}/`);
  return { findings: result.findings, wants, failures };
}
