import { describe, expect, it } from 'vitest';
import { negotiateEncoding } from './positions.js';
import { DEFAULT_SETTINGS, parseSettings } from './settings.js';

const RULES = ['nil-as-delete', 'concurrent-delete'];

describe('parseSettings', () => {
  it('reads the gomaplint section, flat or nested', () => {
    for (const raw of [{ enable: false, rules: { 'nil-as-delete': 'error' } }, { gomaplint: { enable: false, rules: { 'nil-as-delete': 'error' } } }]) {
      const { settings, warnings } = parseSettings(raw, DEFAULT_SETTINGS, RULES);
      expect(warnings).toEqual([]);
      expect(settings.enable).toBe(false);
      expect([...settings.rules]).toEqual([['nil-as-delete', 'error']]);
    }
  });

  it('keeps fields that are absent from the base and accepts booleans for rules', () => {
    const base = parseSettings({ includeGenerated: true, configFile: 'x.yaml', debounceMs: 20 }, DEFAULT_SETTINGS, RULES).settings;
    const { settings } = parseSettings({ rules: { 'concurrent-delete': false } }, base, RULES);
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, includeGenerated: true, configFile: 'x.yaml', debounceMs: 20, rules: new Map([['concurrent-delete', 'off']]) });
  });

  it('warns about and ignores what it cannot use', () => {
    const { settings, warnings } = parseSettings(
      { enable: 'yes', rules: { 'nil-as-delet': 'off', 'nil-as-delete': 'loud' }, debounceMs: -1, colour: true },
      DEFAULT_SETTINGS,
      RULES,
    );
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, rules: new Map() });
    expect(warnings).toEqual([
      'settings: unknown setting "colour"',
      'settings: "enable" must be true or false, got "yes"',
      'settings: "debounceMs" must be a number of milliseconds (0 to 10000), got -1',
      'settings: unknown rule "nil-as-delet" (did you mean "nil-as-delete"?)',
      'settings: rule "nil-as-delete": invalid value "loud"; expected one of off, on, error, warning, note',
    ]);
    expect(parseSettings(42, DEFAULT_SETTINGS, RULES).warnings).toEqual(['settings: expected an object, got 42']);
    expect(parseSettings(null, DEFAULT_SETTINGS, RULES)).toEqual({ settings: DEFAULT_SETTINGS, warnings: [] });
  });
});

describe('negotiateEncoding', () => {
  it('prefers UTF-8 when offered, else UTF-16', () => {
    expect(negotiateEncoding(['utf-16', 'utf-8'])).toBe('utf-8');
    expect(negotiateEncoding(['utf-32', 'utf-16'])).toBe('utf-16');
    expect(negotiateEncoding(undefined)).toBe('utf-16');
    expect(negotiateEncoding('utf-8')).toBe('utf-16');
  });
});
