/**
 * What a keystroke costs the server in a 5,000-line file: the document edit (tree-sitter edit),
 * the incremental re-parse, and the package analysis with the sibling files from the cache —
 * measured in-process and printed (p50/p95), with the structural guarantees checked exactly:
 * unchanged disk files are neither re-read nor re-parsed, and the edited tree is reused.
 *
 * The time bound is loose on purpose (the machines running the tests are shared); the numbers
 * are printed for the record.
 */
import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { Analyzer } from '../server/analysis.js';
import { DiskFileCache } from '../server/disk-files.js';
import { OpenDocument } from '../server/document.js';
import { ProjectState } from '../server/project.js';
import { DEFAULT_SETTINGS } from '../server/settings.js';
import { makeProject, uriOf } from './lsp-client.js';

/** A 5,000-line file: methods on a type declared in a sibling file; one in ten stores nil in a map. */
function bigFile(lines: number): string {
  const out = ['package big', ''];
  for (let i = 0; out.length < lines; i++) {
    out.push(
      `// f${i} does things — with ünïcödé 日本語 🙂`,
      `func (r *registry) f${i}(key string, n int) int {`,
      '\tm := map[string]*conn{}',
      '\ttotal := 0',
      '\tfor j := 0; j < n; j++ {',
      `\t\ttotal += j * ${i}`,
      '\t\tif total > 100 {',
      '\t\t\tbreak',
      '\t\t}',
      '\t}',
      i % 10 === 0 ? '\tr.conns[key] = nil' : '\t_ = key',
      i % 10 === 5 ? '\tm[key] = &conn{id: total}' : '\t_ = m',
      '\treturn len(m) + total',
      '}',
      '',
    );
  }
  return `${out.slice(0, lines).join('\n')}\n`;
}

const SIBLING = 'package big\n\ntype conn struct{ id int }\n\ntype registry struct {\n\tconns map[string]*conn\n}\n\nfunc newRegistry() *registry { return &registry{conns: map[string]*conn{}} }\n';

function quantile(xs: readonly number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] as number;
}

describe('re-analysis after a one-character edit', () => {
  const text = bigFile(5000);
  const root = makeProject({ 'go.mod': 'module example.com/big\n\ngo 1.22\n', 'big.go': text, 'types.go': SIBLING, 'other.go': 'package big\n\nfunc helper() {}\n' });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('reuses the sibling files and the syntax tree, and stays fast', () => {
    const disk = new DiskFileCache(4 << 20);
    const analyzer = new Analyzer({ settings: DEFAULT_SETTINGS, project: new ProjectState(['nil-as-delete'], undefined), disk, rootDir: root, maxDocumentChars: 4 << 20, warnOnce: () => undefined });
    const doc = new OpenDocument(uriOf(root, 'big.go'), 'go', 1, text);
    const first = analyzer.analyzeDirectory(root, [doc])[0];
    // The map type comes from types.go, on disk.
    expect(first?.findings.length).toBe(text.split('r.conns[key] = nil').length - 1);
    const sibling = disk.get(`${root}/types.go`);
    expect(sibling?.ok).toBe(true);

    const times: number[] = [];
    for (let k = 0; k < 40; k++) {
      const line = 100 + ((k * 997) % 4800);
      const before = doc.goFile();
      const t0 = performance.now();
      doc.applyChanges([{ range: { start: { line, character: 1 }, end: { line, character: 1 } }, text: k % 2 === 0 ? ' ' : 'x' }], k + 2, 'utf-16');
      const result = analyzer.analyzeDirectory(root, [doc]);
      void doc.lines; // the server converts positions next
      times.push(performance.now() - t0);
      expect(result[0]?.version).toBe(k + 2);
      expect(doc.goFile()).not.toBe(before);
    }
    // Unchanged disk files were served from the cache: the very same parsed file object.
    expect(disk.get(`${root}/types.go`)).toBe(sibling);
    const p50 = quantile(times, 0.5);
    const p95 = quantile(times, 0.95);
    console.log(`re-analysis of a 5,000-line file after a one-character edit: p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms`);
    expect(p95).toBeLessThan(500);
  });
});
