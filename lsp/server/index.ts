/**
 * Starts the language server on the transport chosen on the command line:
 * `gomaplint lsp --stdio` (the default), `--node-ipc` (a Node parent such as VS Code's language
 * client forking the server), `--socket=<port>` or `--pipe=<name>` (connect to the client).
 *
 * In stdio mode stdout carries the protocol, so `console.*` is redirected to the client's log
 * (`window/logMessage`); nothing in the server writes to stdout directly.
 */
import { format } from 'node:util';
import {
  createConnection,
  createServerPipeTransport,
  createServerSocketTransport,
  IPCMessageReader,
  IPCMessageWriter,
  type Connection,
} from 'vscode-languageserver/node';
import { GomaplintServer } from './server.js';

export interface TransportOptions {
  readonly stdio?: boolean;
  readonly nodeIpc?: boolean;
  readonly socket?: string;
  readonly pipe?: string;
}

export class TransportError extends Error {}

export function createTransportConnection(options: TransportOptions): Connection {
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
  const connection = createConnection(process.stdin, process.stdout);
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
  const connection = createTransportConnection(options);
  const server = new GomaplintServer(connection, { version });
  server.register();
  const done = new Promise<number>((resolve) => {
    connection.onExit(() => resolve(0));
  });
  connection.listen();
  return done;
}
