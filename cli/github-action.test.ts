/**
 * action.yml: its shape, and its "Run gomaplint" step executed the way the runner executes a
 * composite step (`bash --noprofile --norc -eo pipefail`, inputs through `env`, GITHUB_OUTPUT
 * and GITHUB_ACTION_PATH set) against the built CLI. Setting up Node and `npm ci` are the
 * runner's business and are not repeated here.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Log } from 'sarif';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { SarifCollector } from './reporters/testing/sarif-validation.js';
import { copyCiProject, removeCiProject, REPO_ROOT } from './testing/ci-project.js';

interface ActionStep {
  readonly id?: string;
  readonly name?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly shell?: string;
  readonly env?: Readonly<Record<string, string>>;
  readonly with?: Readonly<Record<string, string>>;
}

interface Action {
  readonly name: string;
  readonly description: string;
  readonly inputs: Readonly<Record<string, { readonly description: string; readonly default?: string }>>;
  readonly outputs: Readonly<Record<string, { readonly description: string; readonly value: string }>>;
  readonly runs: { readonly using: string; readonly steps: readonly ActionStep[] };
}

const action = YAML.parse(fs.readFileSync(path.join(REPO_ROOT, 'action.yml'), 'utf8')) as Action;
const runStep = action.runs.steps.find((s) => s.id === 'run') as ActionStep;
const collected = new SarifCollector();
let repo: string;

beforeAll(() => {
  repo = copyCiProject();
});
afterAll(() => removeCiProject(repo));

/** Runs the step with the given inputs (defaults for the rest); returns exit status, stdout and step outputs. */
function runAction(inputs: Readonly<Record<string, string>>) {
  const values = Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, inputs[k] ?? v.default ?? '']));
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(runStep.env ?? {})) {
    env[k] = v.replace(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}/g, (_m, name: string) => values[name] ?? '');
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gomaplint-action-'));
  const outputFile = path.join(tmp, 'output');
  const script = path.join(tmp, 'step.sh');
  fs.writeFileSync(outputFile, '');
  fs.writeFileSync(script, runStep.run ?? '');
  const cwd = path.resolve(repo, values['working-directory'] ?? '.');
  const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: os.homedir(), NO_COLOR: '1', GITHUB_OUTPUT: outputFile, GITHUB_ACTION_PATH: REPO_ROOT, ...env },
  });
  const outputText = fs.readFileSync(outputFile, 'utf8');
  fs.rmSync(tmp, { recursive: true, force: true });
  const outputs = Object.fromEntries(
    outputText
      .split('\n')
      .filter(Boolean)
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, outputs };
}

describe('action.yml', () => {
  it('is a composite action with the documented inputs and outputs', () => {
    expect(action.runs.using).toBe('composite');
    expect(Object.keys(action.inputs)).toEqual(expect.arrayContaining(['patterns', 'format', 'args', 'sarif-file']));
    expect(action.outputs['sarif-file']?.value).toBe('${{ steps.run.outputs.sarif-file }}');
    expect(action.runs.steps[0]?.uses).toMatch(/^actions\/setup-node@v\d+$/);
    expect(action.runs.steps[0]?.with?.['node-version']).toBe('${{ inputs.node-version }}');
    for (const step of action.runs.steps) if (step.run) expect(step.shell).toBe('bash');
  });

  it('never pastes expressions into scripts (inputs come through the environment)', () => {
    for (const step of action.runs.steps) expect(step.run ?? '').not.toContain('${{');
  });

  it('with default inputs: lints ./..., prints text, writes SARIF and outputs its absolute path', () => {
    const r = runAction({});
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/3 findings \(3 warnings\)/);
    expect(r.outputs).toEqual({ 'sarif-file': path.join(repo, 'gomaplint.sarif'), 'exit-code': '1' });
    expect(collected.addFile<Log>(path.join(repo, 'gomaplint.sarif')).runs[0]?.results).toHaveLength(3);
  });

  it('passes patterns, a sarif file of its own, other formats and args through', () => {
    const r = runAction({ patterns: './store ./clean', format: 'sarif:out/custom.sarif, github', args: '--fail-on never --category backend' });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^::warning file=store\/store\.go,line=7,/m);
    expect(r.outputs).toEqual({ 'sarif-file': path.join(repo, 'out', 'custom.sarif'), 'exit-code': '0' });
    const log = collected.addFile<Log>(path.join(repo, 'out', 'custom.sarif'));
    expect(log.runs[0]?.results).toHaveLength(2);
    expect(log.runs[0]?.automationDetails).toEqual({ id: 'backend/' });
  });

  it('runs in working-directory, leaves sarif-file empty without sarif, and does not glob', () => {
    const r = runAction({ 'working-directory': 'store', patterns: '*', format: 'text' });
    expect(r.status).toBe(2); // "*" reached gomaplint unexpanded: no such package
    expect(r.stderr).toMatch(/^gomaplint: \*: no such file or directory$/m);
    expect(r.outputs).toEqual({ 'sarif-file': '', 'exit-code': '2' });
  });

  it('writes SARIF that passes Sarif.Multitool (Ghas;Sarif)', () => {
    expect(collected.files).toHaveLength(2);
    expect(collected.multitoolProblems()).toEqual([]);
  });
});
