/** Go language versions as written in go.mod's `go` directive (`1.21`, `1.21.3`, `1.22rc1`). */

export interface GoVersion {
  readonly major: number;
  readonly minor: number;
  /** As written, e.g. `1.21.3`; `latest` when assumed. */
  readonly text: string;
}

/** The version assumed when there is no go.mod: the newest Go (so every suggestion applies). */
export const LATEST_GO: GoVersion = { major: 1, minor: 99, text: 'latest' };

/** What the go command assumes for a go.mod without a `go` directive. */
export const GO_MOD_DEFAULT: GoVersion = { major: 1, minor: 16, text: '1.16' };

export function parseGoVersion(text: string): GoVersion | undefined {
  const m = /^(\d+)\.(\d+)(?:\.\d+)?(?:(?:rc|beta)\d+)?$/.exec(text.trim());
  if (!m) return undefined;
  return { major: Number(m[1]), minor: Number(m[2]), text: text.trim() };
}

/** `atLeast(v, '1.21')`. */
export function atLeast(v: GoVersion, wanted: string): boolean {
  const w = parseGoVersion(wanted);
  if (!w) return false;
  return v.major > w.major || (v.major === w.major && v.minor >= w.minor);
}
