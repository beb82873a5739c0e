/** The tool's version, read from its package.json (works from the sources and from dist/). */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

export function toolVersion(): string {
  if (cached) return cached;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const p = path.join(dir, 'package.json');
    try {
      const pkg = JSON.parse(fs.readFileSync(p, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'gomaplint' && pkg.version) return (cached = pkg.version);
    } catch {
      // keep looking upward
    }
    dir = path.dirname(dir);
  }
  return (cached = '0.0.0');
}

export const TOOL_NAME = 'gomaplint';
export const INFORMATION_URI = 'https://github.com/gomaplint/gomaplint';

/** Where a rule's documentation lives online. */
export function ruleDocsUrl(ruleId: string): string {
  return `${INFORMATION_URI}/blob/main/docs/rules/${ruleId}.md`;
}
