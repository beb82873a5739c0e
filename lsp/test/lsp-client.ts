/**
 * A minimal LSP client for tests: spawns the real server (`node dist/cli/main.js lsp --stdio`),
 * speaks JSON-RPC over its stdio, records what the server pushes (diagnostics, log messages,
 * registrations, refresh requests) and answers its requests (`workspace/configuration`).
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  ErrorCodes,
  ResponseError,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CLI = path.join(REPO, 'dist', 'cli', 'main.js');

export function requireBuild(): void {
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run "npm run build" before the LSP tests`);
}

export interface LogMessage {
  readonly type: number;
  readonly message: string;
}

export interface StartOptions {
  readonly root: string;
  readonly capabilities?: ClientCapabilities;
  readonly initializationOptions?: unknown;
  /** Answer to `workspace/configuration` for section gomaplint. */
  readonly configuration?: () => unknown;
  /** Extra arguments for node, before the server script. */
  readonly nodeArgs?: readonly string[];
  /** Server-to-client requests the client answers with an error (a client that refuses them). */
  readonly refuse?: readonly string[];
}

/** Capabilities of a plain push client (much like Neovim 0.7). */
export const PUSH_CLIENT: ClientCapabilities = {
  textDocument: {
    publishDiagnostics: { relatedInformation: true },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } } },
  },
};

export class TestClient {
  readonly published: PublishDiagnosticsParams[] = [];
  readonly logs: LogMessage[] = [];
  readonly shown: LogMessage[] = [];
  readonly registrations: Array<{ method: string; registerOptions: unknown }> = [];
  refreshes = 0;
  configurationRequests = 0;
  /** Requests answered with an error (see `StartOptions.refuse`), by method. */
  readonly refused: string[] = [];
  initializeResult!: InitializeResult;
  private waiters: Array<() => void> = [];
  private exited: Promise<number | null>;
  stderr = '';

  private constructor(
    readonly proc: ChildProcessWithoutNullStreams,
    readonly conn: ProtocolConnection,
    options: StartOptions,
  ) {
    this.exited = new Promise((resolve) => proc.on('exit', (code) => resolve(code)));
    proc.stderr.on('data', (d: Buffer) => (this.stderr += d.toString()));
    conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.published.push(p);
      this.wake();
    });
    conn.onNotification('window/logMessage', (p: LogMessage) => {
      this.logs.push(p);
      this.wake();
    });
    conn.onNotification('window/showMessage', (p: LogMessage) => {
      this.shown.push(p);
      this.wake();
    });
    conn.onRequest('window/showMessageRequest', () => null);
    conn.onRequest('client/registerCapability', (p: { registrations: Array<{ method: string; registerOptions: unknown }> }) => {
      this.registrations.push(...p.registrations);
      this.wake();
      return null;
    });
    conn.onRequest('workspace/configuration', (p: { items: Array<{ section?: string }> }) => {
      this.configurationRequests++;
      this.wake();
      return p.items.map((i) => (i.section === 'gomaplint' ? (options.configuration?.() ?? null) : null));
    });
    conn.onRequest('workspace/diagnostic/refresh', () => {
      this.refreshes++;
      this.wake();
      return null;
    });
    for (const method of options.refuse ?? []) {
      conn.onRequest(method, () => {
        this.refused.push(method);
        this.wake();
        return new ResponseError(ErrorCodes.InternalError, `${method} refused by the test client`);
      });
    }
    conn.listen();
  }

  static async start(options: StartOptions): Promise<TestClient> {
    requireBuild();
    const proc = spawn(process.execPath, [...(options.nodeArgs ?? []), CLI, 'lsp', '--stdio'], { cwd: options.root, stdio: 'pipe' });
    const conn = createProtocolConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
    const client = new TestClient(proc, conn, options);
    client.initializeResult = await conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(options.root).href,
      workspaceFolders: [{ uri: pathToFileURL(options.root).href, name: 'root' }],
      capabilities: options.capabilities ?? PUSH_CLIENT,
      initializationOptions: options.initializationOptions,
    });
    await conn.sendNotification('initialized', {});
    return client;
  }

  get encoding(): string {
    return this.initializeResult.capabilities.positionEncoding ?? 'utf-16';
  }

  async open(uri: string, text: string, version = 1, languageId = 'go'): Promise<void> {
    await this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  async change(uri: string, version: number, contentChanges: TextDocumentContentChangeEvent[]): Promise<void> {
    await this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
  }

  async close(uri: string): Promise<void> {
    await this.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** Diagnostics published for `uri` after `since` notifications, once `accept` holds. */
  async diagnostics(uri: string, accept: (p: PublishDiagnosticsParams) => boolean = () => true, since = 0, timeoutMs = 10_000): Promise<PublishDiagnosticsParams> {
    return this.until(() => this.published.slice(since).find((p) => p.uri === uri && accept(p)), `diagnostics for ${uri}`, timeoutMs);
  }

  /** Resolves when `probe` returns a value; fails after `timeoutMs`. */
  async until<T>(probe: () => T | undefined | false, what: string, timeoutMs = 10_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const v = probe();
      if (v !== undefined && v !== false) return v;
      const left = deadline - Date.now();
      if (left <= 0) {
        const published = this.published.slice(-5).map((p) => JSON.stringify(p).slice(0, 300));
        throw new Error(`timed out waiting for ${what}\nlog:\n${this.logs.map((l) => l.message).join('\n')}\nlast published:\n${published.join('\n')}\nstderr:\n${this.stderr}`);
      }
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, Math.min(left, 200));
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  /** Nothing more arrives for `ms` milliseconds. */
  async quiet(ms: number): Promise<void> {
    await new Promise((r) => setTimeout(r, ms));
  }

  async stop(): Promise<number | null> {
    try {
      await this.conn.sendRequest('shutdown');
      await this.conn.sendNotification('exit');
    } catch {
      this.proc.kill();
    }
    const code = await Promise.race([this.exited, new Promise<null>((r) => setTimeout(() => r(null), 5000))]);
    if (this.proc.exitCode === null) this.proc.kill();
    this.conn.dispose();
    return code;
  }

  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }
}

