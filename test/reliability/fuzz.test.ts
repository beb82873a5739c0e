/**
 * Property-based tests (fast-check): random bytes, random token soup, random mutations of the
 * testdata files and deeply nested generated Go are fed to the whole pipeline (read, decode,
 * parse, model, every rule, positions). For every input:
 * - nothing throws and no rule fails (a rule that throws is reported as an internal error);
 * - each input is analysed within CASE_MS (generous: the CI machines are shared);
 * - every reported position (finding, fix edit, related location) lies inside the file, splits
 *   no surrogate pair, and its line and columns match its offset;
 * - no finding overlaps an ERROR node of the parse or contains a MISSING token;
 * and `--fix` never leaves a file parsing worse than before, and a second `--fix` changes nothing.
 *
 * The seed is fixed (reproducible in CI) and printed by fast-check on failure, with the path to
 * the failing case; GOMAPLINT_FUZZ_SEED and GOMAPLINT_FUZZ_RUNS override seed and run count.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { syntaxErrorCount } from '../../analyzer/engine/fixes.js';
import { decodeGoSource } from '../../analyzer/syntax/source-text.js';
import { findingsInErrorRegions, lintOneFile, positionProblems, removeTempDirs, tempDir, testdataGoFiles, timed } from './harness.js';

afterAll(removeTempDirs);

const SEED = Number(process.env.GOMAPLINT_FUZZ_SEED ?? 20_251_121);
const RUNS = Number(process.env.GOMAPLINT_FUZZ_RUNS ?? 150);
/** Per-input bound: inputs here are at most a few KB (or 1,500 levels deep); they take milliseconds. */
const CASE_MS = 5_000;

const dir = tempDir('gomaplint-fuzz-');
const target = path.join(dir, 'x.go');

/** Inputs checked, and how many of them had findings (a fuzzer finding nothing proves little). */
const tally = { cases: 0, withFindings: 0, fixed: 0 };

/** Lints `bytes` as x.go and checks every invariant; returns the decoded text (if any). */
function check(bytes: Uint8Array): string | undefined {
  fs.writeFileSync(target, bytes);
  const { value: result, ms } = timed(() => lintOneFile(target));
  tally.cases++;
  if (result.findings.length > 0) tally.withFindings++;
  expect(ms, 'time to lint one input').toBeLessThan(CASE_MS);
  const decoded = decodeGoSource(bytes);
  if (!decoded.ok) {
    expect(result.problems).toEqual([{ path: target, message: `skipped: ${decoded.problem}` }]);
    expect(result.findings).toEqual([]);
    return undefined;
  }
  expect(result.problems, 'problems (internal errors of rules)').toEqual([]);
  expect(positionProblems(decoded.text, target, result.findings)).toEqual([]);
  expect(findingsInErrorRegions(decoded.text, result.findings)).toEqual([]);
  return decoded.text;
}

const utf8 = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'utf8'));

/** Pieces of Go (and of not-quite-Go) that the rules and the parser care about. */
const TOKENS = [
  'package p\n', 'func ', 'f', 'g', '(', ')', '{', '}', '[', ']', 'm', 'k', 'v', 's', ' := ', ' = ', 'nil', 'delete', 'delete(m, k)',
  'range ', 'for ', 'if ', 'else ', 'map[string]*int', 'map[string]int', 'map[K]V', ', ', ';', '"s"', '`raw`', '/*', '*/', '// c\n',
  '++', '--', '+=', 'go ', 'defer ', 'mu.Lock()', 'mu.Unlock()', 'mu.RLock()', 'return', 'var ', 'type ', 'struct', '*', '&', 'make',
  'clear(m)', 'len(m)', '\n', '\r', '\r\n', '\t', ' ', '日本', '😀', 'é', 'case ', 'switch ', 'select ', 'default:', 'L:', 'goto L',
  'break', 'continue', 'reflect.ValueOf(m).SetMapIndex', 'sm.LoadAndDelete(k)', 'sm.Delete(k)', 'sync.Map', 'func() {', '}()', '...',
  'wg.Wait()', 'http.HandlerFunc', '\\', "'", '"', '`', '\u00a0', '\ufeff',
];

