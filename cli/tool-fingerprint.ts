/**
 * What identifies this build of gomaplint for the result cache: its version, the versions of the
 * parser packages, and a hash of its own code (so a rebuilt tool with an unchanged version number
 * never reads results computed by the old code).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { toolVersion } from './version.js';

/** Directories (relative to the tool's root, `dist/` or the sources) whose code decides results. */
const CODE_DIRS = ['analyzer', 'rules'];

let cached: string | undefined;

export function toolFingerprint(): string {
  return (cached ??= fingerprintOf(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..'), toolVersion()));
}

/** The fingerprint of the tool whose code is under `root` (dist/ or the sources). */
export function fingerprintOf(root: string, version: string): string {
  const hash = createHash('sha256');
  hash.update(`gomaplint ${version}\n`);
  const require = createRequire(import.meta.url);
  for (const dep of ['tree-sitter', 'tree-sitter-go']) {
    try {
      const pkg = JSON.parse(fs.readFileSync(require.resolve(`${dep}/package.json`), 'utf8')) as { version?: string };
      hash.update(`${dep} ${pkg.version ?? '?'}\n`);
    } catch {
      hash.update(`${dep} ?\n`);
    }
  }
  for (const file of codeFiles(root)) {
    hash.update(`${path.relative(root, file)}\n`);
    hash.update(fs.readFileSync(file));
  }
  return hash.digest('hex').slice(0, 32);
}

function codeFiles(root: string): string[] {
  const out: string[] = [];
  const stack = CODE_DIRS.map((d) => path.join(root, d));
  while (stack.length > 0) {
    const dir = stack.pop() as string;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) stack.push(p);
      else if (/\.(js|ts)$/.test(e.name) && !/\.test\.(js|ts)$/.test(e.name)) out.push(p);
    }
  }
  return out.sort();
}
