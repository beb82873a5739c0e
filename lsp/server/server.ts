/**
 * The gomaplint language server: document synchronisation, scheduling of analyses, diagnostics
 * (pushed or pulled), code actions and configuration, on a `vscode-languageserver` connection.
 *
 * Analyses run per directory (the unit of a Go package): a change to one file makes every open
 * document of its directory stale, and the next analysis refreshes them all. In push mode a change
 * schedules that analysis after a quiet period (`debounceMs`); opening and closing analyse at
 * once. In pull mode the client's `textDocument/diagnostic` request runs it, and a
 * `workspace/diagnostic/refresh` asks the client to re-pull when another open file's diagnostics
 * changed. Code actions always see an up-to-date analysis.
 *
 * Every handler is guarded: a malformed message or an internal error is logged to the client and
 * answered with an empty result; the server carries on.
 */
import path from 'node:path';
import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  MessageType,
  ShowMessageNotification,
  type CodeAction,
  type Connection,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import type { RawFinding } from '../../analyzer/engine/finding.js';
import type { GoFile } from '../../analyzer/syntax/go-file.js';
import { RULES } from '../../rules/index.js';
import { Analyzer, type AnalysisEnvironment, type DocumentAnalysis } from './analysis.js';
import { clientFeatures, initializeResult, type ClientFeatures } from './capabilities.js';
import { codeActions } from './code-actions.js';
import { diskView, toDiagnostic, type FileView } from './diagnostics.js';
import { DiskFileCache } from './disk-files.js';
import { OpenDocument, uriToPath } from './document.js';
import { asChangeParams, asCodeActionParams, asFileEvents, asOpenParams, documentUri, isObject } from './guards.js';
import { toOffset } from './positions.js';
import { ProjectState } from './project.js';
import { DEFAULT_SETTINGS, parseSettings, type ClientSettings } from './settings.js';

export interface ServerOptions {
  readonly version: string;
  /** Documents (and disk files) larger than this are not analysed. Default 4 MiB. */
  readonly maxFileSize?: number;
}

interface DocumentState {
  analysis: DocumentAnalysis;
  diagnostics: Diagnostic[];
  /** JSON of `diagnostics`, to tell whether anything changed. */
  key: string;
  /** Increases whenever `key` changes: the pull model's `resultId`. */
  generation: number;
  /** What was last sent: published (push) or returned for a pull. */
  sentKey: string | undefined;
}

const KNOWN_RULES = RULES.map((r) => r.meta.id);
const REVALIDATE_MS_WITHOUT_WATCHING = 3000;

export class GomaplintServer {
  private features: ClientFeatures = clientFeatures(undefined);
  private initSettings: ClientSettings = DEFAULT_SETTINGS;
  private settings: ClientSettings = DEFAULT_SETTINGS;
  private rootDir: string | undefined;
  private readonly maxFileSize: number;
  private readonly project = new ProjectState(KNOWN_RULES, REVALIDATE_MS_WITHOUT_WATCHING);
  private readonly disk: DiskFileCache;
  private readonly analyzer: Analyzer;
  private readonly docs = new Map<string, OpenDocument>();
  private readonly docsByPath = new Map<string, OpenDocument>();
  private readonly states = new Map<string, DocumentState>();
  /** Open documents whose analysis is out of date. */
  private readonly stale = new Set<string>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly reported = new Set<string>();
  private shuttingDown = false;

  constructor(
    private readonly connection: Connection,
    private readonly options: ServerOptions,
  ) {
    this.maxFileSize = options.maxFileSize ?? 4 * 1024 * 1024;
    this.disk = new DiskFileCache(this.maxFileSize);
    const server = this;
    const env: AnalysisEnvironment = {
      get settings() {
        return server.settings;
      },
      project: this.project,
      disk: this.disk,
      get rootDir() {
        return server.rootDir;
      },
      maxDocumentChars: this.maxFileSize,
      warnOnce: (message) => this.reportOnce('warn', message),
    };
    this.analyzer = new Analyzer(env);
  }

