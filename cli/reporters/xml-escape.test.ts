import { describe, expect, it } from 'vitest';
import { escapeXmlAttribute } from './xml-escape.js';

describe('escapeXmlAttribute', () => {
  it('escapes markup characters', () => {
    expect(escapeXmlAttribute(`a < b && c > "d" 'e'`)).toBe('a &lt; b &amp;&amp; c &gt; &quot;d&quot; &apos;e&apos;');
  });

  it('keeps tabs and line breaks as character references', () => {
    expect(escapeXmlAttribute('a\tb\r\nc')).toBe('a&#9;b&#13;&#10;c');
  });

  it('replaces characters XML cannot carry', () => {
    expect(escapeXmlAttribute('nul\u0000 bell\u0007 lone\ud800 pair😀 \uffff')).toBe('nul\ufffd bell\ufffd lone\ufffd pair😀 \ufffd');
  });

  it('leaves other text alone', () => {
    expect(escapeXmlAttribute('delete(m, k) — 漢字 %s: ok')).toBe('delete(m, k) — 漢字 %s: ok');
  });
});
