/**
 * docs/ci.md stays true: its YAML snippets parse, the workflows use only the action's real inputs
 * and outputs, and every gomaplint command line it shows runs (on the CI test project) without a
 * usage error. SARIF files those commands write are validated like all others.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { SarifCollector } from './reporters/testing/sarif-validation.js';
import { copyCiProject, MAIN_JS, removeCiProject, REPO_ROOT } from './testing/ci-project.js';

const doc = fs.readFileSync(path.join(REPO_ROOT, 'docs', 'ci.md'), 'utf8');
const blocks = [...doc.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map((m) => ({ lang: m[1] ?? '', body: m[2] ?? '' }));
const action = YAML.parse(fs.readFileSync(path.join(REPO_ROOT, 'action.yml'), 'utf8')) as {
  inputs: Record<string, unknown>;
  outputs: Record<string, unknown>;
};

interface Step {
  readonly id?: string;
  readonly uses?: string;
  readonly with?: Readonly<Record<string, unknown>>;
}

/** Steps of a workflow, a job's step list or a bare list of steps. */
function stepsOf(value: unknown): Step[] {
  if (Array.isArray(value)) return value as Step[];
  const jobs = (value as { jobs?: Record<string, { steps?: Step[] }> } | null)?.jobs ?? {};
  return Object.values(jobs).flatMap((j) => j.steps ?? []);
}

/** `gomaplint …` and `npx --yes gomaplint@x …` command lines, as argument lists (up to a pipe). */
function commandLines(): string[][] {
  const out: string[][] = [];
  for (const b of blocks) {
    for (const line of b.body.split('\n')) {
      const m = /(?:^|\s|run: |- )(?:npx --yes gomaplint@\S+|gomaplint)\s+(\S.*)$/.exec(line.replace(/#.*$/, '').split('|')[0] ?? '');
      if (m?.[1]) out.push(m[1].trim().split(/\s+/));
    }
  }
  return out;
}

describe('docs/ci.md', () => {
  it('has YAML snippets that parse', () => {
    const yamlBlocks = blocks.filter((b) => b.lang === 'yaml');
    expect(yamlBlocks.length).toBeGreaterThanOrEqual(5);
    for (const b of yamlBlocks) expect(() => YAML.parse(b.body)).not.toThrow();
  });

  it('uses only inputs and outputs the action has', () => {
    let uses = 0;
    for (const b of blocks.filter((x) => x.lang === 'yaml')) {
      const steps = stepsOf(YAML.parse(b.body));
      for (const step of steps.filter((s) => s.uses?.startsWith('gomaplint/gomaplint@'))) {
        uses++;
        for (const key of Object.keys(step.with ?? {})) expect(Object.keys(action.inputs), `input ${key}`).toContain(key);
      }
      for (const m of b.body.matchAll(/steps\.gomaplint\.outputs\.([\w-]+)/g)) expect(Object.keys(action.outputs)).toContain(m[1]);
    }
    expect(uses).toBeGreaterThanOrEqual(2);
  });

  describe('command lines', () => {
    const collected = new SarifCollector();
    let repo: string;
    beforeAll(() => {
      repo = copyCiProject();
    });
    afterAll(() => removeCiProject(repo));

    it.each(commandLines().map((args) => [args.join(' '), args] as const))('gomaplint %s', (_name, args) => {
      const r = spawnSync(process.execPath, [MAIN_JS, ...args], { cwd: repo, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      expect(r.stderr).toBe('');
      expect([0, 1]).toContain(r.status);
      for (const f of fs.readdirSync(repo, { recursive: true, encoding: 'utf8' }).filter((p) => p.endsWith('.sarif'))) {
        collected.addFile(path.join(repo, f));
        fs.rmSync(path.join(repo, f));
      }
    });

    it('write SARIF that passes Sarif.Multitool (Ghas;Sarif)', () => {
      expect(collected.files.length).toBeGreaterThanOrEqual(3);
      expect(collected.multitoolProblems()).toEqual([]);
    });
  });
});
