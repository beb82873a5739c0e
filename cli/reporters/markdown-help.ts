/**
 * Turns a rule's documentation page (Markdown written for people reading the repository) into
 * SARIF `help.markdown` and `help.text`.
 *
 * GitHub code scanning renders `help.markdown` with every line break as a hard break, so source
 * paragraphs wrapped at 100 columns would show as ragged lines: paragraphs and list items are
 * reflowed onto one line each, while code blocks, headings and tables keep their lines. Relative
 * links (to another rule's page, say) would point nowhere inside an alert, so they are resolved
 * against the page's URL. The plain-text form drops Markdown syntax: headings lose their `#`,
 * code blocks are indented, `**bold**` and `` `code` `` marks go, links become `text (url)`.
 */

type Block =
  | { readonly kind: 'paragraph' | 'item'; text: string }
  | { readonly kind: 'heading' | 'table' | 'quote'; readonly text: string }
  | { readonly kind: 'code'; readonly fence: string; readonly lines: string[] }
  | { readonly kind: 'blank' };

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const HEADING = /^ {0,3}#{1,6}(\s|$)/;
const LIST_ITEM = /^ {0,3}([-*+]|\d{1,9}[.)])\s/;

function parseBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  let open: Block | undefined;
  for (const line of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    if (open?.kind === 'code') {
      open.lines.push(line);
      if (line.trim().startsWith(open.fence) && line.trim().replace(/[`~]/g, '') === '') open = undefined;
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence) {
      open = { kind: 'code', fence: fence[1] as string, lines: [line] };
      blocks.push(open);
    } else if (line.trim() === '') {
      open = undefined;
      blocks.push({ kind: 'blank' });
    } else if (HEADING.test(line)) {
      open = undefined;
      blocks.push({ kind: 'heading', text: line.trim() });
    } else if (line.trimStart().startsWith('|')) {
      open = undefined;
      blocks.push({ kind: 'table', text: line });
    } else if (line.trimStart().startsWith('>')) {
      open = undefined;
      blocks.push({ kind: 'quote', text: line });
    } else if (LIST_ITEM.test(line)) {
      open = { kind: 'item', text: line.trimEnd() };
      blocks.push(open);
    } else if (open && (open.kind === 'paragraph' || open.kind === 'item')) {
      open.text += ` ${line.trim()}`;
    } else {
      open = { kind: 'paragraph', text: line.trim() };
      blocks.push(open);
    }
  }
  return blocks;
}

function renderBlocks(blocks: readonly Block[], render: (b: Exclude<Block, { kind: 'blank' }>) => string): string {
  const out: string[] = [];
  for (const b of blocks) {
    if (b.kind === 'blank') {
      if (out.length > 0 && out[out.length - 1] !== '') out.push('');
    } else out.push(render(b));
  }
  while (out[out.length - 1] === '') out.pop();
  return out.join('\n');
}

/** Paragraphs and list items on one line each; everything else as written. */
export function reflowMarkdown(markdown: string): string {
  return renderBlocks(parseBlocks(markdown), (b) => (b.kind === 'code' ? b.lines.join('\n') : b.text));
}

const LINK = /(!?)\[([^\]\n]*)\]\(([^)\s]+)\)/g;

/** Relative link targets resolved against `baseUrl`; absolute URLs and `#anchors` are kept. */
export function absolutizeLinks(markdown: string, baseUrl: string): string {
  const blocks = parseBlocks(markdown);
  return renderBlocks(blocks, (b) => {
    if (b.kind === 'code') return b.lines.join('\n');
    return b.text.replace(LINK, (whole, bang: string, text: string, target: string) => {
      if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('#')) return whole;
      return `${bang}[${text}](${new URL(target, baseUrl).href})`;
    });
  });
}

/** Reflowed plain text without Markdown syntax. */
export function markdownToPlainText(markdown: string): string {
  return renderBlocks(parseBlocks(markdown), (b) => {
    switch (b.kind) {
      case 'code':
        return b.lines
          .slice(1, FENCE.test(b.lines[b.lines.length - 1] ?? '') && b.lines.length > 1 ? -1 : undefined)
          .map((l) => (l === '' ? '' : `    ${l}`))
          .join('\n');
      case 'heading':
        return inlineToText(b.text.replace(/^#+\s*/, '').replace(/\s+#+\s*$/, ''));
      case 'quote':
        return inlineToText(b.text.replace(/^\s*>\s?/, ''));
      default:
        return inlineToText(b.text);
    }
  });
}

function inlineToText(s: string): string {
  return s
    .replace(LINK, (_whole, _bang: string, text: string, target: string) => (text === target ? target : `${text} (${target})`))
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/__([^_]+)__/g, '$1')
    .replace(/(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/g, (_whole, _ticks: string, code: string) => code.trim() || code);
}
