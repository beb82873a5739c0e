/**
 * Checks on what arrives over the wire. The protocol types say what a well-behaved client sends;
 * these functions make sure of it before the server relies on it, so a malformed message is
 * logged and ignored instead of throwing deep inside a handler.
 */
import type { Position, Range } from 'vscode-languageserver';
import type { ContentChange } from './document.js';
import { isObject } from './settings.js';

export { isObject };

export function isInteger(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v);
}

export function asPosition(v: unknown): Position | undefined {
  if (!isObject(v) || !isInteger(v.line) || !isInteger(v.character)) return undefined;
  return { line: v.line, character: v.character };
}

export function asRange(v: unknown): Range | undefined {
  if (!isObject(v)) return undefined;
  const start = asPosition(v.start);
  const end = asPosition(v.end);
  return start && end ? { start, end } : undefined;
}

/** `params.textDocument.uri`. */
export function documentUri(params: unknown): string | undefined {
  if (!isObject(params) || !isObject(params.textDocument)) return undefined;
  const uri = params.textDocument.uri;
  return typeof uri === 'string' && uri.length > 0 ? uri : undefined;
}

export interface OpenParams {
  readonly uri: string;
  readonly languageId: string;
  readonly version: number;
  readonly text: string;
}

export function asOpenParams(params: unknown): OpenParams | undefined {
  if (!isObject(params) || !isObject(params.textDocument)) return undefined;
  const { uri, languageId, version, text } = params.textDocument;
  if (typeof uri !== 'string' || uri === '' || typeof text !== 'string') return undefined;
  return { uri, languageId: typeof languageId === 'string' ? languageId : '', version: isInteger(version) ? version : 0, text };
}

export interface ChangeParams {
  readonly uri: string;
  readonly version: number | undefined;
  readonly changes: ContentChange[];
}

export function asChangeParams(params: unknown): ChangeParams | undefined {
  const uri = documentUri(params);
  if (!uri || !isObject(params) || !Array.isArray(params.contentChanges)) return undefined;
  const changes: ContentChange[] = [];
  for (const c of params.contentChanges as unknown[]) {
    if (!isObject(c) || typeof c.text !== 'string') return undefined;
    if (c.range === undefined || c.range === null) {
      changes.push({ text: c.text });
      continue;
    }
    const range = asRange(c.range);
    if (!range) return undefined;
    changes.push({ range, text: c.text });
  }
  const version = isObject(params.textDocument) && isInteger(params.textDocument.version) ? params.textDocument.version : undefined;
  return { uri, version, changes };
}

export interface CodeActionParamsChecked {
  readonly uri: string;
  readonly range: Range;
  readonly only: string[] | undefined;
}

export function asCodeActionParams(params: unknown): CodeActionParamsChecked | undefined {
  const uri = documentUri(params);
  if (!uri || !isObject(params)) return undefined;
  const range = asRange(params.range);
  if (!range) return undefined;
  let only: string[] | undefined;
  if (isObject(params.context) && Array.isArray(params.context.only)) {
    only = (params.context.only as unknown[]).filter((k): k is string => typeof k === 'string');
  }
  return { uri, range, only };
}

export interface FileEvent {
  readonly uri: string;
  readonly type: number;
}

export function asFileEvents(params: unknown): FileEvent[] {
  if (!isObject(params) || !Array.isArray(params.changes)) return [];
  const out: FileEvent[] = [];
  for (const c of params.changes as unknown[]) {
    if (isObject(c) && typeof c.uri === 'string' && isInteger(c.type)) out.push({ uri: c.uri, type: c.type });
  }
  return out;
}
