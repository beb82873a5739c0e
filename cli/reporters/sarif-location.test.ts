import { describe, expect, it } from 'vitest';
import { artifactLocation, region, rootUri } from './sarif-location.js';

describe('artifactLocation', () => {
  it('is relative to the root with %SRCROOT% for files inside it', () => {
    expect(artifactLocation('/repo/pkg/a.go', '/repo')).toEqual({ uri: 'pkg/a.go', uriBaseId: '%SRCROOT%' });
  });

  it('percent-encodes each path segment', () => {
    expect(artifactLocation('/repo/my dir/a#1%,b.go', '/repo')).toEqual({ uri: 'my%20dir/a%231%25%2Cb.go', uriBaseId: '%SRCROOT%' });
    expect(artifactLocation('/repo/漢字/a.go', '/repo').uri).toBe('%E6%BC%A2%E5%AD%97/a.go');
  });

  it('is an absolute file URI for files outside the root', () => {
    expect(artifactLocation('/elsewhere/a b.go', '/repo')).toEqual({ uri: 'file:///elsewhere/a%20b.go' });
    expect(artifactLocation('/repo-other/a.go', '/repo')).toEqual({ uri: 'file:///repo-other/a.go' });
  });

  it('treats a directory named like "..x" inside the root as inside', () => {
    expect(artifactLocation('/repo/..x/a.go', '/repo')).toEqual({ uri: '..x/a.go', uriBaseId: '%SRCROOT%' });
  });
});

describe('rootUri', () => {
  it('is a directory URI ending with a slash', () => {
    expect(rootUri('/home/runner/work/my repo')).toBe('file:///home/runner/work/my%20repo/');
    expect(rootUri('/')).toBe('file:///');
  });
});

describe('region', () => {
  const pos = (line: number, column: number) => ({ line, column, byteColumn: column, offset: 0 });
  it('copies 1-based lines and exclusive end columns', () => {
    expect(region({ start: pos(3, 2), end: pos(3, 9) })).toEqual({ startLine: 3, startColumn: 2, endLine: 3, endColumn: 9 });
    expect(region({ start: pos(3, 2), end: pos(5, 1) })).toEqual({ startLine: 3, startColumn: 2, endLine: 5, endColumn: 1 });
  });

  it('never ends before it starts', () => {
    expect(region({ start: pos(3, 5), end: pos(3, 4) })).toEqual({ startLine: 3, startColumn: 5, endLine: 3, endColumn: 5 });
  });
});
