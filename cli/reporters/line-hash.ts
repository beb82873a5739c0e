/**
 * GitHub code scanning's `primaryLocationLineHash`, computed the way `github/codeql-action`
 * (`src/fingerprints.ts`) computes it, so alerts stay matched across runs even when the SARIF is
 * uploaded through the REST API (which computes nothing).
 *
 * The text is read as UTF-16 code units. Spaces and tabs are skipped, CR and CRLF count as LF.
 * A rolling hash over the last 100 kept code units (`h = 37·h + c − 37^100·c_leaving`, wrapping
 * 64-bit arithmetic) is taken once 100 more units have been read after a line's first kept unit;
 * the end of the text is an extra unit 65535 followed by 100 zeros. Each hash is printed as
 * unsigned hex plus `:n`, where `n` counts how often that hash has been seen so far in the file.
 *
 * The 64-bit value is kept as two 32-bit halves in plain numbers (every intermediate product stays
 * below 2^53), which is several times faster than BigInt on large files.
 */

const WINDOW = 100;
const MULTIPLIER = 37;
const END_OF_TEXT = 65535;
const SPACE = 0x20;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const TWO_32 = 0x1_0000_0000;

/** `(hi·2^32 + lo) · k mod 2^64` as [hi, lo], for `k` < 2^20 (products stay below 2^53). */
function timesSmall(hi: number, lo: number, k: number): [number, number] {
  const low = lo * k;
  const carry = Math.floor(low / TWO_32);
  return [(hi * k + carry) % TWO_32, low % TWO_32];
}

/** 37^100 mod 2^64: the weight of the code unit leaving the window. */
const [LEAVING_HI, LEAVING_LO] = (() => {
  let w: [number, number] = [0, 1];
  for (let i = 0; i < WINDOW; i++) w = timesSmall(w[0], w[1], MULTIPLIER);
  return w;
})();

/**
 * The line hash of every line of `text`, indexed by 0-based line. Lines are split at LF, CRLF and
 * CR (as the analyzer's LineIndex does), so index `line - 1` belongs to a finding on `line`.
 */
export function lineHashes(text: string): string[] {
  const window = new Array<number>(WINDOW).fill(0);
  /** The 1-based line whose first kept unit sits at this window slot, or -1. */
  const lineAt = new Array<number>(WINDOW).fill(-1);
  const hashes: string[] = [];
  const seen = new Map<string, number>();
  let hashHi = 0;
  let hashLo = 0;
  let index = 0;
  let line = 0;
  let atLineStart = true;
  let previousWasCR = false;

  const emit = (): void => {
    const hex = hashHi === 0 ? hashLo.toString(16) : hashHi.toString(16) + hashLo.toString(16).padStart(8, '0');
    const count = (seen.get(hex) ?? 0) + 1;
    seen.set(hex, count);
    hashes[(lineAt[index] as number) - 1] = `${hex}:${count}`;
    lineAt[index] = -1;
  };

  const push = (unit: number): void => {
    const leaving = window[index] as number;
    window[index] = unit;
    // hash = 37·hash + unit − 37^100·leaving  (mod 2^64), in 32-bit halves
    const lo = hashLo * MULTIPLIER + unit - LEAVING_LO * leaving;
    const loWrapped = ((lo % TWO_32) + TWO_32) % TWO_32;
    const borrowOrCarry = (lo - loWrapped) / TWO_32;
    const hi = hashHi * MULTIPLIER - LEAVING_HI * leaving + borrowOrCarry;
    hashHi = ((hi % TWO_32) + TWO_32) % TWO_32;
    hashLo = loWrapped;
    index = (index + 1) % WINDOW;
  };

  const consume = (unit: number): void => {
    if (unit === SPACE || unit === TAB || (previousWasCR && unit === LF)) {
      previousWasCR = false;
      return;
    }
    previousWasCR = unit === CR;
    const kept = unit === CR ? LF : unit;
    if (lineAt[index] !== -1) emit();
    if (atLineStart) {
      atLineStart = false;
      line++;
      lineAt[index] = line;
    }
    if (kept === LF) atLineStart = true;
    push(kept);
  };

  for (let i = 0; i < text.length; i++) consume(text.charCodeAt(i));
  consume(END_OF_TEXT);
  for (let i = 0; i < WINDOW; i++) {
    if (lineAt[index] !== -1) emit();
    push(0);
  }
  return hashes;
}
