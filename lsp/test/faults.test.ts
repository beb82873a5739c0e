/**
 * The language server under faults (issue 8): malformed JSON-RPC, unknown methods, requests for
 * documents never opened, a document closed while its analysis runs, 100 rapid edits, a 20 MB
 * document; and a client that refuses the server's requests or goes away. In every case the
 * server stays up and answers the next request (or exits, when the client is gone); diagnostics
 * are never stale.
 *
 * Waits are on events (a publication, a log message, a response) with generous bounds: the
 * machines running the tests are shared and often loaded.
 */
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ErrorCodes,
  Message,
  ResponseError,
  StreamMessageReader,
  type CodeAction,
  type PublishDiagnosticsParams,
  type ResponseMessage,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { applyLspEdits, makeProject, PUSH_CLIENT, SHOP_DROP, SHOP_TYPES, TestClient, uriOf, writeFile } from './lsp-client.js';


/** How long a request may take to be answered after a fault (generous: shared, loaded machines). */
const ANSWER_MS = 15_000;
/** How long an analysis and its publication may take. */
const PUBLISH_MS = 30_000;

/** `promise`, or a rejection naming `what` after `ms` milliseconds. */
async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer to ${what} within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** A code action request on the finding of SHOP_DROP (line 3): the server's answer proves it works. */
async function probe(client: TestClient, uri: string, what: string): Promise<void> {
  const actions = await within(
    client.conn.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 3, character: 2 }, end: { line: 3, character: 2 } },
      context: { diagnostics: [] },
    }),
    ANSWER_MS,
    `a code action request ${what}`,
  );
  expect(actions.map((a) => a.title)).toContain('Replace with delete(r.conns, key)');
}

/** The code of the error response a request got (it must get one). */
async function errorCode(request: Promise<unknown>): Promise<number> {
  const outcome: unknown = await request.then(
    (result: unknown) => ({ result }),
    (e: unknown) => e,
  );
  if (!(outcome instanceof ResponseError)) throw new Error(`expected an error response, got ${JSON.stringify(outcome)}`);
  return outcome.code;
}

function publishedFor(client: TestClient, uri: string, since = 0): PublishDiagnosticsParams[] {
  return client.published.slice(since).filter((p) => p.uri === uri);
}

/** Errors the server logged about its own handlers (a guard caught an exception). */
function handlerFailures(client: TestClient): string[] {
  return client.logs.map((l) => l.message).filter((m) => /^gomaplint: \S+ failed: /.test(m));
}

function frame(body: string): string {
  return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}

/**
 * Responses to requests written as raw bytes (ids the client's connection does not know), read
 * from the server's stdout by a second reader.
 */
class RawResponses {
  readonly responses = new Map<string, ResponseMessage>();
  private readonly reader: StreamMessageReader;

  constructor(private readonly client: TestClient) {
    this.reader = new StreamMessageReader(client.proc.stdout);
    this.reader.listen((m) => {
      if (Message.isResponse(m) && typeof m.id === 'string' && m.id.startsWith('raw-')) this.responses.set(m.id, m);
    });
  }

  /** Writes `before` and a request in one write; resolves with the response. */
  async request(before: string, id: string, method: string, params: unknown): Promise<ResponseMessage> {
    this.client.proc.stdin.write(before + frame(JSON.stringify({ jsonrpc: '2.0', id, method, params })));
    return this.client.until(() => this.responses.get(id), `the response to ${id}`, ANSWER_MS);
  }

  dispose(): void {
    this.reader.dispose();
  }
}

