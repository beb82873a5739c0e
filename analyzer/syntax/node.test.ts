/**
 * The mirror is exact: every mirrored node has the type, named-ness, range, field and error flag
 * of the tree-sitter node it copies — on the testdata, on broken code, and on part of the Go
 * standard library when it is installed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { goDirectories } from '../testing/analysistest.js';
import { GoFile } from './go-file.js';
import type { Node } from './node.js';
import type { TsCursor } from './parser.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const STD = '/usr/share/go-1.19/src';

/** Walks the native tree and the mirror side by side; returns the first difference. */
function firstDifference(file: GoFile): string | undefined {
  const cursor: TsCursor = file.tree.walk();
  const describe = (c: TsCursor) =>
    `${c.nodeType} named=${c.nodeIsNamed} ${c.startIndex}-${c.endIndex} field=${c.currentFieldName ?? null} error=${c.nodeType === 'ERROR' || c.nodeIsMissing}`;
  const mirrored = (n: Node) => `${n.type} named=${n.named} ${n.start}-${n.end} field=${n.field} error=${n.isError}`;
  // Pre-order over the native tree with a cursor; the mirror is followed by child index.
  const visit = (mirror: Node): string | undefined => {
    const expected = describe(cursor);
    if (mirrored(mirror) !== expected) {
      return `${file.path}: mirror ${mirrored(mirror)} / native ${expected}`;
    }
    const kids = mirror.children;
    if (!cursor.gotoFirstChild()) return kids.length === 0 ? undefined : `${file.path}: ${mirrored(mirror)} has extra children`;
    let i = 0;
    do {
      const kid = kids[i++];
      if (!kid) return `${file.path}: ${mirrored(mirror)} misses children`;
      const d = visit(kid);
      if (d) return d;
    } while (cursor.gotoNextSibling());
    cursor.gotoParent();
    return i === kids.length ? undefined : `${file.path}: ${mirrored(mirror)} has extra children`;
  };
  return visit(file.root);
}

function goFiles(dirs: readonly string[], limit = Infinity): string[] {
  const out: string[] = [];
  for (const d of dirs) for (const n of fs.readdirSync(d).sort()) if (n.endsWith('.go') && out.length < limit) out.push(path.join(d, n));
  return out;
}

describe('mirror', () => {
  it('copies every node of the testdata exactly', () => {
    const files = goFiles(goDirectories(path.join(repo, 'testdata')));
    expect(files.length).toBeGreaterThan(20);
    for (const p of files) expect(firstDifference(new GoFile(p, fs.readFileSync(p, 'utf8'), undefined))).toBeUndefined();
  });

  it('copies error and missing nodes', () => {
    const broken = new GoFile('broken.go', 'package p\n\nfunc f( {\n\tx := [1, 2\n\tif y { m[k] = }\n', 'p');
    expect(broken.root.hasError).toBe(true);
    expect(firstDifference(broken)).toBeUndefined();
  });

  it.skipIf(!fs.existsSync(STD))('copies every node of part of the standard library exactly', () => {
    const files = goFiles(['net/http', 'go/types', 'runtime'].map((d) => path.join(STD, d)), 120);
    for (const p of files) expect(firstDifference(new GoFile(p, fs.readFileSync(p, 'utf8'), undefined))).toBeUndefined();
  });
});
