/**
 * The gomaplint extension for VS Code: starts `gomaplint lsp` for Go files and lets
 * vscode-languageclient do the rest (diagnostics are pulled, code actions and fix-all on save
 * come from the server, settings are read by the server through `workspace/configuration`).
 *
 * Which server runs (`gomaplint.server.path`):
 * - a path ending in `.js` (gomaplint's `dist/cli/main.js`): run with VS Code's Node over IPC;
 * - any other path: an executable, over stdio;
 * - empty: the workspace's `node_modules/gomaplint`, else `gomaplint` on the PATH.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;
let output: vscode.OutputChannel | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel('gomaplint');
  context.subscriptions.push(
    output,
    vscode.commands.registerCommand('gomaplint.restartServer', () => restart()),
    vscode.commands.registerCommand('gomaplint.showOutput', () => output?.show()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('gomaplint.server')) void restart();
    }),
  );
  await start();
}

export async function deactivate(): Promise<void> {
  await stop();
}

async function start(): Promise<void> {
  const server = resolveServer();
  output?.appendLine(`Starting ${server.description}`);
  const settings = vscode.workspace.getConfiguration('gomaplint');
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'go' },
      { scheme: 'untitled', language: 'go' },
    ],
    outputChannel: output,
    initializationOptions: {
      enable: settings.get<boolean>('enable', true),
      rules: settings.get<Record<string, string>>('rules', {}),
      includeGenerated: settings.get<boolean | null>('includeGenerated', null),
      configFile: settings.get<string | null>('configFile', null),
    },
  };
  client = new LanguageClient('gomaplint', 'gomaplint', server.options, clientOptions);
  try {
    await client.start();
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    output?.appendLine(`The gomaplint language server did not start: ${message}`);
    void vscode.window.showErrorMessage(
      `gomaplint: the language server did not start (${server.description}). Install gomaplint (npm install -g gomaplint) or set "gomaplint.server.path".`,
    );
  }
}

async function stop(): Promise<void> {
  const c = client;
  client = undefined;
  if (c?.isRunning()) await c.stop();
}

async function restart(): Promise<void> {
  await stop();
  await start();
}

interface ResolvedServer {
  readonly options: ServerOptions;
  readonly description: string;
}

function resolveServer(): ResolvedServer {
  const configured = vscode.workspace.getConfiguration('gomaplint').get<string>('server.path', '').trim();
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  if (configured !== '') {
    const expanded = configured.startsWith('~') ? path.join(os.homedir(), configured.slice(1)) : configured;
    const resolved = path.isAbsolute(expanded) || !folder ? expanded : path.join(folder, expanded);
    return resolved.endsWith('.js') ? nodeModule(resolved) : executable(resolved);
  }
  if (folder) {
    const local = path.join(folder, 'node_modules', 'gomaplint', 'dist', 'cli', 'main.js');
    if (fs.existsSync(local)) return nodeModule(local);
  }
  return executable(process.platform === 'win32' ? 'gomaplint.cmd' : 'gomaplint');
}

function nodeModule(module: string): ResolvedServer {
  const run = { module, args: ['lsp'], transport: TransportKind.ipc };
  return { options: { run, debug: run }, description: `${module} lsp --node-ipc` };
}

function executable(command: string): ResolvedServer {
  const run = { command, args: ['lsp'], transport: TransportKind.stdio };
  return { options: { run, debug: run }, description: `${command} lsp --stdio` };
}