/** The shared fixture package: a registry type with a map of connections (file `types.go`). */
export const SHOP_TYPES = `package shop

type conn struct{ id int }

type registry struct {
	conns map[string]*conn
}

func newRegistry() *registry { return &registry{conns: map[string]*conn{}} }
`;

/** A file of the fixture package with one nil-as-delete finding on line 4. */
export const SHOP_DROP = `package shop

func drop(r *registry, key string) {
	r.conns[key] = nil
}
`;

/** A temporary directory with the given files (relative path → text); returns its path. */
export function makeProject(files: Record<string, string>): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(fs.realpathSync(process.env.TMPDIR ?? '/tmp'), 'gomaplint-lsp-')));
  for (const [rel, text] of Object.entries(files)) writeFile(root, rel, text);
  return root;
}

export function writeFile(root: string, rel: string, text: string): void {
  const p = path.join(root, rel);
  fs.mkdirSync(path.dirname(p), { recursive: true });
  fs.writeFileSync(p, text);
}

export function uriOf(root: string, rel: string): string {
  return pathToFileURL(path.join(root, rel)).href;
}

/**
 * Applies LSP text edits (positions in `encoding`) to `text`: an independent implementation of
 * the position arithmetic, so the tests do not check the server against itself.
 */
export function applyLspEdits(text: string, edits: ReadonlyArray<{ range: { start: Pos; end: Pos }; newText: string }>, encoding: string): string {
  const withOffsets = edits.map((e) => ({ start: offsetOf(text, e.range.start, encoding), end: offsetOf(text, e.range.end, encoding), newText: e.newText }));
  withOffsets.sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of withOffsets) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

interface Pos {
  readonly line: number;
  readonly character: number;
}

function offsetOf(text: string, pos: Pos, encoding: string): number {
  const lines = text.split(/(?<=\r\n|\n|\r(?!\n))/);
  let offset = 0;
  for (let i = 0; i < pos.line && i < lines.length; i++) offset += (lines[i] as string).length;
  const line = (lines[pos.line] ?? '').replace(/\r?\n$|\r$/, '');
  return offset + columnToIndex(line, pos.character, encoding);
}

/** The string index of a column in `encoding` units on `line`. */
export function columnToIndex(line: string, character: number, encoding: string): number {
  if (encoding === 'utf-16') return Math.min(character, line.length);
  let units = 0;
  let i = 0;
  for (const ch of line) {
    if (units >= character) break;
    units += encoding === 'utf-8' ? Buffer.byteLength(ch) : 1;
    i += ch.length;
  }
  return i;
}

/** The column, in `encoding` units, of string index `index` on `line`. */
export function indexToColumn(line: string, index: number, encoding: string): number {
  const prefix = line.slice(0, index);
  if (encoding === 'utf-16') return prefix.length;
  if (encoding === 'utf-8') return Buffer.byteLength(prefix);
  return [...prefix].length;
}