  /** Registers the handlers; call `connection.listen()` afterwards. */
  register(): void {
    const c = this.connection;
    c.onInitialize((params) => this.initialize(params));
    c.onInitialized(() => this.guard('initialized', undefined, () => this.initialized()));
    c.onShutdown(() => this.shutdown());
    c.onDidOpenTextDocument((p) => this.guard('didOpen', undefined, () => this.didOpen(p)));
    c.onDidChangeTextDocument((p) => this.guard('didChange', undefined, () => this.didChange(p)));
    c.onDidCloseTextDocument((p) => this.guard('didClose', undefined, () => this.didClose(p)));
    c.onDidChangeConfiguration((p) => this.guard('didChangeConfiguration', undefined, () => this.didChangeConfiguration(p)));
    c.onDidChangeWatchedFiles((p) => this.guard('didChangeWatchedFiles', undefined, () => this.didChangeWatchedFiles(p)));
    c.onCodeAction((p) => this.guard('codeAction', [], () => this.codeAction(p)));
    c.languages.diagnostics.on((p) => this.guard('diagnostic', emptyReport(), () => this.pullDiagnostics(p)));
  }

  /** The client asked the server to shut down (the process then exits with 0). */
  get shutdownRequested(): boolean {
    return this.shuttingDown;
  }

  // ---- lifecycle and configuration ------------------------------------------------------------

  private initialize(params: InitializeParams): InitializeResult {
    return this.guard('initialize', initializeResult(this.features, this.options.version), () => {
      this.features = clientFeatures(isObject(params) ? params.capabilities : undefined);
      this.rootDir = rootDirOf(params);
      const parsed = parseSettings(isObject(params) ? params.initializationOptions : undefined, DEFAULT_SETTINGS, KNOWN_RULES);
      this.initSettings = parsed.settings;
      this.settings = parsed.settings;
      for (const w of parsed.warnings) this.reportOnce('warn', `initializationOptions: ${w}`);
      this.project.revalidateMs = this.features.dynamicWatchedFilesRegistration ? undefined : REVALIDATE_MS_WITHOUT_WATCHING;
      return initializeResult(this.features, this.options.version);
    });
  }

