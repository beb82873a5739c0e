/**
 * Where things are, in SARIF terms. Files inside the repository root get a URI relative to it
 * with `uriBaseId: "%SRCROOT%"` (what GitHub code scanning wants: alerts stay attached to the same
 * path from run to run, wherever the checkout lives); files outside it get an absolute `file:` URI.
 * Path segments are percent-encoded (a space is `%20`). Regions use the analyzer's 1-based UTF-16
 * columns (`run.columnKind: "utf16CodeUnits"`), `endColumn` one past the last character.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ArtifactLocation, Region } from 'sarif';
import type { Range } from '../../analyzer/engine/finding.js';

export const SRCROOT = '%SRCROOT%';

/** The `originalUriBaseIds` entry: the root as an absolute directory URI (ends with `/`). */
export function rootUri(root: string): string {
  const href = pathToFileURL(root).href;
  return href.endsWith('/') ? href : `${href}/`;
}

export function artifactLocation(file: string, root: string): ArtifactLocation {
  const rel = path.relative(root, file);
  if (rel !== '' && !rel.startsWith(`..${path.sep}`) && rel !== '..' && !path.isAbsolute(rel)) {
    return { uri: rel.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
  }
  return { uri: pathToFileURL(file).href };
}

export function region(range: Range): Region {
  const sameLine = range.end.line === range.start.line;
  return {
    startLine: range.start.line,
    startColumn: range.start.column,
    endLine: Math.max(range.end.line, range.start.line),
    endColumn: sameLine ? Math.max(range.end.column, range.start.column) : range.end.column,
  };
}
