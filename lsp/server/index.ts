/**
 * Starts the language server on the transport chosen on the command line:
 * `gomaplint lsp --stdio` (the default), `--node-ipc` (a Node parent such as VS Code's language
 * client forking the server), `--socket=<port>` or `--pipe=<name>` (connect to the client).
 *
 * In stdio mode stdout carries the protocol, so `console.*` is redirected to the client's log
 * (`window/logMessage`); nothing in the server writes to stdout directly. Stdin passes through a
 * `FrameGuard` (a malformed header is skipped, not left blocking the messages after it), and
 * messages that cannot be read (a body that is not JSON) are logged and dropped.
 */
import { format } from 'node:util';
import {
  createConnection,
  createServerPipeTransport,
  createServerSocketTransport,
  IPCMessageReader,
  IPCMessageWriter,
  StreamMessageReader,
  StreamMessageWriter,
  type Connection,
} from 'vscode-languageserver/node';
import { FrameGuard } from './frame-guard.js';
import { GomaplintServer } from './server.js';

export interface TransportOptions {
  readonly stdio?: boolean;
  readonly nodeIpc?: boolean;
  readonly socket?: string;
  readonly pipe?: string;
}

export class TransportError extends Error {}

/**
 * The connection for the chosen transport. `exitCode` tells the process's exit code should the
 * client close stdin (0 after a `shutdown` request, 1 otherwise).
 */
export function createTransportConnection(options: TransportOptions, exitCode: () => number = () => 1): Connection {
  const chosen = [options.stdio, options.nodeIpc, options.socket !== undefined, options.pipe !== undefined].filter(Boolean).length;
  if (chosen > 1) throw new TransportError('choose one transport: --stdio, --node-ipc, --socket or --pipe');
  if (options.nodeIpc) {
    if (!process.send) throw new TransportError('--node-ipc: the server was not started with an IPC channel');
    return createConnection(new IPCMessageReader(process), new IPCMessageWriter(process));
  }
  if (options.socket !== undefined) {
    const port = Number(options.socket);
    if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new TransportError(`--socket: invalid port "${options.socket}"`);
    const [reader, writer] = createServerSocketTransport(port);
    return createConnection(reader, writer);
  }
  if (options.pipe !== undefined) {
    const [reader, writer] = createServerPipeTransport(options.pipe);
    return createConnection(reader, writer);
  }
  return stdioConnection(exitCode);
}

function stdioConnection(exitCode: () => number): Connection {
  const input = new FrameGuard((problem) => connection.console.warn(`gomaplint: ${problem}`));
  process.stdin.pipe(input);
  const reader = new StreamMessageReader(input);
  reader.onError((e) => connection.console.warn(`gomaplint: dropped a message that could not be read: ${e.message}`));
  const connection = createConnection(reader, new StreamMessageWriter(process.stdout));
  // What vscode-languageserver does when given stdin itself: the client is gone, so is the server.
  const end = (): never => process.exit(exitCode());
  process.stdin.on('end', end);
  process.stdin.on('close', end);
  redirectConsole(connection);
  return connection;
}

/** Sends `console.*` output to the client's log instead of stdout. */
function redirectConsole(connection: Connection): void {
  const send =
    (level: 'log' | 'info' | 'warn' | 'error') =>
    (...args: unknown[]): void => {
      connection.console[level](format(...args));
    };
  console.log = send('log');
  console.info = send('info');
  console.debug = send('log');
  console.warn = send('warn');
  console.error = send('error');
  console.trace = send('log');
  console.dir = send('log');
  console.table = send('log');
}

/** Runs the server until the client ends the session (the library then exits the process). */
export function startLanguageServer(options: TransportOptions, version: string): Promise<number> {
  let server: GomaplintServer | undefined;
  const connection = createTransportConnection(options, () => (server?.shutdownRequested ? 0 : 1));
  server = new GomaplintServer(connection, { version });
  server.register();
  const done = new Promise<number>((resolve) => {
    connection.onExit(() => resolve(0));
  });
  connection.listen();
  return done;
}
