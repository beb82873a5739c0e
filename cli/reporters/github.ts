/**
 * `--format github`: one GitHub Actions workflow command per finding, so findings show as
 * annotations on the pull request without code scanning:
 *
 *   ::warning file=pkg/a.go,line=12,col=2,endLine=12,endColumn=12,title=gomaplint/nil-as-delete::m[k] = nil keeps…
 *
 * Paths are relative to the repository root (what GitHub resolves annotations against); columns
 * are 1-based UTF-16 code units, `endColumn` exclusive, and given only for single-line findings
 * (GitHub ignores columns on multi-line annotations). Related locations and the suggested fix
 * follow the message on lines of their own.
 */
import type { Finding, Severity } from '../../analyzer/engine/finding.js';
import { displayPath, type Reporter } from './reporter.js';
import { workflowCommand, type WorkflowCommandLevel } from './workflow-command.js';

const LEVEL: Record<Severity, WorkflowCommandLevel> = { error: 'error', warning: 'warning', note: 'notice' };

export const githubReporter: Reporter = {
  name: 'github',
  render(input) {
    return input.findings.map((f) => `${annotation(f, input.root)}\n`).join('');
  },
};

function annotation(f: Finding, root: string): string {
  const singleLine = f.start.line === f.end.line;
  type Property = readonly [string, string | number];
  const properties: Property[] = [['file', displayPath(f.path, root)], ['line', f.start.line]];
  if (singleLine) properties.push(['col', f.start.column]);
  properties.push(['endLine', f.end.line]);
  if (singleLine) properties.push(['endColumn', Math.max(f.end.column, f.start.column)]);
  properties.push(['title', `gomaplint/${f.ruleId}`]);
  return workflowCommand(LEVEL[f.severity], properties, message(f, root));
}

function message(f: Finding, root: string): string {
  const lines = [f.message];
  for (const r of f.related) lines.push(`${displayPath(r.path, root)}:${r.start.line}:${r.start.column}: ${r.message}`);
  if (f.fix) lines.push(`Suggested fix: ${f.fix.description}`);
  return lines.join('\n');
}
