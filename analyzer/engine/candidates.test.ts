/**
 * The proof that the text anchors are a safe prefilter: on the testdata and on the Go standard
 * library (when its source is installed at /usr/share/go-1.19/src, as CI does), finding candidates
 * through the anchors gives exactly the candidates that an exhaustive walk of every file's whole
 * tree gives, and a file whose text has no anchor has no candidate. Findings only ever start at
 * candidates, so skipping a file or a package without anchors never drops a finding.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../config/config.js';
import { PackageModel } from '../model/package-model.js';
import { emptyStats, loadDirectory } from '../pipeline/lint-directory.js';
import { planRun } from '../pipeline/run.js';
import { GoFile } from '../syntax/go-file.js';
import { goDirectories } from '../testing/analysistest.js';
import { RULES } from '../../rules/index.js';
import { findDeleteCalls, findIndexWrites, findMethodCalls, hasAnchor, type CandidateKind, type CandidateSearch } from './candidates.js';
import { resolveFinding } from './finding.js';
import { lintPackage } from './lint-package.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const TESTDATA = path.join(repo, 'testdata');
const STD = '/usr/share/go-1.19/src';
const ALL_KINDS: ReadonlySet<CandidateKind> = new Set(['deleteCall', 'indexWrite', 'methodCall']);

/** Every method name some rule subscribes to (`create` does no work, so a stub file will do). */
function subscribedMethods(): Set<string> {
  const file = new GoFile('stub.go', 'package p\n', 'p');
  const model = new PackageModel([file]);
  const names = new Set<string>();
  for (const rule of RULES) for (const name of Object.keys(rule.create({ model, file, report: () => undefined }).methodCalls ?? {})) names.add(name);
  return names;
}

const METHODS = subscribedMethods();

/** A file's candidates as comparable strings: kind and range. */
function candidates(file: GoFile, search: CandidateSearch): string[] {
  return [
    ...findDeleteCalls(file, search).map((c) => `delete@${c.node.start}-${c.node.end}`),
    ...findIndexWrites(file, search).map((w) => `write@${w.statement.start}-${w.target.end}`),
    ...findMethodCalls(file, METHODS, search).map((c) => `${c.name}@${c.node.start}-${c.node.end}`),
  ];
}

interface Comparison {
  files: number;
  candidates: number;
  mismatches: string[];
}

/**
 * Compares anchored and exhaustive candidates in every file of the directories (generated files
 * included). Yields between directories so that released trees are freed.
 */
async function compareCandidates(patterns: readonly string[], cwd: string): Promise<Comparison> {
  const plan = planRun({ patterns, cwd, config: defaultConfig(cwd), rules: [], includeGenerated: true });
  const out: Comparison = { files: 0, candidates: 0, mismatches: [] };
  for (const job of plan.jobs) {
    for (const files of loadDirectory(job, emptyStats(), [])) {
      for (const file of files) {
        out.files++;
        const exhaustive = candidates(file, 'exhaustive');
        const anchored = candidates(file, 'anchored');
        out.candidates += exhaustive.length;
        if (exhaustive.join() !== anchored.join()) {
          out.mismatches.push(`${file.path}: exhaustive [${exhaustive.join(' ')}] anchored [${anchored.join(' ')}]`);
        }
        if (exhaustive.length > 0 && !hasAnchor(file.text, ALL_KINDS, METHODS)) out.mismatches.push(`${file.path}: candidates but no anchor`);
        file.release();
      }
    }
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return out;
}

describe('anchors', () => {
  it('find every candidate of the testdata', async () => {
    const r = await compareCandidates(goDirectories(TESTDATA), TESTDATA);
    expect(r.mismatches).toEqual([]);
    expect(r.files).toBeGreaterThan(20);
    expect(r.candidates).toBeGreaterThan(100);
  });

  it('give the same findings as the exhaustive search on the testdata', () => {
    const plan = planRun({ patterns: goDirectories(TESTDATA), cwd: TESTDATA, config: defaultConfig(TESTDATA), rules: [], includeGenerated: true });
    const rules = RULES.map((rule) => ({ rule, severity: undefined }));
    let findings = 0;
    for (const job of plan.jobs) {
      for (const files of loadDirectory(job, emptyStats(), [])) {
        const lint = (search: CandidateSearch) => lintPackage(new PackageModel(files, job.goVersion, job.dir), rules, undefined, search).findings.map((f) => JSON.stringify(resolveFinding(f)));
        const anchored = lint('anchored');
        for (const f of files) f.release();
        expect(lint('exhaustive').sort()).toEqual(anchored.sort());
        findings += anchored.length;
      }
    }
    expect(findings).toBeGreaterThan(50);
  });

  it.skipIf(!fs.existsSync(STD))('find every candidate of the Go standard library', async () => {
    const r = await compareCandidates(['./...'], STD);
    expect(r.mismatches).toEqual([]);
    expect(r.files).toBeGreaterThan(2500);
    expect(r.candidates).toBeGreaterThan(5000);
  });
});
