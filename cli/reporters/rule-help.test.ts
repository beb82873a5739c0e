import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index.js';
import { ruleDocsUrl } from '../version.js';
import { helpFromPage, ruleHelp } from './rule-help.js';

describe('ruleHelp', () => {
  /** Text without whitespace and link targets: what reflowing and resolving links must not change. */
  const essence = (md: string) => md.replace(/\]\([^)\s]*\)/g, '](…)').replace(/\s+/g, '');

  it.each(RULES.map((r) => [r.meta.id, r.meta] as const))('%s: generated from its docs page', (id, meta) => {
    const help = ruleHelp(meta);
    const page = fs.readFileSync(new URL(`../../docs/rules/${id}.md`, import.meta.url), 'utf8');
    expect(help.markdown).not.toMatch(/^# /);
    expect(help.markdown).toContain('## What it finds');
    expect(help.text).toContain('What it finds');
    expect(help.text).not.toContain('```');
    // only line breaks and link targets differ from the page (minus its title)
    expect(essence(help.markdown)).toBe(essence(page.replace(/^# .*\n/, '')));
    // wrapped paragraphs are joined: fewer lines than the page
    expect(help.markdown.split('\n').length).toBeLessThan(page.split('\n').length);
  });

  it('drops the title and resolves relative links against the rule page', () => {
    const help = helpFromPage('# x-rule\n\nSee [y](y-rule.md).\n', 'x-rule');
    expect(help.markdown).toBe(`See [y](${new URL('y-rule.md', ruleDocsUrl('x-rule')).href}).`);
    expect(help.text).toBe(`See y (${new URL('y-rule.md', ruleDocsUrl('x-rule')).href}).`);
  });

  it('falls back to summary and description when the page is missing', () => {
    const meta = { ...(RULES[0] as (typeof RULES)[number]).meta, id: 'no-such-page' };
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'gomaplint-docs-'));
    fs.rmdirSync(empty);
    expect(ruleHelp(meta, empty)).toEqual({ text: `${meta.summary}\n\n${meta.description}`, markdown: `${meta.summary}\n\n${meta.description}` });
  });
});
