/**
 * The language version of a package: the `go` directive of the nearest go.mod above it.
 * No go.mod: the newest Go. A go.mod without a `go` line: Go 1.16, as the go command assumes.
 * A go.mod whose `go` line cannot be read: the newest Go, with a warning.
 */
import fs from 'node:fs';
import path from 'node:path';
import { GO_MOD_DEFAULT, LATEST_GO, parseGoVersion, type GoVersion } from '../model/go-version.js';

export interface ModuleInfo {
  readonly version: GoVersion;
  /** The go.mod consulted, if any. */
  readonly goModPath: string | undefined;
  /** Why the version fell back, if it did. */
  readonly warning: string | undefined;
}

const NONE: ModuleInfo = { version: LATEST_GO, goModPath: undefined, warning: undefined };

export class GoModResolver {
  private readonly byDir = new Map<string, ModuleInfo>();

  /** The module information governing files in `dir`. */
  forDir(dir: string): ModuleInfo {
    const chain: string[] = [];
    let cur = path.resolve(dir);
    let found: ModuleInfo | undefined;
    for (;;) {
      const cached = this.byDir.get(cur);
      if (cached) {
        found = cached;
        break;
      }
      chain.push(cur);
      const candidate = path.join(cur, 'go.mod');
      let text: string | undefined;
      try {
        // Only a regular file: a directory named go.mod is not one, and a named pipe would block.
        text = fs.statSync(candidate).isFile() ? fs.readFileSync(candidate, 'utf8') : undefined;
      } catch {
        text = undefined;
      }
      if (text !== undefined) {
        found = readGoMod(candidate, text);
        break;
      }
      const parent = path.dirname(cur);
      if (parent === cur) {
        found = NONE;
        break;
      }
      cur = parent;
    }
    for (const d of chain) this.byDir.set(d, found);
    return found;
  }
}

export function readGoMod(goModPath: string, text: string): ModuleInfo {
  const lines = text.split(/\r?\n/);
  for (const raw of lines) {
    const line = raw.replace(/\/\/.*$/, '').trim();
    const m = /^go\s+(\S+)$/.exec(line);
    if (!m) {
      if (/^go(\s|$)/.test(line)) {
        return { version: LATEST_GO, goModPath, warning: `invalid go directive "${line}"; assuming the newest Go` };
      }
      continue;
    }
    const v = parseGoVersion(m[1] as string);
    if (!v) return { version: LATEST_GO, goModPath, warning: `invalid go version "${m[1]}"; assuming the newest Go` };
    return { version: v, goModPath, warning: undefined };
  }
  if (!/^\s*module\s+\S+/m.test(text)) {
    return { version: LATEST_GO, goModPath, warning: 'no module directive (not a go.mod file?); assuming the newest Go' };
  }
  return { version: GO_MOD_DEFAULT, goModPath, warning: undefined };
}