describe('server under faults', () => {
  const clients: TestClient[] = [];
  const roots: string[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) if (c.proc.exitCode === null && c.proc.signalCode === null) expect(await c.stop()).toBe(0);
    for (const r of roots.splice(0)) fs.rmSync(r, { recursive: true, force: true });
  });

  async function start(files: Record<string, string>, initializationOptions: unknown = { debounceMs: 0 }): Promise<{ root: string; client: TestClient }> {
    const root = makeProject({ 'go.mod': 'module example.com/shop\n\ngo 1.22\n', ...files });
    roots.push(root);
    const client = await TestClient.start({ root, initializationOptions });
    clients.push(client);
    return { root, client };
  }

  it('malformed JSON-RPC: bad frames, bodies that are not JSON, wrong parameter types are logged, and the next request is answered', async () => {
    const { root, client } = await start({ 'types.go': SHOP_TYPES });
    const drop = uriOf(root, 'drop.go');
    await client.open(drop, SHOP_DROP);
    await client.diagnostics(drop, (p) => p.diagnostics.length === 1, 0, PUBLISH_MS);
    const probeParams = {
      textDocument: { uri: drop },
      range: { start: { line: 3, character: 2 }, end: { line: 3, character: 2 } },
      context: { diagnostics: [] },
    };

    // Each bad frame is followed, in the same write, by a good request: it must be answered.
    const raw = new RawResponses(client);
    const badFrames: Array<[string, string, RegExp | undefined]> = [
      ['a body that is not JSON', 'Content-Length: 9\r\n\r\n{"oops":,', /dropped a message that could not be read: .*JSON/],
      ['a header line without a colon', 'Garbage\r\n\r\n', /invalid header \(a header line without ":"\): "Garbage"/],
      ['a header without Content-Length', 'Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n', /invalid header \(no Content-Length\)/],
      ['a Content-Length that is not a number', 'Content-Length: many\r\n\r\n', /invalid header \(Content-Length is not a number of bytes: "many"\)/],
      ['a body that is JSON but not JSON-RPC', frame('[1,2,3]'), /neither a response nor a notification/],
      ['an empty body', 'Content-Length: 0\r\n\r\n', /dropped a message that could not be read/],
      ['line breaks between messages', '\r\n\r\n', undefined],
    ];
    try {
      for (const [i, [what, bytes, logged]] of badFrames.entries()) {
        const response = await raw.request(bytes, `raw-${i}`, 'textDocument/codeAction', probeParams);
        expect(response.error, what).toBeUndefined();
        expect((response.result as CodeAction[]).map((a) => a.title), what).toContain('Replace with delete(r.conns, key)');
        if (logged) expect(client.logs.some((l) => logged.test(l.message)), `a log message about ${what}`).toBe(true);
      }
      // Parameters that are not an object at all (as raw JSON: the client library would wrap them).
      for (const [i, params] of ['everything', 42, true].entries()) {
        expect(await raw.request('', `raw-code-action-${i}`, 'textDocument/codeAction', params)).toMatchObject({ result: [] });
        expect(await raw.request('', `raw-diagnostic-${i}`, 'textDocument/diagnostic', params)).toMatchObject({ result: { kind: 'full', items: [] } });
      }
      // null: vscode-languageserver reads params.workDoneToken before the handler runs, and
      // answers with an internal error itself.
      for (const method of ['textDocument/codeAction', 'textDocument/diagnostic']) {
        const response = await raw.request('', `raw-null-${method}`, method, null);
        expect(response.error?.code, method).toBe(ErrorCodes.InternalError);
      }
    } finally {
      raw.dispose();
    }

    // Requests with parameters of the wrong types: an empty answer or an error response.
    await expect(client.conn.sendRequest('textDocument/codeAction', { textDocument: 5, range: 'everywhere' })).resolves.toEqual([]);
    await expect(client.conn.sendRequest('textDocument/codeAction', { textDocument: { uri: drop }, range: { start: { line: 'x' } } })).resolves.toEqual([]);
    await expect(client.conn.sendRequest('textDocument/codeAction', { textDocument: { uri: drop } })).resolves.toEqual([]);
    await expect(client.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri: [drop] } })).resolves.toEqual({ kind: 'full', items: [] });
    // Positional parameters: refused by vscode-languageserver with InvalidParams.
    expect(await errorCode(client.conn.sendRequest('textDocument/codeAction', ['everything']))).toBe(ErrorCodes.InvalidParams);
    // Positions far outside the document clamp to its end.
    await expect(
      client.conn.sendRequest('textDocument/codeAction', {
        textDocument: { uri: drop },
        range: { start: { line: -7, character: -1 }, end: { line: 2 ** 31, character: Number.MAX_SAFE_INTEGER } },
        context: { diagnostics: [], only: [42, null, 'quickfix'] },
      }),
    ).resolves.toEqual(expect.any(Array));

    // Notifications with missing or wrong parameters: logged and ignored.
    const n = client.published.length;
    await client.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: 42 } });
    await client.conn.sendNotification('textDocument/didOpen');
    await client.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: drop, languageId: 'go', version: 'one', text: null } });
    await client.conn.sendNotification('textDocument/didChange', { contentChanges: 'no' });
    await client.conn.sendNotification('textDocument/didChange', { textDocument: { uri: drop, version: 9 }, contentChanges: [{ range: { start: 1, end: 2 }, text: 'x' }] });
    await client.conn.sendNotification('textDocument/didChange', { textDocument: { uri: drop, version: 9 }, contentChanges: [{ text: 42 }] });
    await client.conn.sendNotification('textDocument/didClose', {});
    await client.conn.sendNotification('textDocument/didClose', { textDocument: null });
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: 7 }, null, { uri: drop, type: 'changed' }] });
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: { gomaplint: 'on' } });

    // The document is untouched: same version, same diagnostics, the quick fix still offered.
    await probe(client, drop, 'after malformed notifications');
    expect(publishedFor(client, drop, n).filter((p) => p.version !== 1 || p.diagnostics.length !== 1)).toEqual([]);
    const warnings = client.logs.map((l) => l.message);
    expect(warnings).toContain('textDocument/didOpen: malformed parameters ignored');
    expect(warnings).toContain('textDocument/didChange: malformed parameters ignored');
    expect(warnings).toContain('textDocument/codeAction: malformed parameters ignored');
    expect(warnings.some((w) => w.startsWith('didChangeConfiguration: settings: expected an object'))).toBe(true);
    expect(handlerFailures(client)).toEqual([]);
  });

  it('unknown methods: a request gets MethodNotFound, a notification is ignored, the server stays up', async () => {
    const { root, client } = await start({ 'types.go': SHOP_TYPES });
    const drop = uriOf(root, 'drop.go');
    await client.open(drop, SHOP_DROP);
    await client.diagnostics(drop, (p) => p.diagnostics.length === 1, 0, PUBLISH_MS);

    for (const method of ['gomaplint/noSuchMethod', 'textDocument/hover', 'workspace/executeCommand', '$/noSuchRequest']) {
      expect(await errorCode(client.conn.sendRequest(method, { textDocument: { uri: drop } })), method).toBe(ErrorCodes.MethodNotFound);
    }
    const logs = client.logs.length;
    const published = client.published.length;
    await client.conn.sendNotification('gomaplint/noSuchNotification', { x: 1 });
    await client.conn.sendNotification('$/noSuchNotification');
    await client.conn.sendNotification('$/cancelRequest', { id: 123456 });
    await client.conn.sendNotification('$/setTrace', { value: 'bogus' });
    await probe(client, drop, 'after unknown notifications');
    // Ignored: nothing logged, nothing published.
    expect(client.logs.slice(logs)).toEqual([]);
    expect(client.published.slice(published)).toEqual([]);
  });

  it('requests for documents never opened: empty answers, no analysis from disk, no publication', async () => {
    // drop.go is on disk, with a finding, but never opened.
    const { root, client } = await start({ 'types.go': SHOP_TYPES, 'drop.go': SHOP_DROP });
    const drop = uriOf(root, 'drop.go');
    const uris = [drop, uriOf(root, 'missing.go'), 'file:///nowhere/x.go', 'untitled:Untitled-9', 'file://server/share/x.go', 'file:///%ZZ.go', 'not a uri'];
    for (const uri of uris) {
      const range = { start: { line: 3, character: 2 }, end: { line: 3, character: 2 } };
      await expect(client.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [] } }), uri).resolves.toEqual([]);
      await expect(client.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } }), uri).resolves.toEqual({ kind: 'full', items: [] });
      // Edits and closes of documents that are not open are ignored.
      await client.change(uri, 2, [{ range, text: 'x' }]);
      await client.close(uri);
    }
    expect(client.logs.some((l) => l.message === `textDocument/didChange for ${drop}, which is not open: ignored`)).toBe(true);

    // Opened afterwards, the document is the client's text at the client's version: the ignored
    // edit left nothing behind.
    const text = SHOP_DROP.replace('func drop', '// opened late\nfunc drop');
    await client.open(drop, text, 5);
    const p = await client.diagnostics(drop, () => true, 0, PUBLISH_MS);
    expect(p.version).toBe(5);
    expect(p.diagnostics.map((d) => d.range.start.line)).toEqual([4]);
    // Every publication so far is this one: nothing was published for documents never opened.
    expect(client.published).toEqual([p]);
    // Once closed, the document is unknown again.
    await client.close(drop);
    await client.diagnostics(drop, (x) => x.diagnostics.length === 0, 0, PUBLISH_MS);
    await expect(
      client.conn.sendRequest('textDocument/codeAction', { textDocument: { uri: drop }, range: { start: { line: 4, character: 2 }, end: { line: 4, character: 2 } }, context: { diagnostics: [] } }),
    ).resolves.toEqual([]);
    expect(handlerFailures(client)).toEqual([]);
  });

  it('a document closed while its analysis runs: its diagnostics are cleared, and nothing stale is published afterwards', async () => {
    // A file whose analysis takes a while (~1 s on an idle machine): 400 functions.
    const bigText = (every: number, tag: string): string => {
      let s = `package big // ${tag}\n\ntype conn struct{ id int }\n`;
      for (let i = 0; i < 400; i++) {
        const write = i % every === 0 ? `m${i}[k] = nil` : `delete(m${i}, k)`;
        s += `\nfunc f${i}(m${i} map[string]*conn, k string) int {\n\tif len(m${i}) > ${i} {\n\t\t${write}\n\t}\n\ttotal := 0\n\tfor j := range m${i} {\n\t\ttotal += len(j)\n\t}\n\treturn total\n}\n`;
      }
      return s;
    };
    const findings = (text: string): number => text.split('] = nil').length - 1;
    const debounceMs = 250;
    const { root, client } = await start({}, { debounceMs });
    const big = uriOf(root, 'big/big.go');

    // A document of another package: an edit to it is analysed after the same debounce delay as
    // an edit to big.go, so its publication comes after any analysis of big.go scheduled before
    // the edit (timers of equal delay fire in the order they were set).
    const side = uriOf(root, 'side/side.go');
    const sideText = 'package side\n\nfunc drop(m map[int]*int) {\n\tm[1] = nil\n}\n';
    let sideVersion = 1;
    await client.open(side, sideText);
    await client.diagnostics(side, (p) => p.diagnostics.length === 1, 0, PUBLISH_MS);
    const barrier = async (): Promise<void> => {
      const n = client.published.length;
      sideVersion++;
      await client.change(side, sideVersion, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '\n' }]);
      const p = await client.diagnostics(side, (x) => x.version === sideVersion, n, PUBLISH_MS);
      expect(p.diagnostics.map((d) => d.range.start.line)).toEqual([sideVersion + 2]);
    };

    const v1 = bigText(4, 'v1');
    await client.open(big, v1);
    await client.diagnostics(big, (p) => p.version === 1, 0, PUBLISH_MS);

    // 1. The close arrives while an analysis of the new text runs: the code action request makes
    //    the server analyse version 2 at once; the close is sent right behind it.
    const n = client.published.length;
    const v2 = bigText(1, 'v2');
    await client.change(big, 2, [{ text: v2 }]);
    const request = client.conn.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: big },
      range: { start: { line: 6, character: 2 }, end: { line: 6, character: 2 } },
      context: { diagnostics: [] },
    });
    await client.close(big);
    const actions = await within(request, PUBLISH_MS, 'the code action request on big.go');
    expect(actions.map((a) => a.title)).toContain('Replace with delete(m0, k)');
    await client.diagnostics(big, (p) => p.version === undefined && p.diagnostics.length === 0, n, PUBLISH_MS);
    await barrier();
    expect(publishedFor(client, big, n).map((p) => [p.version, p.diagnostics.length])).toEqual([
      [2, findings(v2)],
      [undefined, 0],
    ]);

    // 2. The close arrives while the analysis of an edit waits for the end of the debounce window.
    const m = client.published.length;
    const v3 = bigText(2, 'v3');
    await client.open(big, v3, 3);
    await client.diagnostics(big, (p) => p.version === 3, m, PUBLISH_MS);
    const v4 = bigText(8, 'v4');
    await client.change(big, 4, [{ text: v4 }]);
    await client.close(big);
    await client.diagnostics(big, (p) => p.version === undefined && p.diagnostics.length === 0, m, PUBLISH_MS);
    await barrier();
    const second = publishedFor(client, big, m).map((p) => [p.version, p.diagnostics.length]);
    // Version 4 is published only if the debounce window ended before the close was read; never after it.
    expect(second).toEqual([[3, findings(v3)], ...(second.length === 3 ? [[4, findings(v4)]] : []), [undefined, 0]]);

    // Reopened, it is analysed afresh; closed again, cleared again.
    const k = client.published.length;
    await client.open(big, v1, 5);
    expect((await client.diagnostics(big, (p) => p.version === 5, k, PUBLISH_MS)).diagnostics).toHaveLength(findings(v1));
    await client.close(big);
    await client.diagnostics(big, (p) => p.version === undefined, k, PUBLISH_MS);
    await barrier();
    expect(publishedFor(client, big).at(-1)).toEqual({ uri: big, diagnostics: [] });
    expect(handlerFailures(client)).toEqual([]);
  });

  it('100 rapid edits: publications never go back in version, each matches its version, the last matches the final text', async () => {
    /** Edit k (version k + 2): a line at the top; every third one a function with a finding; every tenth replaces the whole text. */
    const edit = (k: number, text: string): TextDocumentContentChangeEvent => {
      const line = k % 3 === 0 ? `func e${k}(r *registry) { r.conns["k${k}"] = nil }\n` : `// edit ${k}\n`;
      if (k % 10 === 9) return { text: text.replace('package shop\n\n', `package shop\n\n${line}`) };
      return { range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: line };
    };
    /** The finding lines of a text: an independent oracle (every `] = nil` line is one finding). */
    const findingLines = (text: string): number[] => text.split('\n').flatMap((l, i) => (l.includes('] = nil') ? [i] : []));

    for (const debounceMs of [0, 150]) {
      const { root, client } = await start({ 'types.go': SHOP_TYPES }, { debounceMs });
      const uri = uriOf(root, 'edits.go');
      await client.open(uri, SHOP_DROP);
      await client.diagnostics(uri, (p) => p.version === 1, 0, PUBLISH_MS);
      const texts = new Map<number, string>([[1, SHOP_DROP]]);
      let text = SHOP_DROP;
      const sends: Array<Promise<unknown>> = [];
      for (let k = 0; k < 100; k++) {
        const change = edit(k, text);
        text = 'range' in change ? applyLspEdits(text, [{ range: change.range, newText: change.text }], 'utf-16') : change.text;
        texts.set(k + 2, text);
        // Sent back to back: no waiting between edits.
        sends.push(client.change(uri, k + 2, [change]));
        // Now and then a request in between, which analyses (and publishes) the version it sees.
        if (k % 7 === 3) {
          const at = { line: 2, character: 0 };
          sends.push(client.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: { start: at, end: at }, context: { diagnostics: [] } }));
        }
      }
      await within(Promise.all(sends), ANSWER_MS, 'the requests sent among the edits');
      const last = await client.diagnostics(uri, (p) => p.version === 101, 0, PUBLISH_MS);
      expect(last.diagnostics.map((d) => d.range.start.line)).toEqual(findingLines(text));
      expect(last.diagnostics).toHaveLength(1 + 34);
      // A barrier: the request is answered from the analysis of version 101.
      const actions = await within(
        client.conn.sendRequest<CodeAction[]>('textDocument/codeAction', {
          textDocument: { uri },
          range: { start: { line: findingLines(text)[0] as number, character: 30 }, end: { line: findingLines(text)[0] as number, character: 30 } },
          context: { diagnostics: [] },
        }),
        ANSWER_MS,
        'a code action request after 100 edits',
      );
      expect(actions.map((a) => a.title)).toContain('Replace with delete(r.conns, "k99")');

      const publications = publishedFor(client, uri);
      let previous = 0;
      for (const p of publications) {
        expect(p.version, 'every publication carries the version it was computed for').toBeDefined();
        const version = p.version as number;
        expect(version, `version ${version} published after version ${previous}`).toBeGreaterThan(previous);
        previous = version;
        expect(p.diagnostics.map((d) => d.range.start.line), `the diagnostics published for version ${version}`).toEqual(findingLines(texts.get(version) as string));
      }
      expect(publications.at(-1)).toBe(last);
      console.log(`100 rapid edits, debounce ${debounceMs} ms: ${publications.length} publications, versions ${publications.map((p) => p.version).join(' ')}`);
      expect(handlerFailures(client)).toEqual([]);
      expect(await client.stop()).toBe(0);
    }
  });

  it('a 20 MB document: not analysed (and logged), no diagnostics, and the next request is answered within bounds', async () => {
    const { root, client } = await start({ 'types.go': SHOP_TYPES });
    const drop = uriOf(root, 'drop.go');
    await client.open(drop, SHOP_DROP);
    await client.diagnostics(drop, (p) => p.diagnostics.length === 1, 0, PUBLISH_MS);

    // 20 MB of findings, were it analysed.
    const line = '\tx["k"] = nil\n';
    const head = 'package shop\n\nvar x = map[string]*conn{}\n\nfunc f() {\n';
    const giantText = `${head}${line.repeat(Math.ceil((20 * 1024 * 1024) / line.length))}}\n`;
    expect(giantText.length).toBeGreaterThan(20 * 1024 * 1024);
    const giant = uriOf(root, 'giant.go');
    const t0 = performance.now();
    await client.open(giant, giantText);
    await probe(client, drop, 'after opening a 20 MB document');
    const answeredMs = performance.now() - t0;
    const p = await client.diagnostics(giant, () => true, 0, PUBLISH_MS);
    expect(p).toEqual({ uri: giant, version: 1, diagnostics: [] });
    await client.until(() => client.logs.find((l) => l.message.includes(`giant.go: too large for live analysis (20.0 MiB > 4.0 MiB)`)), 'a log message about the 20 MB document', ANSWER_MS);

    // Edits, requests and pulls on it are answered, with no diagnostics.
    const n = client.published.length;
    await client.change(giant, 2, [{ range: { start: { line: 5, character: 0 }, end: { line: 5, character: 0 } }, text: '\tx["j"] = nil\n' }]);
    await expect(
      within(
        client.conn.sendRequest('textDocument/codeAction', { textDocument: { uri: giant }, range: { start: { line: 5, character: 2 }, end: { line: 5, character: 2 } }, context: { diagnostics: [] } }),
        ANSWER_MS,
        'a code action request on the 20 MB document',
      ),
    ).resolves.toEqual([]);
    await expect(within(client.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri: giant } }), ANSWER_MS, 'a pull')).resolves.toMatchObject({ kind: 'full', items: [] });
    await probe(client, drop, 'after editing the 20 MB document');
    expect(publishedFor(client, giant, n).filter((x) => x.diagnostics.length > 0)).toEqual([]);

    // Cut down below the limit, it is analysed like any other document.
    await client.change(giant, 3, [{ text: `${head}${line.repeat(3)}}\n` }]);
    const small = await client.diagnostics(giant, (x) => x.version === 3, n, PUBLISH_MS);
    expect(small.diagnostics.map((d) => d.range.start.line)).toEqual([5, 6, 7]);
    await client.close(giant);
    await client.diagnostics(giant, (x) => x.version === undefined && x.diagnostics.length === 0, n, PUBLISH_MS);

    // The same 20 MB on disk, next to an open document: skipped (and logged) as package context.
    writeFile(root, 'giant.go', giantText);
    const m = client.published.length;
    await client.change(drop, 2, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '\n' }]);
    const after = await client.diagnostics(drop, (x) => x.version === 2, m, PUBLISH_MS);
    expect(after.diagnostics.map((d) => d.range.start.line)).toEqual([4]);
    await client.until(() => client.logs.find((l) => l.message.endsWith('giant.go: skipped: too large for live analysis (20.0 MiB > 4.0 MiB)')), 'a log message about the 20 MB file on disk', ANSWER_MS);
    expect(handlerFailures(client)).toEqual([]);
    console.log(`20 MB document: the next request answered ${answeredMs.toFixed(0)} ms after the didOpen was sent`);
    expect(answeredMs).toBeLessThan(ANSWER_MS);
  });

  it('a client that answers the server\'s requests with errors: logged, the server carries on with what it has', async () => {
    const root = makeProject({ 'types.go': SHOP_TYPES });
    roots.push(root);
    const client = await TestClient.start({
      root,
      capabilities: {
        ...PUSH_CLIENT,
        textDocument: { ...PUSH_CLIENT.textDocument, diagnostic: {} },
        workspace: { configuration: true, diagnostics: { refreshSupport: true }, didChangeWatchedFiles: { dynamicRegistration: true }, didChangeConfiguration: { dynamicRegistration: true } },
      },
      initializationOptions: { rules: { 'nil-as-delete': 'error' } },
      refuse: ['client/registerCapability', 'workspace/configuration', 'workspace/diagnostic/refresh'],
    });
    clients.push(client);
    // Both registrations are attempted, and the configuration is still asked for.
    await client.until(() => client.refused.includes('workspace/configuration'), 'a workspace/configuration request', ANSWER_MS);
    expect(client.refused).toEqual(['client/registerCapability', 'client/registerCapability', 'workspace/configuration']);
    for (const what of ['client/registerCapability (file watching)', 'client/registerCapability (configuration)', 'workspace/configuration']) {
      await client.until(() => client.logs.find((l) => l.message.startsWith(`${what} did not go through: `)), `a log message about ${what}`, ANSWER_MS);
    }

    // The initialization options apply.
    const drop = uriOf(root, 'drop.go');
    await client.open(drop, SHOP_DROP);
    const pull = (): Promise<unknown> => within(client.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri: drop } }), ANSWER_MS, 'a pull');
    expect(await pull()).toMatchObject({ kind: 'full', items: [{ code: 'nil-as-delete', severity: 1 }] });

    // New settings: the server asks the client to re-pull, which the client refuses.
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: { gomaplint: { rules: { 'nil-as-delete': 'note' } } } });
    await client.until(() => client.refused.includes('workspace/diagnostic/refresh'), 'a refresh request', ANSWER_MS);
    await client.until(() => client.logs.find((l) => l.message.startsWith('workspace/diagnostic/refresh did not go through: ')), 'a log message about the refresh', ANSWER_MS);
    expect(await pull()).toMatchObject({ kind: 'full', items: [{ code: 'nil-as-delete', severity: 3 }] });
    expect(client.proc.exitCode).toBeNull();
    expect(handlerFailures(client)).toEqual([]);
  });

  it('a client that goes away: the server exits when its stdin closes (1 without shutdown, 0 after it)', async () => {
    for (const shutdown of [false, true]) {
      const { client } = await start({ 'types.go': SHOP_TYPES });
      const exited = new Promise<number | null>((resolve) => client.proc.on('exit', (code) => resolve(code)));
      if (shutdown) await client.conn.sendRequest('shutdown');
      client.proc.stdin.end();
      expect(await within(exited, ANSWER_MS, 'the exit of the server')).toBe(shutdown ? 0 : 1);
      client.conn.dispose();
    }
  });
});
