import { describe, expect, it } from 'vitest';
import { contentLength, FrameGuard, MAX_HEADER_BYTES } from './frame-guard.js';

function frame(body: string): string {
  return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}

/** Feeds `chunks` through a guard; resolves with what came out and what was reported. */
async function run(chunks: ReadonlyArray<string | Buffer>): Promise<{ out: string; problems: string[] }> {
  const problems: string[] = [];
  const guard = new FrameGuard((p) => problems.push(p));
  const out: Buffer[] = [];
  guard.on('data', (b: Buffer) => out.push(b));
  const ended = new Promise<void>((resolve, reject) => {
    guard.on('end', resolve);
    guard.on('error', reject);
  });
  for (const c of chunks) guard.write(c);
  guard.end();
  await ended;
  return { out: Buffer.concat(out).toString('utf8'), problems };
}

const A = '{"jsonrpc":"2.0","id":1,"method":"a","params":{"text":"日本語🙂"}}';
const B = '{"jsonrpc":"2.0","method":"b"}';

describe('FrameGuard', () => {
  it('passes well-formed frames through, whatever the chunking', async () => {
    const input = Buffer.from(`Content-Length: ${Buffer.byteLength(A)}\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n${A}${frame(B)}`);
    const expected = frame(A) + frame(B);
    for (let cut = 0; cut <= input.length; cut++) {
      const { out, problems } = await run([input.subarray(0, cut), input.subarray(cut)]);
      expect(out, `cut at byte ${cut}`).toBe(expected);
      expect(problems).toEqual([]);
    }
    // One byte at a time.
    const bytes = [...input].map((b) => Buffer.from([b]));
    expect((await run(bytes)).out).toBe(expected);
  });

  it('skips header blocks it cannot use, reports them, and reads on in the same chunk', async () => {
    const bad = [
      'Garbage\r\n\r\n',
      'Content-Type: application/vscode-jsonrpc\r\n\r\n',
      'Content-Length: many\r\n\r\n',
      'Content-Length: -3\r\n\r\n',
      'Content-Length: 99999999999999999999\r\n\r\n',
    ];
    const { out, problems } = await run([bad.join('') + frame(A) + '\r\n' + frame(B)]);
    expect(out).toBe(frame(A) + frame(B));
    expect(problems).toEqual([
      'dropped a message with an invalid header (a header line without ":"): "Garbage"',
      'dropped a message with an invalid header (no Content-Length): "Content-Type: application/vscode-jsonrpc"',
      'dropped a message with an invalid header (Content-Length is not a number of bytes: "many"): "Content-Length: many"',
      'dropped a message with an invalid header (Content-Length is not a number of bytes: "-3"): "Content-Length: -3"',
      'dropped a message with an invalid header (Content-Length is not a number of bytes: "99999999999999999999"): "Content-Length: 99999999999999999999"',
    ]);
  });

  it('leaves bodies alone: one that is not JSON is passed on as it is', async () => {
    const { out, problems } = await run(['Content-Length: 9\r\n\r\n{"oops":,', frame(B)]);
    expect(out).toBe('Content-Length: 9\r\n\r\n{"oops":,' + frame(B));
    expect(problems).toEqual([]);
  });

  it('drops endless garbage without a header end instead of buffering it', async () => {
    const garbage = 'x'.repeat(MAX_HEADER_BYTES + 10);
    const { out, problems } = await run([garbage, `\r\n\r\n${frame(B)}`]);
    // The tail of the garbage ends up in one more (reported) header block; then B.
    expect(out).toBe(frame(B));
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^dropped 65543 bytes that are not a message header: "x{200}"$/);
    expect(problems[1]).toBe('dropped a message with an invalid header (a header line without ":"): "xxx"');
  });

  it('reads Content-Length case-insensitively and with spaces', () => {
    expect(contentLength('content-length:12')).toBe(12);
    expect(contentLength('Content-Type: x\r\nCONTENT-LENGTH :  7 ')).toBe(7);
    expect(contentLength('')).toBe('a header line without ":"');
  });
});
