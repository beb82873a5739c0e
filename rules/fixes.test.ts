/**
 * Golden tests for --fix: testdata/fixes/<rule-id>/*.go are fixed (that rule only) and compared
 * with their .go.golden; the result parses, has no fixable finding of the rule left, and fixing it
 * again changes nothing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../analyzer/config/config.js';
import { syntaxErrorCount } from '../analyzer/engine/fixes.js';
import { runLint } from '../analyzer/pipeline/run.js';
import { RULES } from './index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const fixesDir = path.join(root, 'testdata', 'fixes');

function copyToTemp(src: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gomaplint-fix-'));
  fs.cpSync(src, dir, { recursive: true });
  return dir;
}

async function fix(dir: string, ruleId: string, mode: 'write' | 'diff' = 'write') {
  return runLint({ patterns: [dir], cwd: dir, config: defaultConfig(dir), rules: [{ id: ruleId, severity: undefined }], includeGenerated: false, fix: mode }, RULES);
}

const fixable = RULES.filter((r) => r.meta.fixable).map((r) => r.meta.id);

describe('--fix golden files', () => {
  it('covers every fixable rule', () => {
    expect(fs.readdirSync(fixesDir).sort()).toEqual([...fixable].sort());
  });

  it.each(fixable)('%s', async (ruleId) => {
    const dir = copyToTemp(path.join(fixesDir, ruleId));
    const first = await fix(dir, ruleId);
    expect(first.problems).toEqual([]);
    expect(first.fixed.length).toBeGreaterThan(0);
    for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.go'))) {
      const after = fs.readFileSync(path.join(dir, name), 'utf8');
      expect(after).toBe(fs.readFileSync(path.join(fixesDir, ruleId, `${name}.golden`), 'utf8'));
      expect(syntaxErrorCount(after)).toBe(0);
    }
    expect(first.findings.filter((f) => f.ruleId === ruleId && f.fix?.safe)).toEqual([]);
    const second = await fix(dir, ruleId);
    expect(second.fixed).toEqual([]);
  });
});

describe('--fix details', () => {
  it('keeps CRLF line endings and the BOM', async () => {
    const dir = copyToTemp(path.join(fixesDir, 'nil-as-delete'));
    const file = path.join(dir, 'fix.go');
    fs.writeFileSync(file, `\ufeff${fs.readFileSync(file, 'utf8').replace(/\n/g, '\r\n')}`);
    await fix(dir, 'nil-as-delete');
    const golden = fs.readFileSync(path.join(fixesDir, 'nil-as-delete', 'fix.go.golden'), 'utf8');
    expect(fs.readFileSync(file, 'utf8')).toBe(`\ufeff${golden.replace(/\n/g, '\r\n')}`);
  });

  it('--fix-dry-run produces a unified diff and writes nothing', async () => {
    const dir = copyToTemp(path.join(fixesDir, 'redundant-delete-guard'));
    const before = fs.readFileSync(path.join(dir, 'fix.go'), 'utf8');
    const result = await fix(dir, 'redundant-delete-guard', 'diff');
    expect(fs.readFileSync(path.join(dir, 'fix.go'), 'utf8')).toBe(before);
    const diff = result.fixed.map((f) => f.diff).join('');
    expect(diff).toContain('--- a/fix.go');
    expect(diff).toContain('+++ b/fix.go');
    expect(diff).toContain('-\tif _, ok := s.sessions[id]; ok {');
    expect(diff).toContain('+\tdelete(s.sessions, id)');
    expect(result.worstBeforeFix).toBe('note');
  });

  it('does not apply fixes that are only suggestions (clear on NaN keys)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gomaplint-fix-'));
    fs.writeFileSync(path.join(dir, 'go.mod'), 'module x\n\ngo 1.21\n');
    const src = 'package x\n\nfunc f(m map[float64]int) {\n\tfor k := range m {\n\t\tdelete(m, k)\n\t}\n}\n';
    fs.writeFileSync(path.join(dir, 'x.go'), src);
    const result = await fix(dir, 'range-clear');
    expect(fs.readFileSync(path.join(dir, 'x.go'), 'utf8')).toBe(src);
    expect(result.findings.map((f) => f.fix?.safe)).toEqual([false]);
  });
});
