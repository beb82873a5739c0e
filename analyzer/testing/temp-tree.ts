/** Temporary directory trees for tests. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Writes files (relative path → content) under a fresh temp directory and returns it. */
export function tempTree(files: Record<string, string | Uint8Array>, prefix = 'gomaplint-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  for (const [name, content] of Object.entries(files)) {
    const p = path.join(dir, name);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, content);
  }
  return dir;
}

/** Copies a directory tree (files only) to `to`. */
export function copyTree(from: string, to: string): void {
  fs.cpSync(from, to, { recursive: true });
}
