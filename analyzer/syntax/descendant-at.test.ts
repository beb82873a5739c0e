import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { GoFile } from './go-file.js';
import type { Node } from './node.js';

const testdata = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'testdata', 'rules');

/** `descendantAt` as a linear scan of each node's children (what the binary search replaces). */
function linearAt(root: Node, start: number, end: number): Node {
  let cur = root;
  for (;;) {
    let next: Node | undefined;
    for (const k of cur.children) {
      if (k.start > start) break;
      const inside = end === start ? start < k.end : end <= k.end;
      if (inside && k.end > k.start) {
        next = k;
        break;
      }
    }
    if (!next) return cur;
    cur = next;
  }
}

function sources(): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const dir of fs.readdirSync(testdata)) {
    const d = path.join(testdata, dir);
    for (const f of fs.readdirSync(d).filter((n) => n.endsWith('.go')).slice(0, 1)) out.push([`${dir}/${f}`, fs.readFileSync(path.join(d, f), 'utf8')]);
  }
  // Error recovery: MISSING tokens (zero width) and ERROR nodes among the children.
  out.push(['broken', 'package p\n\nfunc f(m map[string]int {\n\tm["a"] = 1\n\tif x {\n\t\tdelete(m, "a"\n}\n\nfunc g() { ))) }\n']);
  return out;
}

describe('Node.descendantAt and nearestAt', () => {
  it.each(sources())('agree with a linear scan at every offset and short range (%s)', (_name, text) => {
    const file = new GoFile('/x.go', text, 'p');
    let near: Node | undefined;
    for (let o = 0; o <= text.length; o++) {
      for (const len of [0, 1, 3]) {
        if (o + len > text.length) continue;
        const want = linearAt(file.root, o, o + len);
        expect(file.nodeAt(o, o + len)).toBe(want);
        expect((near ?? file.root).nearestAt(o, o + len)).toBe(want);
        near = want;
      }
    }
  });
});