  private async initialized(): Promise<void> {
    const f = this.features;
    this.connection.console.info(
      `gomaplint ${this.options.version} language server: positions ${f.encoding}, ${f.pullDiagnostics ? 'pull' : 'push'} diagnostics, rules: ${KNOWN_RULES.join(', ')}`,
    );
    // Each step on its own: a client refusing one registration still gets the others.
    if (f.dynamicWatchedFilesRegistration) {
      const watchers = [{ globPattern: '**/*.go' }, { globPattern: '**/go.mod' }, { globPattern: '**/.gomaplint.{yaml,yml,json}' }];
      const watching = await this.attempt('client/registerCapability (file watching)', this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }));
      // No file events will come: check the project files now and then instead.
      if (!watching) this.project.revalidateMs = REVALIDATE_MS_WITHOUT_WATCHING;
    }
    if (f.dynamicConfigurationRegistration) {
      await this.attempt('client/registerCapability (configuration)', this.connection.client.register(DidChangeConfigurationNotification.type, { section: 'gomaplint' }));
    }
    if (f.configurationRequests) await this.pullSettings();
  }

  private shutdown(): void {
    this.shuttingDown = true;
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }

  private async pullSettings(): Promise<void> {
    const request: Promise<unknown> = this.connection.workspace.getConfiguration({ section: 'gomaplint' });
    const section = await request.then(
      (value) => ({ value }),
      (e: unknown) => this.reportOnce('warn', `workspace/configuration did not go through: ${messageOf(e)}`),
    );
    if (section) this.applySettings(section.value, 'workspace/configuration');
  }

  private applySettings(raw: unknown, source: string): void {
    const parsed = parseSettings(raw, this.initSettings, KNOWN_RULES);
    for (const w of parsed.warnings) this.reportOnce('warn', `${source}: ${w}`);
    this.settings = parsed.settings;
    this.invalidateAll();
  }

  private async didChangeConfiguration(params: unknown): Promise<void> {
    const settings = isObject(params) ? params.settings : undefined;
    if (isObject(settings) && 'gomaplint' in settings) this.applySettings(settings.gomaplint, 'didChangeConfiguration');
    else if (this.features.configurationRequests) await this.pullSettings();
    else this.invalidateAll();
  }

  private didChangeWatchedFiles(params: unknown): void {
    let projectChanged = false;
    const dirs = new Set<string>();
    for (const e of asFileEvents(params)) {
      const p = uriToPath(e.uri);
      if (!p) continue;
      const base = path.basename(p);
      if (base === 'go.mod' || base.startsWith('.gomaplint.')) projectChanged = true;
      else if (base.endsWith('.go')) {
        this.disk.invalidate(p);
        dirs.add(path.dirname(p));
      }
    }
    if (projectChanged) {
      this.project.invalidate();
      this.invalidateAll();
      return;
    }
    for (const dir of dirs) this.invalidateGroup(dir, 0);
  }

  // ---- documents --------------------------------------------------------------------------------

  private didOpen(params: unknown): void {
    const p = asOpenParams(params);
    if (!p) return this.reportOnce('warn', 'textDocument/didOpen: malformed parameters ignored');
    if (p.languageId !== 'go' && !p.uri.endsWith('.go')) return;
    const previous = this.docs.get(p.uri);
    if (previous) this.docsByPath.delete(previous.path);
    const doc = new OpenDocument(p.uri, p.languageId, p.version, p.text);
    this.docs.set(p.uri, doc);
    this.docsByPath.set(doc.path, doc);
    // Pull clients ask for the new document's diagnostics themselves.
    this.invalidateGroup(groupOf(doc), this.features.pullDiagnostics ? undefined : 0);
  }

  private didChange(params: unknown): void {
    const p = asChangeParams(params);
    if (!p) return this.reportOnce('warn', 'textDocument/didChange: malformed parameters ignored');
    const doc = this.docs.get(p.uri);
    if (!doc) {
      if (p.uri.endsWith('.go')) this.reportOnce('warn', `textDocument/didChange for ${p.uri}, which is not open: ignored`);
      return;
    }
    const oldGroup = groupOf(doc);
    doc.applyChanges(p.changes, p.version ?? doc.version + 1, this.features.encoding);
    this.invalidateGroup(oldGroup, this.features.pullDiagnostics ? undefined : this.settings.debounceMs);
  }

  private didClose(params: unknown): void {
    const uri = documentUri(params);
    const doc = uri ? this.docs.get(uri) : undefined;
    if (!uri || !doc) return;
    this.docs.delete(uri);
    if (this.docsByPath.get(doc.path) === doc) this.docsByPath.delete(doc.path);
    this.states.delete(uri);
    this.stale.delete(uri);
    if (!this.features.pullDiagnostics) this.deliver('textDocument/publishDiagnostics', this.connection.sendDiagnostics({ uri, diagnostics: [] }));
    // The other open files of the package now see the file as it is on disk.
    if (this.docsOf(groupOf(doc)).length > 0) this.invalidateGroup(groupOf(doc), 0);
  }

  // ---- analysis ---------------------------------------------------------------------------------

  /** Marks every open document of `group` stale; schedules an analysis after `delay` ms (if given). */
  private invalidateGroup(group: string, delay: number | undefined): void {
    for (const d of this.docsOf(group)) this.stale.add(d.uri);
    if (delay === undefined || this.shuttingDown) return;
    const pending = this.timers.get(group);
    if (pending) clearTimeout(pending);
    this.timers.set(
      group,
      setTimeout(() => {
        this.timers.delete(group);
        this.guard('analysis', undefined, () => this.analyzeGroup(group, undefined));
      }, delay),
    );
  }

  /** Settings or project files changed: everything is stale (and worth reporting again). */
  private invalidateAll(): void {
    this.reported.clear();
    const groups = new Set([...this.docs.values()].map(groupOf));
    if (this.features.pullDiagnostics) {
      for (const g of groups) this.invalidateGroup(g, undefined);
      if (this.features.diagnosticRefresh) this.deliver('workspace/diagnostic/refresh', this.connection.languages.diagnostics.refresh());
      return;
    }
    for (const g of groups) this.invalidateGroup(g, 0);
  }

  /** The current analysis of `doc` (running it now if it is stale). */
  private fresh(doc: OpenDocument): DocumentState {
    const group = groupOf(doc);
    const state = this.states.get(doc.uri);
    if (state && !this.stale.has(doc.uri) && state.analysis.version === doc.version) return state;
    const pending = this.timers.get(group);
    if (pending) {
      clearTimeout(pending);
      this.timers.delete(group);
    }
    this.analyzeGroup(group, doc.uri);
    return this.states.get(doc.uri) as DocumentState;
  }

  /**
   * Analyses the open documents of `group` and passes the news on: pushed diagnostics, or a
   * refresh request when a document other than `pulling` changed in pull mode.
   */
  private analyzeGroup(group: string, pulling: string | undefined): void {
    const docs = this.docsOf(group);
    if (docs.length === 0) return;
    const first = docs[0] as OpenDocument;
    const results = first.onDisk ? this.analyzer.analyzeDirectory(group, docs) : [this.analyzer.analyzeAlone(first)];
    let refresh = false;
    for (const a of results) {
      const uri = a.doc.uri;
      this.stale.delete(uri);
      if (a.skipped) this.reportOnce('info', `not analysed: ${a.skipped}`);
      const diagnostics = a.findings.map((f) => this.diagnostic(f));
      const key = JSON.stringify(diagnostics);
      const previous = this.states.get(uri);
      const generation = previous ? (previous.key === key ? previous.generation : previous.generation + 1) : 1;
      const state: DocumentState = { analysis: a, diagnostics, key, generation, sentKey: previous?.sentKey };
      this.states.set(uri, state);
      if (!this.features.pullDiagnostics) {
        if (state.sentKey !== key) {
          this.deliver('textDocument/publishDiagnostics', this.connection.sendDiagnostics({ uri, version: a.version, diagnostics }));
          state.sentKey = key;
        }
      } else if (uri !== pulling && state.sentKey !== undefined && state.sentKey !== key) {
        refresh = true;
      }
    }
    if (refresh && this.features.diagnosticRefresh) this.deliver('workspace/diagnostic/refresh', this.connection.languages.diagnostics.refresh());
  }

  private pullDiagnostics(params: unknown): DocumentDiagnosticReport {
    const uri = documentUri(params);
    const doc = uri ? this.docs.get(uri) : undefined;
    if (!doc) return emptyReport();
    const state = this.fresh(doc);
    const resultId = `${doc.version}:${state.generation}`;
    const previousResultId = isObject(params) ? params.previousResultId : undefined;
    state.sentKey = state.key;
    if (previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
    return { kind: DocumentDiagnosticReportKind.Full, resultId, items: state.diagnostics };
  }

  // ---- code actions -----------------------------------------------------------------------------

  private codeAction(params: unknown): CodeAction[] {
    const p = asCodeActionParams(params);
    if (!p) {
      this.reportOnce('warn', 'textDocument/codeAction: malformed parameters ignored');
      return [];
    }
    const doc = this.docs.get(p.uri);
    if (!doc) return [];
    const state = this.fresh(doc);
    const file = state.analysis.file;
    if (!file || state.analysis.findings.length === 0) return [];
    const view = this.viewOf(file);
    const a = toOffset(doc.lines, p.range.start, this.features.encoding) - doc.bom;
    const b = toOffset(doc.lines, p.range.end, this.features.encoding) - doc.bom;
    return codeActions({
      uri: doc.uri,
      version: doc.version,
      file,
      view,
      findings: state.analysis.findings,
      start: Math.min(a, b),
      end: Math.max(a, b),
      only: p.only,
      encoding: this.features.encoding,
      documentChanges: this.features.documentChanges,
      diagnostic: (f) => this.diagnostic(f),
      findingsWithText: (text) => this.analyzer.findingsWithText(doc, text, this.docsOf(groupOf(doc))),
    });
  }

  // ---- helpers ----------------------------------------------------------------------------------

  private diagnostic(f: RawFinding): Diagnostic {
    return toDiagnostic(f, { encoding: this.features.encoding, relatedInformation: this.features.relatedInformation, viewOf: (file) => this.viewOf(file) });
  }

  /** How the client sees `file`: through its open document when it is one, else as on disk. */
  private viewOf(file: GoFile): FileView {
    const doc = this.docsByPath.get(file.path);
    if (doc && doc.isCurrent(file)) return { uri: doc.uri, lines: doc.lines, bom: doc.bom, length: doc.text.length };
    return diskView(file);
  }

  private docsOf(group: string): OpenDocument[] {
    const out: OpenDocument[] = [];
    for (const d of this.docs.values()) if (groupOf(d) === group) out.push(d);
    return out;
  }

  /** Logs a message once per distinct text (analyses repeat on every keystroke). */
  private reportOnce(level: 'info' | 'warn', message: string): void {
    if (this.reported.has(message)) return;
    if (this.reported.size > 2000) this.reported.clear();
    this.reported.add(message);
    if (level === 'info') this.connection.console.info(message);
    else this.connection.console.warn(message);
    // A broken configuration file changes what the user sees: tell them, not just the log.
    if (message.startsWith('configuration ignored:')) {
      this.deliver('window/showMessage', this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `gomaplint: ${message}` }));
    }
  }

  /**
   * Lets a message to the client go. Its promise rejects when the client answers the request with
   * an error (a refresh it does not support after all) or the connection breaks: that is logged,
   * never left unhandled (an unhandled rejection ends the process).
   */
  private deliver(what: string, sent: Promise<unknown>): void {
    sent.catch((e: unknown) => this.reportOnce('warn', `${what} did not go through: ${messageOf(e)}`));
  }

  /** Awaits a request to the client; false (and logged) when it fails. */
  private async attempt(what: string, request: Promise<unknown>): Promise<boolean> {
    return request.then(
      () => true,
      (e: unknown) => {
        this.reportOnce('warn', `${what} did not go through: ${messageOf(e)}`);
        return false;
      },
    );
  }

  /** Runs a handler; an exception is logged and `fallback` returned. */
  private guard<T>(what: string, fallback: T, f: () => T): T {
    try {
      const r = f();
      if (r instanceof Promise) {
        return r.catch((e: unknown) => {
          this.logError(what, e);
          return fallback;
        }) as T;
      }
      return r;
    } catch (e) {
      this.logError(what, e);
      return fallback;
    }
  }

  private logError(what: string, e: unknown): void {
    const err = e instanceof Error ? e : new Error(String(e));
    this.connection.console.error(`gomaplint: ${what} failed: ${err.stack ?? err.message}`);
  }
}

/** Documents are analysed per directory; a document that is not a file stands alone. */
function groupOf(doc: OpenDocument): string {
  return doc.onDisk ? path.dirname(doc.path) : doc.uri;
}

function rootDirOf(params: InitializeParams): string | undefined {
  const folders = params.workspaceFolders;
  const first = Array.isArray(folders) && folders.length > 0 ? folders[0] : undefined;
  const uri = first && typeof first.uri === 'string' ? first.uri : typeof params.rootUri === 'string' ? params.rootUri : undefined;
  if (uri) return uriToPath(uri);
  return typeof params.rootPath === 'string' ? params.rootPath : undefined;
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function emptyReport(): DocumentDiagnosticReport {
  return { kind: DocumentDiagnosticReportKind.Full, items: [] };
}
