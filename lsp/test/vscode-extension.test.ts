/**
 * The VS Code extension and the server agree on the settings: what VS Code hands the server for
 * section `gomaplint` (every contributed setting, at its default or at any allowed value) is
 * accepted without warnings. (The extension itself is built and packaged by `npm run
 * package:vscode`; VS Code cannot be downloaded in the test environment to run it.)
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index.js';
import { DEFAULT_SETTINGS, parseSettings } from '../server/settings.js';
import { REPO } from './lsp-client.js';

interface Contributed {
  type: string | string[];
  default: unknown;
  enum?: string[];
  additionalProperties?: { enum?: string[] };
}

const manifest = JSON.parse(fs.readFileSync(path.join(REPO, 'lsp', 'vscode', 'package.json'), 'utf8')) as {
  contributes: { configuration: { properties: Record<string, Contributed> } };
  activationEvents: string[];
  main: string;
};
const properties = manifest.contributes.configuration.properties;
const knownRules = RULES.map((r) => r.meta.id);

/** The object VS Code returns for `workspace/configuration` section `gomaplint`. */
function section(values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    const parts = key.replace(/^gomaplint\./, '').split('.');
    let at = out;
    for (const p of parts.slice(0, -1)) at = (at[p] ??= {}) as Record<string, unknown>;
    at[parts[parts.length - 1] as string] = value;
  }
  return out;
}

describe('VS Code extension manifest', () => {
  it('contributes settings the server accepts, at their defaults', () => {
    const defaults = Object.fromEntries(Object.entries(properties).map(([k, p]) => [k, p.default]));
    const { settings, warnings } = parseSettings(section(defaults), DEFAULT_SETTINGS, knownRules);
    expect(warnings).toEqual([]);
    expect(settings).toEqual(DEFAULT_SETTINGS);
  });

  it('offers exactly the rule values the server understands', () => {
    const values = properties['gomaplint.rules']?.additionalProperties?.enum ?? [];
    expect(values.length).toBeGreaterThan(0);
    for (const v of values) {
      const { settings, warnings } = parseSettings(section({ 'gomaplint.rules': { [knownRules[0] as string]: v } }), DEFAULT_SETTINGS, knownRules);
      expect(warnings, v).toEqual([]);
      expect(settings.rules.get(knownRules[0] as string)).toBe(v);
    }
    const rejected = parseSettings({ rules: { [knownRules[0] as string]: 'loud' } }, DEFAULT_SETTINGS, knownRules);
    expect(rejected.warnings).toHaveLength(1);
  });

  it('activates on Go files and ships its compiled entry point', () => {
    expect(manifest.activationEvents).toEqual(['onLanguage:go']);
    expect(manifest.main).toBe('./out/extension.js');
    expect(fs.existsSync(path.join(REPO, 'lsp', 'vscode', 'src', 'extension.ts'))).toBe(true);
  });
});
