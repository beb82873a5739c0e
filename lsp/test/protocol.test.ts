/**
 * Protocol tests: the real server (`gomaplint lsp --stdio`) driven over JSON-RPC. Written against
 * nil-as-delete (`m[k] = nil` on a map of pointers), the first rule; the assertions are about the
 * protocol, not the rule.
 */
import { fork, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createClientSocketTransport,
  createProtocolConnection,
  IPCMessageReader,
  IPCMessageWriter,
  type CodeAction,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { ruleDocsUrl } from '../../cli/version.js';
import { applyLspEdits, CLI, indexToColumn, makeProject, PUSH_CLIENT, SHOP_DROP, SHOP_TYPES, TestClient, uriOf, writeFile } from './lsp-client.js';


/** A line with CJK text and an emoji (a surrogate pair in UTF-16, 4 bytes in UTF-8) before the finding. */
const UNICODE_LINE = '\ts := "日本語🙂"; r.conns[s] = nil // ünï';
const UNICODE = `package shop

func unicode(r *registry) {
${UNICODE_LINE}
}
`;

const FINDING = 'r.conns[key] = nil';

function nonEmpty(p: PublishDiagnosticsParams): boolean {
  return p.diagnostics.length > 0;
}

function editsOf(edit: WorkspaceEdit | undefined, uri: string): TextEdit[] {
  if (!edit) return [];
  if (edit.changes) return edit.changes[uri] ?? [];
  const out: TextEdit[] = [];
  for (const dc of edit.documentChanges ?? []) if ('textDocument' in dc && dc.textDocument.uri === uri) out.push(...(dc.edits as TextEdit[]));
  return out;
}

describe('push diagnostics (UTF-16)', () => {
  let root: string;
  let client: TestClient;
  beforeAll(async () => {
    root = makeProject({ 'go.mod': 'module example.com/shop\n\ngo 1.22\n', 'types.go': SHOP_TYPES, 'drop.go': SHOP_DROP, 'unicode.go': UNICODE });
    client = await TestClient.start({ root, initializationOptions: { debounceMs: 50 } });
  });
  afterAll(async () => {
    expect(await client.stop()).toBe(0);
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('announces its capabilities', () => {
    const caps = client.initializeResult.capabilities;
    expect(caps.positionEncoding).toBe('utf-16');
    expect(caps.textDocumentSync).toMatchObject({ openClose: true, change: 2 });
    expect(caps.codeActionProvider).toEqual({ codeActionKinds: ['quickfix', 'source.fixAll.gomaplint'], resolveProvider: false });
    expect(caps.diagnosticProvider).toBeUndefined();
    expect(client.initializeResult.serverInfo?.name).toBe('gomaplint');
  });

  it('publishes diagnostics for an open document, with facts from the rest of the package on disk', async () => {
    const uri = uriOf(root, 'drop.go');
    await client.open(uri, SHOP_DROP);
    const p = await client.diagnostics(uri, nonEmpty);
    expect(p.version).toBe(1);
    expect(p.diagnostics).toHaveLength(1);
    const d = p.diagnostics[0] as Diagnostic;
    const line = SHOP_DROP.split('\n')[3] as string;
    expect(d.range).toEqual({ start: { line: 3, character: line.indexOf(FINDING) }, end: { line: 3, character: line.indexOf(FINDING) + FINDING.length } });
    expect(d).toMatchObject({
      severity: 2,
      code: 'nil-as-delete',
      codeDescription: { href: ruleDocsUrl('nil-as-delete') },
      source: 'gomaplint',
    });
    expect(d.message).toContain('delete(r.conns, key)');
  });

  it('computes UTF-16 columns on a line with CJK text and an emoji', async () => {
    const uri = uriOf(root, 'unicode.go');
    await client.open(uri, UNICODE);
    const p = await client.diagnostics(uri, nonEmpty);
    const d = p.diagnostics[0] as Diagnostic;
    const start = UNICODE_LINE.indexOf('r.conns[s]');
    // The emoji is two UTF-16 code units: the JS string index is the UTF-16 column.
    expect(d.range.start).toEqual({ line: 3, character: start });
    expect(d.range.end).toEqual({ line: 3, character: start + 'r.conns[s] = nil'.length });
    expect(d.range.start.character).toBe([...UNICODE_LINE.slice(0, start)].length + 1);
    await client.close(uri);
  });

  it('follows incremental edits: findings move, disappear and come back', async () => {
    const uri = uriOf(root, 'drop.go');
    // Two lines inserted above the function.
    let n = client.published.length;
    await client.change(uri, 2, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '// one\n// two\n' }]);
    let p = await client.diagnostics(uri, (x) => x.version === 2, n);
    expect(p.diagnostics.map((d) => d.range.start.line)).toEqual([5]);
    // `nil` replaced by `&conn{}`: no finding.
    n = client.published.length;
    const line = '\tr.conns[key] = nil';
    const col = line.indexOf('nil');
    await client.change(uri, 3, [{ range: { start: { line: 5, character: col }, end: { line: 5, character: col + 3 } }, text: '&conn{}' }]);
    p = await client.diagnostics(uri, (x) => x.version === 3, n);
    expect(p.diagnostics).toEqual([]);
    // And back (a full-text change).
    n = client.published.length;
    await client.change(uri, 4, [{ text: SHOP_DROP }]);
    p = await client.diagnostics(uri, (x) => x.version === 4, n);
    expect(p.diagnostics.map((d) => d.range.start.line)).toEqual([3]);
  });

  it('debounces a burst of changes into one analysis of the last version', async () => {
    const uri = uriOf(root, 'drop.go');
    const n = client.published.length;
    for (let v = 5; v <= 9; v++) {
      await client.change(uri, v, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\n' }]);
    }
    const p = await client.diagnostics(uri, () => true, n);
    expect(p.version).toBe(9);
    expect(p.diagnostics.map((d) => d.range.start.line)).toEqual([8]);
    await client.quiet(150);
    expect(client.published.slice(n).filter((x) => x.uri === uri)).toHaveLength(1);
    await client.change(uri, 10, [{ text: SHOP_DROP }]);
    await client.diagnostics(uri, (x) => x.version === 10, n);
  });

  it('refreshes the other open files of a package when one changes, from the unsaved buffer', async () => {
    const drop = uriOf(root, 'drop.go');
    const types = uriOf(root, 'types.go');
    await client.open(types, SHOP_TYPES);
    // Make the map's values structs (not nilable) in the buffer only: drop.go's finding goes away.
    const n = client.published.length;
    const at = SHOP_TYPES.split('\n')[5] as string;
    const col = at.indexOf('*conn');
    await client.change(types, 2, [{ range: { start: { line: 5, character: col }, end: { line: 5, character: col + 1 } }, text: '' }]);
    const p = await client.diagnostics(drop, (x) => x.diagnostics.length === 0, n);
    expect(p.diagnostics).toEqual([]);
    // Closing the buffer discards the edit: drop.go is analysed against types.go on disk again.
    const m = client.published.length;
    await client.close(types);
    const cleared = await client.diagnostics(types, () => true, m);
    expect(cleared.diagnostics).toEqual([]);
    await client.diagnostics(drop, nonEmpty, m);
  });

  it('clears the diagnostics of a closed document', async () => {
    const uri = uriOf(root, 'drop.go');
    const n = client.published.length;
    await client.close(uri);
    const p = await client.diagnostics(uri, () => true, n);
    expect(p.diagnostics).toEqual([]);
  });
});

describe('UTF-8 positions', () => {
  it('negotiates UTF-8 when offered and uses byte columns for diagnostics and edits', async () => {
    const root = makeProject({ 'types.go': SHOP_TYPES, 'unicode.go': UNICODE });
    const client = await TestClient.start({ root, capabilities: { ...PUSH_CLIENT, general: { positionEncodings: ['utf-8', 'utf-16'] } }, initializationOptions: { debounceMs: 0 } });
    try {
      expect(client.initializeResult.capabilities.positionEncoding).toBe('utf-8');
      const uri = uriOf(root, 'unicode.go');
      await client.open(uri, UNICODE);
      const p = await client.diagnostics(uri, nonEmpty);
      const start = UNICODE_LINE.indexOf('r.conns[s]');
      const d = p.diagnostics[0] as Diagnostic;
      expect(d.range.start).toEqual({ line: 3, character: Buffer.byteLength(UNICODE_LINE.slice(0, start)) });
      expect(d.range.end.character - d.range.start.character).toBe('r.conns[s] = nil'.length);

      // An incremental change addressed in bytes: replace `nil` (after the emoji) with `&conn{}`.
      const nilAt = UNICODE_LINE.indexOf('nil');
      const byteCol = indexToColumn(UNICODE_LINE, nilAt, 'utf-8');
      const n = client.published.length;
      await client.change(uri, 2, [{ range: { start: { line: 3, character: byteCol }, end: { line: 3, character: byteCol + 3 } }, text: '&conn{}' }]);
      expect((await client.diagnostics(uri, (x) => x.version === 2, n)).diagnostics).toEqual([]);

      // Quick-fix edits come back in bytes too.
      const m = client.published.length;
      await client.change(uri, 3, [{ text: UNICODE }]);
      const again = await client.diagnostics(uri, (x) => x.version === 3 && x.diagnostics.length > 0, m);
      const actions: CodeAction[] = await client.conn.sendRequest('textDocument/codeAction', {
        textDocument: { uri },
        range: (again.diagnostics[0] as Diagnostic).range,
        context: { diagnostics: again.diagnostics, only: ['quickfix'] },
      });
      const fix = actions.find((a) => a.isPreferred);
      expect(applyLspEdits(UNICODE, editsOf(fix?.edit, uri), 'utf-8')).toContain('\ts := "日本語🙂"; delete(r.conns, s) // ünï');
    } finally {
      await client.stop();
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('code actions', () => {
  const TWO = `package shop

func two(r *registry, a, b string) {
	r.conns[a] = nil
	if a != b {
		r.conns[b] = nil
	}
}
`;
  let root: string;
  let client: TestClient;
  let uri: string;
  let diagnostics: Diagnostic[];
  beforeAll(async () => {
    root = makeProject({ 'types.go': SHOP_TYPES, 'two.go': TWO });
    client = await TestClient.start({
      root,
      capabilities: { ...PUSH_CLIENT, workspace: { workspaceEdit: { documentChanges: true } } },
      initializationOptions: { debounceMs: 0 },
    });
    uri = uriOf(root, 'two.go');
    await client.open(uri, TWO);
    diagnostics = (await client.diagnostics(uri, (p) => p.diagnostics.length === 2)).diagnostics;
  });
  afterAll(async () => {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  async function actionsAt(d: Diagnostic, only?: string[]): Promise<CodeAction[]> {
    return client.conn.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: d.range,
      context: { diagnostics: [d], ...(only ? { only } : {}) },
    });
  }

  it('offers the quick fix (preferred) and an ignore comment for a finding, as versioned edits', async () => {
    const d = diagnostics[1] as Diagnostic;
    const actions = await actionsAt(d, ['quickfix']);
    expect(actions.map((a) => [a.title, a.kind, a.isPreferred ?? false])).toEqual([
      ['Replace with delete(r.conns, b)', 'quickfix', true],
      ['Ignore nil-as-delete on this line', 'quickfix', false],
    ]);
    for (const a of actions) expect(a.diagnostics).toEqual([d]);
    const dc = actions[0]?.edit?.documentChanges?.[0];
    expect(dc && 'textDocument' in dc ? dc.textDocument : undefined).toEqual({ uri, version: 1 });
    expect(applyLspEdits(TWO, editsOf(actions[0]?.edit, uri), 'utf-16')).toBe(TWO.replace('r.conns[b] = nil', 'delete(r.conns, b)'));
    expect(applyLspEdits(TWO, editsOf(actions[1]?.edit, uri), 'utf-16')).toBe(
      TWO.replace('\t\tr.conns[b] = nil', '\t\t//gomaplint:ignore nil-as-delete -- \n\t\tr.conns[b] = nil'),
    );
  });

  it('the ignore comment suppresses the finding', async () => {
    const d = diagnostics[0] as Diagnostic;
    const ignore = (await actionsAt(d, ['quickfix'])).find((a) => a.title.startsWith('Ignore'));
    const text = applyLspEdits(TWO, editsOf(ignore?.edit, uri), 'utf-16');
    const n = client.published.length;
    await client.change(uri, 2, [{ text: `${text.replace('-- \n', '-- cleared on purpose\n')}` }]);
    const p = await client.diagnostics(uri, (x) => x.version === 2, n);
    expect(p.diagnostics.map((x) => x.range.start.line)).toEqual([6]);
    // A second ignore on a line under a directive extends that directive.
    await client.change(uri, 3, [{ text: TWO.replace('\tr.conns[a] = nil', '\t//gomaplint:ignore other-rule -- reason\n\tr.conns[a] = nil') }]);
    const q = await client.diagnostics(uri, (x) => x.version === 3, n);
    const extend = (await actionsAt(q.diagnostics[0] as Diagnostic, ['quickfix'])).find((a) => a.title.startsWith('Ignore'));
    expect(editsOf(extend?.edit, uri).map((e) => e.newText)).toEqual([',nil-as-delete']);
    await client.change(uri, 4, [{ text: TWO }]);
    await client.diagnostics(uri, (x) => x.version === 4, n);
  });

  it('fixes the whole file with source.fixAll.gomaplint', async () => {
    const actions = await client.conn.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    expect(actions.map((a) => a.kind)).toEqual(['source.fixAll.gomaplint']);
    const fixed = applyLspEdits(TWO, editsOf(actions[0]?.edit, uri), 'utf-16');
    expect(fixed).toBe(TWO.replace('r.conns[a] = nil', 'delete(r.conns, a)').replace('r.conns[b] = nil', 'delete(r.conns, b)'));
    const n = client.published.length;
    await client.change(uri, 5, [{ text: fixed }]);
    expect((await client.diagnostics(uri, (x) => x.version === 5, n)).diagnostics).toEqual([]);
    const none = await client.conn.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 9, character: 0 } },
      context: { diagnostics: [] },
    });
    expect(none).toEqual([]);
    await client.change(uri, 6, [{ text: TWO }]);
    await client.diagnostics(uri, (x) => x.version === 6, n);
  });

  it('answers requests on a just-changed document with an up-to-date analysis', async () => {
    // No waiting for the debounce: the request itself brings the analysis up to date.
    await client.change(uri, 7, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '\n' }]);
    const actions = await client.conn.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 4, character: 1 }, end: { line: 4, character: 1 } },
      context: { diagnostics: [] },
    });
    const fix = actions.find((a) => a.isPreferred);
    expect(fix?.title).toBe('Replace with delete(r.conns, a)');
    const dc = fix?.edit?.documentChanges?.[0];
    expect(dc && 'textDocument' in dc ? dc.textDocument.version : undefined).toBe(7);
  });
});

