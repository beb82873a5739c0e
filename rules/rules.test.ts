/**
 * Every rule in the registry against its testdata (`testdata/rules/<id>/`, `// want` comments),
 * plus the conventions every rule follows: a docs page with the required sections, metadata.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkTestdata } from '../analyzer/testing/analysistest.js';
import { RULES } from './index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

describe.each(RULES.map((r) => [r.meta.id, r] as const))('%s', (id, rule) => {
  it('passes its testdata', async () => {
    const dir = path.join(root, 'testdata', 'rules', id);
    expect(fs.existsSync(dir), `testdata/rules/${id}/ exists`).toBe(true);
    const result = await checkTestdata(dir, RULES, [id]);
    expect(result.failures).toEqual([]);
    expect(result.wants.length, 'has positive cases').toBeGreaterThan(0);
  });

  it('has a docs page with the required sections', () => {
    const doc = fs.readFileSync(path.join(root, 'docs', 'rules', `${id}.md`), 'utf8');
    expect(doc.startsWith(`# ${id}`)).toBe(true);
    for (const section of ['## What it finds', '## Why it is wrong', '## Example', '## Fix', '## What it does not flag']) {
      expect(doc, `docs/rules/${id}.md has "${section}"`).toContain(section);
    }
  });

  it('has complete metadata', () => {
    expect(rule.meta.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
    expect(rule.meta.name).toMatch(/^[A-Z][A-Za-z]+$/);
    expect(rule.meta.summary.length).toBeGreaterThan(10);
    expect(rule.meta.description.length).toBeGreaterThan(rule.meta.summary.length);
    expect(rule.meta.tags.length).toBeLessThanOrEqual(10);
  });
});

describe('testdata/compare (the shapes of staticcheck SA5000 and S1033)', () => {
  it('nil-map-write finds what SA5000 finds (and more); redundant-delete-guard what S1033 finds without side effects', async () => {
    const result = await checkTestdata(path.join(root, 'testdata', 'compare'), RULES, ['nil-map-write', 'redundant-delete-guard']);
    expect(result.failures).toEqual([]);
  });
});
