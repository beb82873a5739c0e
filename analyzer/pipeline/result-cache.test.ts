import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index.js';
import { defaultConfig } from '../config/config.js';
import { tempTree } from '../testing/temp-tree.js';
import { cachingExecutor, defaultCacheDir, ResultCache } from './result-cache.js';
import { inlineExecutor, planRun } from './run.js';

const BAD = (pkg: string) => `package ${pkg}\n\nfunc f(m map[string]*int) {\n\tm["k"] = nil\n}\n`;

async function lintWith(cache: ResultCache, dir: string) {
  const plan = planRun({ patterns: ['./...'], cwd: dir, config: defaultConfig(dir), rules: RULES.map((r) => ({ id: r.meta.id, severity: undefined })), includeGenerated: false });
  const before = { ...cache.stats };
  const results = await cachingExecutor(inlineExecutor(RULES), cache).run(plan.jobs);
  return { results, hits: cache.stats.hits - before.hits, misses: cache.stats.misses - before.misses };
}

describe('ResultCache', () => {
  it('re-analyses only the directory whose file changed', async () => {
    const dir = tempTree({ 'a/a.go': BAD('a'), 'b/b.go': BAD('b'), 'c/c.go': BAD('c') });
    const cache = new ResultCache(path.join(tempTree({}), 'cache'), 'tool-1');
    expect(await lintWith(cache, dir)).toMatchObject({ hits: 0, misses: 3 });
    const warm = await lintWith(cache, dir);
    expect(warm).toMatchObject({ hits: 3, misses: 0 });
    expect(warm.results.map((r) => r.findings.length)).toEqual([1, 1, 1]);
    fs.writeFileSync(path.join(dir, 'b/b.go'), 'package b\n');
    const edited = await lintWith(cache, dir);
    expect(edited).toMatchObject({ hits: 2, misses: 1 });
    expect(edited.results.map((r) => r.findings.length)).toEqual([1, 0, 1]);
  });

  it('serves nothing computed by another version of the tool', async () => {
    const dir = tempTree({ 'a/a.go': BAD('a') });
    const location = path.join(tempTree({}), 'cache');
    await lintWith(new ResultCache(location, 'tool-1'), dir);
    expect(await lintWith(new ResultCache(location, 'tool-1'), dir)).toMatchObject({ hits: 1, misses: 0 });
    expect(await lintWith(new ResultCache(location, 'tool-2'), dir)).toMatchObject({ hits: 0, misses: 1 });
  });

  it('does not cache a directory with an unreadable file', async () => {
    const dir = tempTree({ 'a/a.go': BAD('a') });
    const failing = (p: string) => {
      if (p.endsWith('a.go')) throw Object.assign(new Error('EACCES'), { code: 'EACCES' });
      return fs.readFileSync(p);
    };
    const cache = new ResultCache(path.join(tempTree({}), 'cache'), 'tool-1', failing);
    await lintWith(cache, dir);
    expect(cache.stats).toEqual({ hits: 0, misses: 0, uncacheable: 1 });
  });

  it('lives in the platform cache directory by default', () => {
    expect(defaultCacheDir({ XDG_CACHE_HOME: '/x/cache' }, 'linux')).toBe(path.join('/x/cache', 'gomaplint'));
    expect(defaultCacheDir({}, 'darwin')).toMatch(/Library[\\/]Caches[\\/]gomaplint$/);
    expect(defaultCacheDir({ LOCALAPPDATA: 'C:\\Users\\u\\AppData\\Local' }, 'win32')).toBe(path.join('C:\\Users\\u\\AppData\\Local', 'gomaplint', 'Cache'));
  });
});
