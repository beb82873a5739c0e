/**
 * Text for XML 1.0 attribute values. Markup characters become entities; tab, LF and CR become
 * character references (an XML parser would otherwise normalise them to spaces in attributes);
 * characters XML 1.0 cannot carry at all (other C0 controls, lone surrogates, U+FFFE/U+FFFF)
 * become U+FFFD.
 */

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

// C0 controls other than tab/LF/CR, lone surrogates, and the two non-characters XML forbids.
const NOT_XML_CHAR = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function escapeXmlAttribute(s: string): string {
  return s.replace(NOT_XML_CHAR, '\ufffd').replace(/[&<>"'\t\n\r]/g, (c) => ENTITIES[c] ?? c);
}
