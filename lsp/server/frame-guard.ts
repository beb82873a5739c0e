/**
 * The base protocol's framing (`Content-Length: n\r\n\r\n` + n bytes), checked before
 * vscode-jsonrpc reads the stream. vscode-jsonrpc's reader, given a header block it cannot use (a
 * line without `:`, no `Content-Length`, a length that is not a number), drops the block and
 * stops: whatever arrived with it stays unread until the client sends more, so the next request
 * waits for the one after it. Here such a block is reported and skipped, and reading goes on.
 *
 * Well-formed frames pass through with a normalised header (`Content-Length` only: the reader
 * reads no other header). Line breaks between messages are skipped. The body is not looked at:
 * a body that is not JSON is the reader's to report.
 */
import { Transform, type TransformCallback } from 'node:stream';

const HEADER_END = Buffer.from('\r\n\r\n');
const CR = 0x0d;
const LF = 0x0a;
/** A header block longer than this is garbage, not a header still arriving. */
export const MAX_HEADER_BYTES = 64 * 1024;

export class FrameGuard extends Transform {
  /** The start of a header block whose end has not arrived yet. */
  private pending: Buffer = Buffer.alloc(0);
  /** Bytes of the current body still to pass through. */
  private bodyLeft = 0;

  constructor(private readonly report: (problem: string) => void) {
    super();
  }

  override _transform(chunk: Buffer | string, _encoding: BufferEncoding, done: TransformCallback): void {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    let data = this.pending.length > 0 ? Buffer.concat([this.pending, bytes]) : bytes;
    this.pending = Buffer.alloc(0);
    while (data.length > 0) {
      if (this.bodyLeft > 0) {
        const n = Math.min(this.bodyLeft, data.length);
        this.push(data.subarray(0, n));
        this.bodyLeft -= n;
        data = data.subarray(n);
        continue;
      }
      let start = 0;
      while (start < data.length && (data[start] === CR || data[start] === LF)) start++;
      data = data.subarray(start);
      const end = data.indexOf(HEADER_END);
      if (end < 0) {
        if (data.length > MAX_HEADER_BYTES) {
          this.report(`dropped ${data.length - 3} bytes that are not a message header: ${excerpt(data.subarray(0, 200))}`);
          // Keep what could be the start of the header end.
          this.pending = Buffer.from(data.subarray(data.length - 3));
        } else {
          this.pending = Buffer.from(data);
        }
        break;
      }
      const header = data.subarray(0, end);
      data = data.subarray(end + HEADER_END.length);
      const length = contentLength(header.toString('ascii'));
      if (typeof length === 'string') {
        this.report(`dropped a message with an invalid header (${length}): ${excerpt(header.subarray(0, 200))}`);
        continue;
      }
      this.push(Buffer.from(`Content-Length: ${length}\r\n\r\n`, 'ascii'));
      this.bodyLeft = length;
    }
    done();
  }
}

/** The body length a header block announces, or what is wrong with the block. */
export function contentLength(header: string): number | string {
  let length: number | undefined;
  for (const line of header.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon < 0) return 'a header line without ":"';
    if (line.slice(0, colon).trim().toLowerCase() !== 'content-length') continue;
    const value = line.slice(colon + 1).trim();
    if (!/^\d{1,15}$/.test(value)) return `Content-Length is not a number of bytes: "${value.slice(0, 40)}"`;
    length = Number(value);
  }
  return length ?? 'no Content-Length';
}

function excerpt(bytes: Buffer): string {
  return JSON.stringify(bytes.toString('latin1'));
}
