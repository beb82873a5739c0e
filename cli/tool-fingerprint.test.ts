import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempTree } from '../analyzer/testing/temp-tree.js';
import { fingerprintOf, toolFingerprint } from './tool-fingerprint.js';

describe('tool fingerprint', () => {
  it('changes with the version and with the code, not with tests', () => {
    const root = tempTree({ 'analyzer/a.js': 'export const a = 1;\n', 'rules/r.js': 'export const r = 1;\n', 'analyzer/a.test.js': 'test\n' });
    const base = fingerprintOf(root, '1.0.0');
    expect(fingerprintOf(root, '1.0.0')).toBe(base);
    expect(fingerprintOf(root, '1.0.1')).not.toBe(base);
    fs.writeFileSync(path.join(root, 'analyzer/a.test.js'), 'other test\n');
    expect(fingerprintOf(root, '1.0.0')).toBe(base);
    fs.writeFileSync(path.join(root, 'rules/r.js'), 'export const r = 2;\n');
    expect(fingerprintOf(root, '1.0.0')).not.toBe(base);
  });

  it('is stable for the running tool', () => {
    expect(toolFingerprint()).toMatch(/^[0-9a-f]{32}$/);
    expect(toolFingerprint()).toBe(toolFingerprint());
  });
});
