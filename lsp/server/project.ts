/**
 * What governs a directory, as the CLI sees it: the nearest `.gomaplint.yaml`/`.yml`/`.json` at
 * or above it (or the file named in the editor's settings), and the Go version of the nearest
 * go.mod.
 *
 * Lookups are cached. A configuration file found before is re-`stat`ed on every use, so edits to
 * it are picked up at once. Files appearing or disappearing, and go.mod edits, are noticed through
 * `workspace/didChangeWatchedFiles` when the client offers it (`invalidate`); clients that cannot
 * watch files (Neovim 0.7) get the caches dropped every few seconds instead (`revalidateMs`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, defaultConfig, findConfigFile, loadConfig, type Config } from '../../analyzer/config/config.js';
import { GoModResolver, type ModuleInfo } from '../../analyzer/loader/go-mod.js';

export interface ConfigLookup {
  readonly config: Config;
  /** The configuration could not be used (the defaults apply): the message for the user. */
  readonly error: string | undefined;
}

interface LoadedConfig {
  readonly mtimeMs: number;
  readonly size: number;
  readonly lookup: ConfigLookup;
}

export class ProjectState {
  private readonly configFileByDir = new Map<string, string | ConfigError | undefined>();
  private readonly loaded = new Map<string, LoadedConfig>();
  private goMods = new GoModResolver();
  private lastReset = Date.now();

  constructor(
    private readonly knownRules: readonly string[],
    /** Drop the directory caches this often (ms); undefined: only on `invalidate`. */
    public revalidateMs: number | undefined,
  ) {}

  /** Forgets everything looked up (a configuration file or go.mod changed, appeared or went away). */
  invalidate(): void {
    this.configFileByDir.clear();
    this.loaded.clear();
    this.goMods = new GoModResolver();
    this.lastReset = Date.now();
  }

  /** The configuration for files in `dir`; `explicitFile` (absolute) replaces the upward search. */
  configFor(dir: string, explicitFile: string | undefined): ConfigLookup {
    this.maybeRevalidate();
    let file: string | ConfigError | undefined;
    if (explicitFile !== undefined) {
      file = explicitFile;
    } else if (this.configFileByDir.has(dir)) {
      file = this.configFileByDir.get(dir);
    } else {
      try {
        file = findConfigFile(dir);
      } catch (e) {
        if (!(e instanceof ConfigError)) throw e;
        file = e;
      }
      this.configFileByDir.set(dir, file);
    }
    if (file === undefined) return { config: defaultConfig(dir), error: undefined };
    if (file instanceof ConfigError) return { config: defaultConfig(dir), error: `${file.file}: ${file.message}` };
    return this.load(file, dir);
  }

  goModule(dir: string): ModuleInfo {
    this.maybeRevalidate();
    return this.goMods.forDir(dir);
  }

  private load(file: string, dir: string): ConfigLookup {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(file);
    } catch {
      this.loaded.delete(file);
      // The file went away since it was found: look again next time.
      for (const [d, f] of this.configFileByDir) if (f === file) this.configFileByDir.delete(d);
      return { config: defaultConfig(dir), error: `${file}: no such configuration file` };
    }
    const cached = this.loaded.get(file);
    if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached.lookup;
    let lookup: ConfigLookup;
    try {
      lookup = { config: loadConfig(file, this.knownRules), error: undefined };
    } catch (e) {
      if (!(e instanceof ConfigError)) throw e;
      lookup = { config: defaultConfig(path.dirname(file)), error: `${e.file}: ${e.message}` };
    }
    this.loaded.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, lookup });
    return lookup;
  }

  private maybeRevalidate(): void {
    if (this.revalidateMs === undefined) return;
    if (Date.now() - this.lastReset >= this.revalidateMs) this.invalidate();
  }
}