const tokenSoup = fc.array(fc.constantFrom(...TOKENS), { maxLength: 300, size: 'max' }).map((parts) => parts.join(''));

describe('fuzz: random input never breaks the analyzer', () => {
  it('random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4096, size: 'max' }), (bytes) => {
        check(bytes);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('random Unicode text after a package clause', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 2000, size: 'max' }), (s) => {
        check(utf8(`package p\n${s}`));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('random Go tokens', () => {
    fc.assert(
      fc.property(tokenSoup, (s) => {
        check(utf8(`package p\n${s}`));
      }),
      { seed: SEED, numRuns: RUNS * 2 },
    );
  });
});

// ------------------------------------------------------------------------------------------------
// Mutations of the testdata files: deleted ranges, duplicated ranges, inserted garbage.

const SEEDS = testdataGoFiles().map((f) => fs.readFileSync(f));

type Mutation =
  | { readonly kind: 'delete'; readonly at: number; readonly length: number }
  | { readonly kind: 'duplicate'; readonly at: number; readonly length: number }
  | { readonly kind: 'insert'; readonly at: number; readonly bytes: Uint8Array };

const garbage = fc.oneof(
  fc.uint8Array({ minLength: 1, maxLength: 16 }),
  fc.array(fc.constantFrom(...TOKENS), { minLength: 1, maxLength: 8 }).map((t) => utf8(t.join(''))),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 8 }).map(utf8),
);

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 400 }) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 400 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: garbage }),
);

function mutate(source: Uint8Array, mutations: readonly Mutation[]): Uint8Array {
  let b = Buffer.from(source);
  for (const m of mutations) {
    const at = b.length === 0 ? 0 : m.at % (b.length + 1);
    if (m.kind === 'delete') b = Buffer.concat([b.subarray(0, at), b.subarray(Math.min(b.length, at + m.length))]);
    else if (m.kind === 'duplicate') b = Buffer.concat([b.subarray(0, Math.min(b.length, at + m.length)), b.subarray(at)]);
    else b = Buffer.concat([b.subarray(0, at), Buffer.from(m.bytes), b.subarray(at)]);
  }
  return new Uint8Array(b);
}

const mutatedTestdata = fc
  .record({ file: fc.integer({ min: 0, max: SEEDS.length - 1 }), mutations: fc.array(mutation, { minLength: 1, maxLength: 6 }) })
  .map(({ file, mutations }) => mutate(SEEDS[file] as Uint8Array, mutations));

describe('fuzz: mutated testdata', () => {
  it('has material to mutate', () => {
    expect(SEEDS.length).toBeGreaterThan(10);
  });

  it('the analyzer keeps every invariant', () => {
    const before = { ...tally };
    fc.assert(
      fc.property(mutatedTestdata, (bytes) => {
        check(bytes);
      }),
      { seed: SEED, numRuns: RUNS * 2 },
    );
    // Most mutants keep some of the findings their file was written to produce.
    expect(tally.withFindings - before.withFindings).toBeGreaterThan((tally.cases - before.cases) / 3);
  });

  it('--fix never makes a file parse worse, and a second --fix changes nothing', () => {
    fc.assert(
      fc.property(mutatedTestdata, (bytes) => {
        const before = check(bytes);
        if (before === undefined) return;
        const first = lintOneFile(target, 'write');
        expect(first.problems).toEqual([]);
        const after = decodeGoSource(fs.readFileSync(target));
        if (!after.ok) throw new Error(`--fix wrote a file that does not decode: ${after.problem}`);
        expect(syntaxErrorCount(after.text)).toBeLessThanOrEqual(syntaxErrorCount(before));
        if (after.text !== before) tally.fixed++;
        const second = lintOneFile(target, 'write');
        expect(second.fixed).toEqual([]);
        const again = decodeGoSource(fs.readFileSync(target));
        expect(again.ok && again.text).toBe(after.text);
      }),
      { seed: SEED, numRuns: RUNS },
    );
    // The property is not vacuous: fixes were applied to a good share of the mutants.
    expect(tally.fixed).toBeGreaterThan(RUNS / 20);
  });
});

