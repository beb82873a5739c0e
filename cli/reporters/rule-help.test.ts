import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index.js';
import { ruleDocsUrl } from '../version.js';
import { helpFromPage, ruleHelp } from './rule-help.js';

describe('ruleHelp', () => {
  it.each(RULES.map((r) => [r.meta.id, r.meta] as const))('%s: generated from its docs page', (id, meta) => {
    const help = ruleHelp(meta);
    const page = fs.readFileSync(new URL(`../../docs/rules/${id}.md`, import.meta.url), 'utf8');
    expect(help.markdown).not.toMatch(new RegExp(`^# ${id}`));
    expect(help.markdown).toContain('## What it finds');
    expect(help.text).toContain('What it finds');
    expect(help.text).not.toContain('```');
    // the first paragraph under "What it finds" survives, reflowed onto one line
    const firstParagraph = (page.split('## What it finds')[1] ?? '').trim().split(/\n\s*\n/)[0] ?? '';
    expect(help.markdown).toContain(firstParagraph.replace(/\s*\n\s*/g, ' '));
  });

  it('drops the title and resolves relative links against the rule page', () => {
    const help = helpFromPage('# x-rule\n\nSee [y](y-rule.md).\n', 'x-rule');
    expect(help.markdown).toBe(`See [y](${new URL('y-rule.md', ruleDocsUrl('x-rule')).href}).`);
    expect(help.text).toBe(`See y (${new URL('y-rule.md', ruleDocsUrl('x-rule')).href}).`);
  });

  it('falls back to summary and description when the page is missing', () => {
    const meta = { ...(RULES[0] as (typeof RULES)[number]).meta, id: 'no-such-page' };
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'gomaplint-docs-'));
    expect(ruleHelp(meta, empty)).toEqual({ text: `${meta.summary}\n\n${meta.description}`, markdown: `${meta.summary}\n\n${meta.description}` });
  });
});
