/**
 * Turning file bytes into Go source text, and reading what precedes the syntax tree: the package
 * clause and the generated-code marker. Pure functions of the bytes.
 */

export type Decoded = { ok: true; text: string; hasBom: boolean } | { ok: false; problem: string };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Decodes a `.go` file. Go source is UTF-8 without NUL bytes (the compiler rejects both), so
 * anything else is reported as a problem rather than linted with guessed positions.
 */
export function decodeGoSource(bytes: Uint8Array): Decoded {
  const nul = bytes.indexOf(0);
  if (nul >= 0) return { ok: false, problem: `not Go source: NUL byte at offset ${nul} (binary file?)` };
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { ok: false, problem: `invalid UTF-8 at byte offset ${firstInvalidUtf8(bytes)}` };
  }
  const hasBom = text.charCodeAt(0) === 0xfeff;
  return { ok: true, text: hasBom ? text.slice(1) : text, hasBom };
}

/** Byte offset of the first invalid UTF-8 sequence (only called once decoding has failed). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    let need: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    if (i + need >= bytes.length) return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return i;
}

export interface FileHeader {
  /** The package clause's name, or undefined when the file has none before other text. */
  packageName: string | undefined;
  /** A `// Code generated ... DO NOT EDIT.` line precedes the package clause. */
  generated: boolean;
}

const GENERATED = /^\/\/ Code generated .* DO NOT EDIT\.$/;

/**
 * Reads comments and the package clause at the top of a file without parsing it: enough to group
 * files into packages and to skip generated ones before any parsing happens.
 */
export function readFileHeader(text: string): FileHeader {
  let i = 0;
  let generated = false;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) {
      i++;
    } else if (text.startsWith('//', i)) {
      let end = text.indexOf('\n', i);
      if (end < 0) end = n;
      const line = text.slice(i, end).replace(/\r$/, '');
      if (GENERATED.test(line)) generated = true;
      i = end;
    } else if (text.startsWith('/*', i)) {
      const end = text.indexOf('*/', i + 2);
      if (end < 0) return { packageName: undefined, generated };
      i = end + 2;
    } else break;
  }
  const m = /^package(?:[ \t\r\n]|\/\*[\s\S]*?\*\/)+([\p{L}_][\p{L}\p{Nd}_]*)/u.exec(text.slice(i, i + 512));
  return { packageName: m ? m[1] : undefined, generated };
}

/**
 * Where an unterminated block comment or raw string starts, if the file has one: Go's lexer reads
 * the rest of the file as that comment or string (and rejects the file), while tree-sitter-go
 * recovers and parses what follows as code — an unclosed `/*` even becomes a division and a
 * dereference. Nothing after this offset is code. A linear scan over Go's lexical structure:
 * line comments, block comments, interpreted strings and rune literals (which end at a newline
 * when unterminated), raw strings.
 */
export function unterminatedTail(text: string): number | undefined {
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 47 /* / */) {
      const d = text.charCodeAt(i + 1);
      if (d === 47) {
        const eol = text.indexOf('\n', i + 2);
        if (eol < 0) return undefined;
        i = eol + 1;
        continue;
      }
      if (d === 42 /* * */) {
        const end = text.indexOf('*/', i + 2);
        if (end < 0) return i;
        i = end + 2;
        continue;
      }
      i++;
    } else if (c === 96 /* ` */) {
      const end = text.indexOf('`', i + 1);
      if (end < 0) return i;
      i = end + 1;
    } else if (c === 34 /* " */ || c === 39 /* ' */) {
      // To the closing quote, or to the end of the line when it is missing.
      let j = i + 1;
      while (j < n) {
        const e = text.charCodeAt(j);
        if (e === c || e === 10) break;
        j += e === 92 /* \ */ && text.charCodeAt(j + 1) !== 10 ? 2 : 1;
      }
      i = j + 1;
    } else i++;
  }
  return undefined;
}
