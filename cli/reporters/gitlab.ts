/**
 * `--format gitlab`: a GitLab Code Quality report (the Code Climate JSON subset GitLab reads), for
 * `artifacts: reports: codequality:` — findings then show in merge request widgets and diffs.
 *
 * Paths are relative to the repository root. The fingerprint, which GitLab uses to tell new
 * findings from old ones, hashes the rule, the path, the message and GitHub's line hash of the
 * finding's line (which depends on the line's text and what follows, not on its number), so it
 * survives edits above the finding.
 */
import { createHash } from 'node:crypto';
import type { Finding, Severity } from '../../analyzer/engine/finding.js';
import { lineHashes } from './line-hash.js';
import { displayPath, type Reporter } from './reporter.js';
import { SourceCache, type SourceReader } from './source-cache.js';

const SEVERITY: Record<Severity, string> = { error: 'critical', warning: 'major', note: 'minor' };

export const gitlabReporter: Reporter = {
  name: 'gitlab',
  render(input) {
    const lineHash = lineHashLookup(input.sources ?? new SourceCache());
    const issues = input.findings.map((f) => {
      const file = displayPath(f.path, input.root);
      return {
        type: 'issue',
        check_name: f.ruleId,
        description: f.message,
        severity: SEVERITY[f.severity],
        fingerprint: createHash('sha256')
          .update([f.ruleId, file, f.message, lineHash(f) ?? `line ${f.start.line}`].join('\0'))
          .digest('hex'),
        location: { path: file, lines: { begin: f.start.line, end: f.end.line } },
      };
    });
    return `${JSON.stringify(issues, null, 2)}\n`;
  },
};

function lineHashLookup(sources: SourceReader): (f: Finding) => string | undefined {
  const byPath = new Map<string, readonly string[] | undefined>();
  return (f) => {
    if (!byPath.has(f.path)) {
      const src = sources.get(f.path);
      byPath.set(f.path, src ? lineHashes(src.text) : undefined);
    }
    return byPath.get(f.path)?.[f.start.line - 1];
  };
}
