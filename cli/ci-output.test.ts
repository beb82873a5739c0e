/**
 * The CI-facing command line, end to end: `node dist/cli/main.js` (run `npm run build` first) on a
 * copy of testdata/ci/project made into a git repository. Every SARIF file written here is
 * checked against the schema at once and by Sarif.Multitool in the last test.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Log, Result } from 'sarif';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lineHashes } from './reporters/line-hash.js';
import { SarifCollector } from './reporters/testing/sarif-validation.js';
import { copyCiProject, MAIN_JS, removeCiProject } from './testing/ci-project.js';

const collected = new SarifCollector();

let repo: string;

beforeAll(() => {
  repo = copyCiProject();
});
afterAll(() => removeCiProject(repo));

function gomaplint(args: readonly string[], cwd = repo) {
  const r = spawnSync(process.execPath, [MAIN_JS, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', GOMAPLINT_DEBUG: '' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function sarifResults(log: Log): Result[] {
  return log.runs[0]?.results ?? [];
}

const uriOf = (r: Result) => r.locations?.[0]?.physicalLocation?.artifactLocation?.uri;

describe('several outputs in one run', () => {
  it('prints text and writes sarif, github, checkstyle and gitlab files', () => {
    const r = gomaplint(['./...', '--format', 'text', '--format', 'sarif:reports/gomaplint.sarif', '-f', 'github:reports/annotations.txt,checkstyle:reports/checkstyle.xml', '-f', 'gitlab:reports/codequality.json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^store\/store\.go:7:\d+: warning nil-as-delete /m);
    expect(r.stdout).toMatch(/3 findings \(3 warnings\)/);
    const log = collected.addFile<Log>(path.join(repo, 'reports', 'gomaplint.sarif'));
    expect(sarifResults(log).map(uriOf)).toEqual(['my%20dir/cache.go', 'store/store.go', 'store/store.go']);
    const [withRelated] = sarifResults(log);
    expect(withRelated?.message.text).toMatch(/^byID\[id\] = nil keeps the key in map byID: .* Related: \[read here\]\(1\)\.$/);
    expect(withRelated?.relatedLocations).toEqual([
      {
        id: 1,
        physicalLocation: { artifactLocation: { uri: 'my%20dir/cache.go', uriBaseId: '%SRCROOT%' }, region: { startLine: 12, startColumn: 2, endLine: 12, endColumn: 19 } },
        message: { text: 'read here' },
      },
    ]);
    expect(fs.readFileSync(path.join(repo, 'reports', 'annotations.txt'), 'utf8')).toMatch(
      /^::warning file=my dir\/cache\.go,line=7,col=2,endLine=7,endColumn=16,title=gomaplint\/nil-as-delete::byID\[id\] = nil .*%0Amy dir\/cache\.go:12:2: read here%0ASuggested fix: Replace with delete\(byID, id\)$/m,
    );
    expect(fs.readFileSync(path.join(repo, 'reports', 'checkstyle.xml'), 'utf8')).toContain('<file name="store/store.go">');
    const codeQuality = JSON.parse(fs.readFileSync(path.join(repo, 'reports', 'codequality.json'), 'utf8')) as Array<{ location: { path: string } }>;
    expect(codeQuality.map((i) => i.location.path)).toEqual(['my dir/cache.go', 'store/store.go', 'store/store.go']);
  });

  it('writes the formats without a file to --output', () => {
    const r = gomaplint(['./...', '--format', 'sarif', '--output', 'out.sarif', '--format', 'text:-']);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/3 findings/);
    expect(sarifResults(collected.addFile<Log>(path.join(repo, 'out.sarif')))).toHaveLength(3);
  });

  it('prints SARIF to stdout when asked to', () => {
    const r = gomaplint(['./store', '--format', 'sarif']);
    expect(r.status).toBe(1);
    expect(sarifResults(collected.add<Log>('stdout', r.stdout))).toHaveLength(2);
  });
});

describe('SARIF from the command line', () => {
  it('uses UTF-16 columns and GitHub line hashes of the files on disk', () => {
    gomaplint(['./store', '--format', 'sarif:store.sarif']);
    const [afterEmoji, plain] = sarifResults(collected.addFile<Log>(path.join(repo, 'store.sarif')));
    const text = fs.readFileSync(path.join(repo, 'store', 'store.go'), 'utf8');
    const line7 = text.split('\n')[6] ?? '';
    expect(line7).toBe('\t_ = "漢字😀"; m[k] = nil');
    expect(afterEmoji?.locations?.[0]?.physicalLocation?.region).toEqual({
      startLine: 7,
      startColumn: line7.indexOf('m[k]') + 1,
      endLine: 7,
      endColumn: line7.length + 1,
    });
    expect(afterEmoji?.partialFingerprints).toEqual({ primaryLocationLineHash: lineHashes(text)[6] });
    expect(plain?.partialFingerprints).toEqual({ primaryLocationLineHash: lineHashes(text)[7] });
    expect(afterEmoji?.fixes?.[0]?.artifactChanges[0]?.replacements?.[0]?.insertedContent?.text).toBe('delete(m, k)');
  });

  it('makes URIs relative to the git top-level when run from a subdirectory', () => {
    gomaplint(['.', '--format', 'sarif:../from-subdir.sarif'], path.join(repo, 'store'));
    const log = collected.addFile<Log>(path.join(repo, 'from-subdir.sarif'));
    expect(sarifResults(log).map(uriOf)).toEqual(['store/store.go', 'store/store.go']);
    expect(log.runs[0]?.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: `file://${repo}/` } });
  });

  it('makes URIs relative to --root, and sets the category', () => {
    gomaplint(['./...', '--root', 'store', '--category', 'backend', '--format', 'sarif:rooted.sarif']);
    const log = collected.addFile<Log>(path.join(repo, 'rooted.sarif'));
    expect(sarifResults(log).map(uriOf)).toEqual([`file://${repo}/my%20dir/cache.go`, 'store.go', 'store.go']);
    expect(log.runs[0]?.automationDetails).toEqual({ id: 'backend/' });
  });

  it('writes a valid log when there is nothing to report', () => {
    const r = gomaplint(['./clean', '--format', 'sarif:clean.sarif']);
    expect(r.status).toBe(0);
    expect(sarifResults(collected.addFile<Log>(path.join(repo, 'clean.sarif')))).toEqual([]);
  });
});

describe('exit codes', () => {
  it.each([
    [[], 1],
    [['--fail-on', 'note'], 1],
    [['--fail-on', 'warning'], 1],
    [['--fail-on', 'error'], 0],
    [['--fail-on', 'never'], 0],
  ])('%j on warnings exits %i, whatever the format', (flags, expected) => {
    const file = `exit${flags.join('-')}.sarif`;
    expect(gomaplint(['./...', ...flags, '--format', `sarif:${file}`]).status).toBe(expected);
    expect(sarifResults(collected.addFile<Log>(path.join(repo, file)))).toHaveLength(3);
    expect(gomaplint(['./...', ...flags, '--format', 'github']).status).toBe(expected);
  });
});

describe('exit codes follow the configured severity', () => {
  it.each([
    ['error', 'error', 1],
    ['error', 'never', 0],
    ['note', 'warning', 0],
    ['note', 'note', 1],
  ] as const)('findings configured as %s with --fail-on %s exit %i', (severity, failOn, expected) => {
    fs.writeFileSync(path.join(repo, `as-${severity}.yaml`), `rules:\n  nil-as-delete: ${severity}\n`);
    const r = gomaplint(['./...', '--config', `as-${severity}.yaml`, '--fail-on', failOn, '--format', `sarif:as-${severity}-${failOn}.sarif`]);
    expect(r.status).toBe(expected);
    const log = collected.addFile<Log>(path.join(repo, `as-${severity}-${failOn}.sarif`));
    expect(sarifResults(log).map((x) => x.level)).toEqual([severity, severity, severity]);
  });
});

describe('bad input: exit 2 and one clear line, no stack trace', () => {
  it.each([
    [['--format', 'xml'], /^gomaplint: unknown format "xml"; valid formats: text, json, sarif, github, checkstyle, gitlab\n$/],
    [['--format', 'sarif', '--format', 'json'], /^gomaplint: several formats would write to stdout \(sarif, json\); give each its own file/],
    [['--format', 'sarif:a.out', '--format', 'json:a.out'], /^gomaplint: several formats would write to a.out \(sarif, json\)/],
    [['--format', 'sarif:'], /^gomaplint: --format sarif:: missing file name after ":"\n$/],
    [['--output', 'go.mod/out.sarif', '--format', 'sarif'], /^gomaplint: cannot write go.mod\/out.sarif: a parent path is not a directory\n$/],
    [['--format', 'sarif:store'], /^gomaplint: cannot write store: is a directory\n$/],
    [['--root', 'nowhere'], /^gomaplint: --root nowhere: not a directory\n$/],
    [['--fail-on', 'sometimes'], /^gomaplint: --fail-on: invalid level "sometimes"/],
  ])('%j', (flags, message) => {
    const r = gomaplint(['./...', ...flags]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toBe('');
  });
});

describe('every SARIF file written above', () => {
  it('passes Sarif.Multitool (Ghas;Sarif)', () => {
    expect(collected.files.length).toBeGreaterThanOrEqual(10);
    expect(collected.multitoolProblems()).toEqual([]);
  });
});
