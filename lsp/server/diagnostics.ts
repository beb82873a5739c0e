/**
 * Findings as LSP diagnostics: range in the negotiated encoding, severity, the rule id as `code`,
 * its documentation page as `codeDescription.href`, `source: "gomaplint"`, and the rule's other
 * places (in this file or another file of the package) as `relatedInformation`.
 */
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation, type Location, type Range } from 'vscode-languageserver';
import type { RawFinding, Severity } from '../../analyzer/engine/finding.js';
import type { GoFile } from '../../analyzer/syntax/go-file.js';
import type { LineIndex } from '../../analyzer/syntax/line-index.js';
import { ruleDocsUrl } from '../../cli/version.js';
import { toRange, type PositionEncoding } from './positions.js';

export const SOURCE = 'gomaplint';

/** Where a file's offsets land for the client: its URI, its lines, and the BOM shift. */
export interface FileView {
  readonly uri: string;
  readonly lines: LineIndex;
  /** 1 when the client's text has a BOM that the analyzer's text does not. */
  readonly bom: 0 | 1;
  /** Length of the client's text. */
  readonly length: number;
}

/** How to see a file as the client does: the open document's view, or the file on disk. */
export type ViewOf = (file: GoFile) => FileView;

export function diskView(file: GoFile): FileView {
  return { uri: pathToFileURL(file.path).href, lines: file.lines, bom: 0, length: file.text.length };
}

export function rangeIn(view: FileView, start: number, end: number, encoding: PositionEncoding): Range {
  return toRange(view.lines, start + view.bom, end + view.bom, encoding, view.length);
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  note: DiagnosticSeverity.Information,
};

export interface DiagnosticOptions {
  readonly encoding: PositionEncoding;
  /** The client displays `relatedInformation`. */
  readonly relatedInformation: boolean;
  readonly viewOf: ViewOf;
}

export function toDiagnostic(f: RawFinding, options: DiagnosticOptions): Diagnostic {
  const view = options.viewOf(f.file);
  const d: Diagnostic = {
    range: rangeIn(view, f.start, f.end, options.encoding),
    severity: SEVERITY[f.severity],
    code: f.ruleId,
    codeDescription: { href: ruleDocsUrl(f.ruleId) },
    source: SOURCE,
    message: f.message,
  };
  if (f.related.length > 0) {
    if (options.relatedInformation) {
      d.relatedInformation = f.related.map((r): DiagnosticRelatedInformation => {
        const rv = options.viewOf(r.file);
        const location: Location = { uri: rv.uri, range: rangeIn(rv, r.start, r.end, options.encoding) };
        return { location, message: r.message };
      });
    } else {
      // Clients without related information still learn where to look.
      const where = f.related.map((r) => {
        const rv = options.viewOf(r.file);
        const line = rv.lines.lineOf(r.start + rv.bom) + 1;
        return r.file === f.file ? `line ${line}: ${r.message}` : `${r.file.path}:${line}: ${r.message}`;
      });
      d.message = `${f.message}\n${where.join('\n')}`;
    }
  }
  return d;
}