describe('configuration', () => {
  it('reads .gomaplint.yaml, re-reads it on didChangeWatchedFiles, and applies initializationOptions', async () => {
    const root = makeProject({ '.gomaplint.yaml': 'rules:\n  nil-as-delete: off\n', 'types.go': SHOP_TYPES, 'drop.go': SHOP_DROP });
    const client = await TestClient.start({
      root,
      capabilities: { ...PUSH_CLIENT, workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } },
      initializationOptions: { debounceMs: 0 },
    });
    try {
      const uri = uriOf(root, 'drop.go');
      await client.until(() => client.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles'), 'watcher registration');
      await client.open(uri, SHOP_DROP);
      expect((await client.diagnostics(uri)).diagnostics).toEqual([]);
      const n = client.published.length;
      writeFile(root, '.gomaplint.yaml', 'rules:\n  nil-as-delete: error\n');
      await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(root, '.gomaplint.yaml'), type: 2 }] });
      const p = await client.diagnostics(uri, nonEmpty, n);
      expect(p.diagnostics.map((d) => d.severity)).toEqual([1]);
      // A broken configuration file: reported to the user, defaults apply.
      const m = client.published.length;
      writeFile(root, '.gomaplint.yaml', 'rules: [oops\n');
      await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(root, '.gomaplint.yaml'), type: 2 }] });
      const q = await client.diagnostics(uri, (x) => x.diagnostics[0]?.severity === 2, m);
      expect(q.diagnostics).toHaveLength(1);
      await client.until(() => client.shown.find((s) => s.message.includes('.gomaplint.yaml') && s.message.includes('invalid YAML')), 'a warning about the configuration');
    } finally {
      await client.stop();
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('takes rule overrides from initializationOptions and settings from workspace/configuration', async () => {
    const root = makeProject({ 'types.go': SHOP_TYPES, 'drop.go': SHOP_DROP });
    let settings: unknown = { enable: false };
    const client = await TestClient.start({
      root,
      capabilities: { ...PUSH_CLIENT, workspace: { configuration: true } },
      initializationOptions: { debounceMs: 0, rules: { 'nil-as-delete': 'note', 'no-such-rule': 'off' } },
      configuration: () => settings,
    });
    try {
      const uri = uriOf(root, 'drop.go');
      await client.until(() => client.configurationRequests > 0, 'a workspace/configuration request');
      await client.open(uri, SHOP_DROP);
      // workspace/configuration said enable: false.
      await client.quiet(200);
      expect(client.published.filter((p) => p.uri === uri && p.diagnostics.length > 0)).toEqual([]);
      // didChangeConfiguration without settings: the server asks again.
      settings = { enable: true };
      const n = client.published.length;
      await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
      const p = await client.diagnostics(uri, nonEmpty, n);
      // The rule override from initializationOptions still applies: note → Information.
      expect(p.diagnostics.map((d) => d.severity)).toEqual([3]);
      // Settings pushed with the notification are used as they are.
      const m = client.published.length;
      await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: { gomaplint: { rules: { 'nil-as-delete': 'off' } } } });
      expect((await client.diagnostics(uri, () => true, m)).diagnostics).toEqual([]);
      expect(client.logs.some((l) => l.message.includes('unknown rule "no-such-rule"'))).toBe(true);
    } finally {
      await client.stop();
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('pull diagnostics', () => {
  it('answers textDocument/diagnostic, reports unchanged results, and asks for a refresh when another file changes', async () => {
    const root = makeProject({ 'types.go': SHOP_TYPES, 'drop.go': SHOP_DROP });
    const client = await TestClient.start({
      root,
      capabilities: {
        ...PUSH_CLIENT,
        textDocument: { ...PUSH_CLIENT.textDocument, diagnostic: { relatedDocumentSupport: false } },
        workspace: { diagnostics: { refreshSupport: true } },
      },
    });
    try {
      expect(client.initializeResult.capabilities.diagnosticProvider).toEqual({ identifier: 'gomaplint', interFileDependencies: true, workspaceDiagnostics: false });
      const drop = uriOf(root, 'drop.go');
      const types = uriOf(root, 'types.go');
      await client.open(drop, SHOP_DROP);
      const pull = (uri: string, previousResultId?: string): Promise<DocumentDiagnosticReport> =>
        client.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri }, ...(previousResultId ? { previousResultId } : {}) });
      const first = await pull(drop);
      expect(first.kind).toBe('full');
      const items = first.kind === 'full' ? first.items : [];
      expect(items.map((d) => [d.code, d.range.start.line])).toEqual([['nil-as-delete', 3]]);
      const again = await pull(drop, first.resultId);
      expect(again).toEqual({ kind: 'unchanged', resultId: first.resultId });

      // An edit in another file of the package changes drop.go's diagnostics: refresh.
      await client.open(types, SHOP_TYPES);
      expect((await pull(types)).kind).toBe('full');
      const col = (SHOP_TYPES.split('\n')[5] as string).indexOf('*conn');
      await client.change(types, 2, [{ range: { start: { line: 5, character: col }, end: { line: 5, character: col + 1 } }, text: '' }]);
      await pull(types);
      await client.until(() => client.refreshes > 0, 'workspace/diagnostic/refresh');
      const after = await pull(drop, first.resultId);
      expect(after.kind === 'full' ? after.items : undefined).toEqual([]);
      // Never a push in pull mode.
      expect(client.published).toEqual([]);
    } finally {
      await client.stop();
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('robustness', () => {
  // Malformed messages, unknown methods and documents, closes during analysis, rapid edits and
  // giant documents: see faults.test.ts ("server under faults").
  it('analyses a document of another scheme on its own, and clamps edit positions past the end', async () => {
    const root = makeProject({ 'types.go': SHOP_TYPES });
    const client = await TestClient.start({ root, initializationOptions: { debounceMs: 0 } });
    try {
      const untitled = 'untitled:Untitled-1';
      await client.open(untitled, 'package main\n\nfunc drop(m map[int]*int) {\n\tm[1] = nil\n}\n');
      const p = await client.diagnostics(untitled, nonEmpty);
      expect(p.diagnostics.map((d) => d.range.start.line)).toEqual([3]);
      await client.change(untitled, 2, [{ range: { start: { line: 99, character: 0 }, end: { line: 120, character: 5 } }, text: 'func g(n map[int]*int) {\n\tn[2] = nil\n}\n' }]);
      const q = await client.diagnostics(untitled, (x) => x.version === 2);
      expect(q.diagnostics.map((d) => d.range.start.line)).toEqual([3, 6]);

      const drop = uriOf(root, 'drop.go');
      await client.open(drop, SHOP_DROP);
      expect((await client.diagnostics(drop, nonEmpty)).diagnostics).toHaveLength(1);
      expect(client.logs.filter((l) => l.type === 1).map((l) => l.message)).toEqual([]);
    } finally {
      expect(await client.stop()).toBe(0);
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('stdout', () => {
  it('carries only the protocol: console output reaches the client as log messages', async () => {
    const root = makeProject({ 'types.go': SHOP_TYPES, 'drop.go': SHOP_DROP });
    // Something in the process writes with console.log once the server runs (a dependency, a debug line).
    const stray = "const o=console.log;const t=setInterval(()=>{if(console.log!==o){clearInterval(t);console.log('stray output',{n:1})}},10);t.unref();";
    const client = await TestClient.start({ root, nodeArgs: ['--import', `data:text/javascript,${stray}`], initializationOptions: { debounceMs: 0 } });
    try {
      await client.until(() => client.logs.find((l) => l.message === 'stray output { n: 1 }'), 'the console output as a log message');
      const uri = uriOf(root, 'drop.go');
      await client.open(uri, SHOP_DROP);
      expect((await client.diagnostics(uri, nonEmpty)).diagnostics).toHaveLength(1);
    } finally {
      expect(await client.stop()).toBe(0);
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('other transports', () => {
  async function exercise(conn: ProtocolConnection, root: string): Promise<void> {
    const published: PublishDiagnosticsParams[] = [];
    conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      published.push(p);
    });
    conn.listen();
    const init: InitializeResult = await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: PUSH_CLIENT });
    expect(init.serverInfo?.name).toBe('gomaplint');
    await conn.sendNotification('initialized', {});
    const uri = uriOf(root, 'drop.go');
    await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'go', version: 1, text: SHOP_DROP } });
    const deadline = Date.now() + 10_000;
    while (!published.some((p) => p.uri === uri && p.diagnostics.length === 1) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(published.find((p) => p.uri === uri)?.diagnostics.map((d) => d.code)).toEqual(['nil-as-delete']);
    await conn.sendRequest('shutdown');
    await conn.sendNotification('exit');
  }

  it('speaks over the Node IPC channel (--node-ipc, how VS Code runs a Node server)', async () => {
    const root = makeProject({ 'types.go': SHOP_TYPES, 'drop.go': SHOP_DROP });
    const child = fork(CLI, ['lsp', '--node-ipc', `--clientProcessId=${process.pid}`], { cwd: root, silent: true });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      await exercise(createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child)), root);
      expect(await exited).toBe(0);
    } finally {
      child.kill();
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('connects to the client over a socket (--socket=<port>)', async () => {
    const root = makeProject({ 'types.go': SHOP_TYPES, 'drop.go': SHOP_DROP });
    const probe = net.createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const port = (probe.address() as net.AddressInfo).port;
    await new Promise((r) => probe.close(r));
    const transport = await createClientSocketTransport(port);
    const child = spawn(process.execPath, [CLI, 'lsp', `--socket=${port}`], { cwd: root, stdio: 'ignore' });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      const [reader, writer] = await transport.onConnected();
      await exercise(createProtocolConnection(reader, writer), root);
      expect(await exited).toBe(0);
    } finally {
      child.kill();
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('rejects more than one transport', () => {
    const r = spawnSync(process.execPath, [CLI, 'lsp', '--stdio', '--node-ipc'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('choose one transport');
  });
});
