/**
 * A rule's help for SARIF (`help.text` and `help.markdown`), generated from its documentation page
 * `docs/rules/<id>.md` in the installed package (the package ships docs/), read once per process.
 * The page's `# <id>` title is dropped (viewers show the rule's name already). A rule without a
 * page falls back to its summary and description.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { RuleMeta } from '../../analyzer/engine/rule.js';
import { packageInfo } from '../package-root.js';
import { ruleDocsUrl } from '../version.js';
import { absolutizeLinks, markdownToPlainText, reflowMarkdown } from './markdown-help.js';

export interface RuleHelp {
  readonly text: string;
  readonly markdown: string;
}

const cache = new Map<string, RuleHelp>();

export function ruleHelp(meta: RuleMeta, docsDir = defaultDocsDir()): RuleHelp {
  const key = `${docsDir ?? ''}\0${meta.id}`;
  let help = cache.get(key);
  if (!help) {
    const page = docsDir === undefined ? undefined : readPage(path.join(docsDir, 'rules', `${meta.id}.md`));
    help = page === undefined ? fallbackHelp(meta) : helpFromPage(page, meta.id);
    cache.set(key, help);
  }
  return help;
}

function defaultDocsDir(): string | undefined {
  const info = packageInfo();
  return info ? path.join(info.root, 'docs') : undefined;
}

function readPage(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

export function helpFromPage(page: string, ruleId: string): RuleHelp {
  const body = page.replace(/^\uFEFF?[ \t]*#[ \t]+[^\n]*\r?\n/, '');
  const markdown = absolutizeLinks(reflowMarkdown(body), ruleDocsUrl(ruleId));
  return { markdown, text: markdownToPlainText(markdown) };
}

function fallbackHelp(meta: RuleMeta): RuleHelp {
  const text = `${meta.summary}\n\n${meta.description}`;
  return { text, markdown: text };
}
