/**
 * `--format checkstyle`: Checkstyle XML, read by reviewdog, Jenkins (Warnings NG) and GitLab
 * converters.
 *
 *   <checkstyle version="4.3">
 *     <file name="pkg/a.go">
 *       <error line="12" column="2" severity="warning" message="…" source="gomaplint.nil-as-delete"/>
 *     </file>
 *   </checkstyle>
 *
 * File names are relative to the working directory (like the text and json formats); columns are
 * 1-based UTF-16 code units; `note` findings have Checkstyle severity `info`.
 */
import type { Finding, Severity } from '../../analyzer/engine/finding.js';
import { displayPath, type Reporter } from './reporter.js';
import { escapeXmlAttribute } from './xml-escape.js';

const SEVERITY: Record<Severity, string> = { error: 'error', warning: 'warning', note: 'info' };

export const checkstyleReporter: Reporter = {
  name: 'checkstyle',
  render(input) {
    const byFile = new Map<string, Finding[]>();
    for (const f of input.findings) {
      const name = displayPath(f.path, input.cwd);
      const list = byFile.get(name);
      if (list) list.push(f);
      else byFile.set(name, [f]);
    }
    const out = ['<?xml version="1.0" encoding="UTF-8"?>', '<checkstyle version="4.3">'];
    for (const [name, findings] of byFile) {
      out.push(`  <file name="${escapeXmlAttribute(name)}">`);
      for (const f of findings) out.push(`    ${errorElement(f)}`);
      out.push('  </file>');
    }
    out.push('</checkstyle>');
    return `${out.join('\n')}\n`;
  },
};

function errorElement(f: Finding): string {
  const attrs: Array<[string, string | number]> = [
    ['line', f.start.line],
    ['column', f.start.column],
    ['severity', SEVERITY[f.severity]],
    ['message', f.message],
    ['source', `gomaplint.${f.ruleId}`],
  ];
  return `<error ${attrs.map(([k, v]) => `${k}="${escapeXmlAttribute(String(v))}"`).join(' ')}/>`;
}
