/**
 * Frees released syntax trees in time. The tree-sitter binding does not tell V8 how much native
 * memory a tree holds, so V8 sees small wrapper objects and runs a full collection far too
 * rarely: a run over the Go standard library grew past 500 MB of garbage trees. Between jobs,
 * after enough source has been parsed (about 24 bytes of tree per character), this forces a
 * collection; the trees' finalizers then run when the event loop next turns, and free them.
 *
 * `gc` is V8's `--expose-gc` function, obtained at run time (the flag cannot be passed to a
 * binary started as `gomaplint`). Where that is not possible, nothing is forced.
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import { parsedCharacters } from '../syntax/parser.js';

/** About 25 MB of trees (≈24 bytes a character): some twenty collections over the standard library. */
export const COLLECT_EVERY_CHARACTERS = 1_000_000;

export class TreeCollector {
  private lastCollectedAt = parsedCharacters();

  constructor(
    private readonly collect: (() => void) | undefined = exposedGc(),
    private readonly every = COLLECT_EVERY_CHARACTERS,
  ) {}

  /** Call between jobs: collects when enough has been parsed since the last collection. */
  afterJob(): void {
    const parsed = parsedCharacters();
    if (!this.collect || parsed - this.lastCollectedAt < this.every) return;
    this.lastCollectedAt = parsed;
    this.collect();
  }
}

let gcFunction: (() => void) | null | undefined;

/** V8's gc function, or undefined where it cannot be had. */
export function exposedGc(): (() => void) | undefined {
  if (gcFunction === undefined) {
    gcFunction = null;
    const existing: unknown = (globalThis as { gc?: unknown }).gc;
    if (typeof existing === 'function') {
      gcFunction = existing as () => void;
    } else {
      try {
        v8.setFlagsFromString('--expose-gc');
        const fn: unknown = vm.runInNewContext('gc');
        if (typeof fn === 'function') gcFunction = fn as () => void;
      } catch {
        // no forced collections: memory is freed when V8 gets to it
      }
    }
  }
  return gcFunction ?? undefined;
}
