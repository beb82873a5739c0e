/**
 * What the client can do (from `initialize`), reduced to the decisions the server makes, and the
 * capabilities the server announces in return.
 *
 * - Diagnostics are pulled (`textDocument/diagnostic`) when the client announces
 *   `textDocument.diagnostic`, and pushed (`textDocument/publishDiagnostics`) otherwise — ruff's
 *   rule; Neovim 0.7–0.9 cannot pull.
 * - Positions are UTF-8 when the client offers it, UTF-16 otherwise.
 * - Code action kinds are announced only to clients with `codeActionLiteralSupport`.
 */
import {
  CodeActionKind,
  TextDocumentSyncKind,
  type ClientCapabilities,
  type InitializeResult,
  type ServerCapabilities,
} from 'vscode-languageserver';
import { negotiateEncoding, type PositionEncoding } from './positions.js';

export const FIX_ALL_KIND = 'source.fixAll.gomaplint';
export const DIAGNOSTIC_IDENTIFIER = 'gomaplint';

export interface ClientFeatures {
  readonly encoding: PositionEncoding;
  /** Diagnostics are pulled by the client; otherwise the server pushes them. */
  readonly pullDiagnostics: boolean;
  /** `workspace/diagnostic/refresh` may be sent (pull mode). */
  readonly diagnosticRefresh: boolean;
  readonly relatedInformation: boolean;
  readonly codeActionLiterals: boolean;
  /** WorkspaceEdits may carry `documentChanges` (versioned edits). */
  readonly documentChanges: boolean;
  /** `workspace/configuration` may be requested. */
  readonly configurationRequests: boolean;
  readonly dynamicConfigurationRegistration: boolean;
  readonly dynamicWatchedFilesRegistration: boolean;
}

export function clientFeatures(caps: ClientCapabilities | undefined): ClientFeatures {
  const c = caps ?? {};
  const td = c.textDocument;
  const pull = td?.diagnostic !== undefined && td.diagnostic !== null;
  return {
    encoding: negotiateEncoding(c.general?.positionEncodings),
    pullDiagnostics: pull,
    diagnosticRefresh: pull && c.workspace?.diagnostics?.refreshSupport === true,
    relatedInformation: pull ? td?.diagnostic?.relatedInformation === true : td?.publishDiagnostics?.relatedInformation === true,
    codeActionLiterals: td?.codeAction?.codeActionLiteralSupport !== undefined,
    documentChanges: c.workspace?.workspaceEdit?.documentChanges === true,
    configurationRequests: c.workspace?.configuration === true,
    dynamicConfigurationRegistration: c.workspace?.didChangeConfiguration?.dynamicRegistration === true,
    dynamicWatchedFilesRegistration: c.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
  };
}

export function serverCapabilities(f: ClientFeatures): ServerCapabilities {
  return {
    positionEncoding: f.encoding,
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
    codeActionProvider: f.codeActionLiterals ? { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false } : true,
    ...(f.pullDiagnostics
      ? { diagnosticProvider: { identifier: DIAGNOSTIC_IDENTIFIER, interFileDependencies: true, workspaceDiagnostics: false } }
      : {}),
  };
}

export function initializeResult(f: ClientFeatures, version: string): InitializeResult {
  return { capabilities: serverCapabilities(f), serverInfo: { name: 'gomaplint', version } };
}
