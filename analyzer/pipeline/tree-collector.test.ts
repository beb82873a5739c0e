import { describe, expect, it } from 'vitest';
import { parseGo } from '../syntax/parser.js';
import { exposedGc, TreeCollector } from './tree-collector.js';

describe('TreeCollector', () => {
  it('collects between jobs once enough source has been parsed since the last collection', () => {
    let collections = 0;
    const trees = new TreeCollector(() => collections++, 100);
    parseGo('package p\n');
    trees.afterJob();
    expect(collections).toBe(0);
    parseGo(`package p\n\nvar s = "${'x'.repeat(100)}"\n`);
    trees.afterJob();
    expect(collections).toBe(1);
    trees.afterJob();
    expect(collections).toBe(1);
  });

  it('obtains V8 gc at run time', () => {
    const gc = exposedGc();
    expect(typeof gc).toBe('function');
    expect(() => gc?.()).not.toThrow();
  });
});