// ------------------------------------------------------------------------------------------------
// Deeply nested generated Go: statement wrappers around a core statement whose key and value are
// wrapped in expression wrappers. Depths up to 1,500 (10,000 is covered in large.test.ts).

const STATEMENT_WRAPPERS: ReadonlyArray<readonly [string, string]> = [
  ['{\n', '}\n'],
  ['if len(m) > 0 {\n', '}\n'],
  ['if m == nil {\n', '} else {\nm = nil\n}\n'],
  ['for k := range m {\n_ = k\n', '}\n'],
  ['for i := 0; i < 3; i++ {\n', '}\n'],
  ['func() {\n', '}()\n'],
  ['go func() {\n', '}()\n'],
  ['defer func() {\n', '}()\n'],
  ['switch {\ncase true:\n', '}\n'],
  ['select {\ndefault:\n', '}\n'],
  ['mu.Lock()\n{\n', '}\nmu.Unlock()\n'],
  ['L: for {\n', 'break L\n}\n'],
];

const EXPRESSION_WRAPPERS: ReadonlyArray<readonly [string, string]> = [
  ['(', ')'],
  ['g(', ')'],
  ['-', ''],
  ['^', ''],
  ['1 + ', ''],
  ['[]int{', '}[0]'],
  ['func() int { return ', ' }()'],
  ['*&', ''],
];

const CORES = ['m[KEY] = nil', 'delete(m, KEY)', 'm[KEY] = new(int)', 'n[KEY]++', 'm[KEY], n[KEY] = nil, VALUE', 'for k := range m {\ndelete(m, k)\n}\n_ = KEY'];

const nestedGo = fc
  .record({
    statements: fc.array(fc.integer({ min: 0, max: STATEMENT_WRAPPERS.length - 1 }), { maxLength: 1500, size: 'max' }),
    keys: fc.array(fc.integer({ min: 0, max: EXPRESSION_WRAPPERS.length - 1 }), { maxLength: 1500, size: 'max' }),
    core: fc.integer({ min: 0, max: CORES.length - 1 }),
  })
  .map(({ statements, keys, core }) => {
    const open = statements.map((i) => (STATEMENT_WRAPPERS[i] as readonly [string, string])[0]).join('');
    const close = statements.map((i) => (STATEMENT_WRAPPERS[i] as readonly [string, string])[1]).reverse().join('');
    const key = `${keys.map((i) => (EXPRESSION_WRAPPERS[i] as readonly [string, string])[0]).join('')}0${keys.map((i) => (EXPRESSION_WRAPPERS[i] as readonly [string, string])[1]).reverse().join('')}`;
    const stmt = (CORES[core] as string).replace(/KEY/g, key).replace('VALUE', '1');
    return `package p\n\nimport "sync"\n\nvar mu sync.Mutex\n\nfunc g(x int) int { return x }\n\nfunc f(m map[int]*int, n map[int]int) {\n${open}${stmt}\n${close}}\n`;
  });

describe('fuzz: deeply nested generated Go', () => {
  it('the analyzer keeps every invariant', () => {
    const before = { ...tally };
    fc.assert(
      fc.property(nestedGo, (text) => {
        const out = check(utf8(text));
        expect(out).toBe(text);
        expect(syntaxErrorCount(text)).toBe(0);
      }),
      { seed: SEED, numRuns: Math.max(20, Math.round(RUNS / 3)) },
    );
    expect(tally.withFindings - before.withFindings).toBeGreaterThan((tally.cases - before.cases) / 4);
  }, 120_000);
});
