/** Builds a package model from in-memory sources, and finds nodes by their text. For unit tests. */
import type { GoVersion } from '../model/go-version.js';
import { LATEST_GO } from '../model/go-version.js';
import { PackageModel } from '../model/package-model.js';
import { GoFile } from '../syntax/go-file.js';
import type { Node } from '../syntax/node.js';
import { readFileHeader } from '../syntax/source-text.js';

export interface Fixture {
  readonly model: PackageModel;
  readonly files: GoFile[];
  /** The node spanning exactly the `nth` (0-based) occurrence of `snippet` in the sources. */
  find(snippet: string, nth?: number): Node;
}

export function fixture(sources: Record<string, string> | string, goVersion: GoVersion = LATEST_GO): Fixture {
  const map = typeof sources === 'string' ? { 'a.go': sources } : sources;
  const files = Object.entries(map).map(([name, text]) => new GoFile(`/fixture/${name}`, text, readFileHeader(text).packageName));
  const model = new PackageModel(files, goVersion, '/fixture');
  return {
    model,
    files,
    find(snippet: string, nth = 0): Node {
      // Whole words only at word edges: "m" does not match inside "map".
      const escaped = snippet.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const re = new RegExp(`${/^\w/.test(snippet) ? '(?<![\\w])' : ''}${escaped}${/\w$/.test(snippet) ? '(?![\\w])' : ''}`, 'g');
      let seen = 0;
      for (const f of files) {
        re.lastIndex = 0;
        for (let m = re.exec(f.text); m; m = re.exec(f.text)) {
          if (seen++ !== nth) continue;
          const i = m.index;
          let n = f.nodeAt(i, i + snippet.length);
          if (n.start !== i || n.end !== i + snippet.length) throw new Error(`no node spans exactly "${snippet}" (#${nth}); smallest is ${n.type} "${n.text.slice(0, 40)}"`);
          // Prefer the outermost node with exactly this range (an expression over its token).
          while (n.parent && n.parent.start === n.start && n.parent.end === n.end) n = n.parent;
          return n;
        }
      }
      throw new Error(`snippet not found: ${snippet} #${nth}`);
    },
  };
}
