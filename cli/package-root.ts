/**
 * The directory of the installed gomaplint package (the one holding its package.json, dist/ and
 * docs/), found from this module's location: works from the sources, from dist/ and from
 * node_modules/gomaplint.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface PackageInfo {
  readonly root: string;
  readonly version: string;
}

let cached: PackageInfo | null | undefined;

/** The package's root and version, or undefined when no gomaplint package.json is above us. */
export function packageInfo(): PackageInfo | undefined {
  if (cached !== undefined) return cached ?? undefined;
  cached = null;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: unknown; version?: unknown };
      if (pkg.name === 'gomaplint' && typeof pkg.version === 'string') {
        cached = { root: dir, version: pkg.version };
        break;
      }
    } catch {
      // keep looking upward
    }
    dir = path.dirname(dir);
  }
  return cached ?? undefined;
}
