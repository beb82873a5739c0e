/**
 * End-to-end with a real editor: headless Neovim (0.7+) runs `gomaplint lsp --stdio` through its
 * built-in LSP client on testdata/lsp/shop/drop.go (whose map type comes from types.go on disk),
 * and `nvim/collect.lua` records the diagnostics, the code actions, the buffer after applying the
 * quick fix, and the diagnostics clearing (see the script for the steps).
 *
 * Skipped, with a message, when `nvim` is not installed — except under CI, where `.ci/run`
 * installs it and its absence is a failure.
 */
import { execFile, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ruleDocsUrl } from '../../cli/version.js';
import { CLI, REPO, requireBuild } from './lsp-client.js';

const NVIM = process.env.NVIM_BIN ?? 'nvim';
const hasNvim = spawnSync(NVIM, ['--version'], { stdio: 'ignore' }).status === 0;
const inCI = Boolean(process.env.CI);

if (!hasNvim && !inCI) {
  console.warn(`Neovim end-to-end test skipped: "${NVIM}" not found. Install Neovim 0.7+ (Debian: apt-get install neovim) to run it.`);
}

interface NvimDiagnostic {
  lnum: number;
  col: number;
  end_lnum: number;
  end_col: number;
  severity: number;
  message: string;
  source: string;
  code: string;
  href: string | null;
}

interface NvimResult {
  steps: string[];
  error?: string;
  filetype?: string;
  offset_encoding?: string;
  diagnostics?: NvimDiagnostic[];
  actions?: Array<{ title: string; kind: string; isPreferred: boolean }>;
  fixed_line?: string;
  modified?: boolean;
  first_ms?: number;
}

describe.skipIf(!hasNvim && !inCI)('Neovim (headless) as the LSP client', () => {
  it('shows the diagnostics in byte columns, offers and applies the quick fix', async () => {
    expect(hasNvim, `"${NVIM}" is not installed; .ci/run installs the Debian package neovim`).toBe(true);
    requireBuild();
    const root = path.join(REPO, 'testdata', 'lsp', 'shop');
    const goFile = path.join(root, 'drop.go');
    const original = fs.readFileSync(goFile, 'utf8');
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gomaplint-nvim-'));
    const out = path.join(tmp, 'result.json');
    const env = {
      ...process.env,
      LSP_CMD: `${process.execPath} ${CLI} lsp --stdio`,
      ROOT: root,
      GO_FILE: goFile,
      OUT: out,
      // Keep Neovim's lsp.log, shada and state out of the user's home.
      XDG_CACHE_HOME: path.join(tmp, 'cache'),
      XDG_STATE_HOME: path.join(tmp, 'state'),
      XDG_DATA_HOME: path.join(tmp, 'data'),
      XDG_CONFIG_HOME: path.join(tmp, 'config'),
    };
    const script = path.join(REPO, 'lsp', 'test', 'nvim', 'collect.lua');
    let exitCode = 0;
    let stderr = '';
    try {
      await promisify(execFile)(NVIM, ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${script}`], { env, timeout: 60_000 });
    } catch (e) {
      const err = e as { code?: number; stderr?: string };
      exitCode = typeof err.code === 'number' ? err.code : -1;
      stderr = err.stderr ?? String(e);
    }
    const result = fs.existsSync(out) ? (JSON.parse(fs.readFileSync(out, 'utf8')) as NvimResult) : { steps: [], error: 'no result file' };
    const lspLog = path.join(tmp, 'cache', 'nvim', 'lsp.log');
    const context = `exit ${exitCode}; result ${JSON.stringify(result)}\nstderr: ${stderr}\nlsp.log: ${fs.existsSync(lspLog) ? fs.readFileSync(lspLog, 'utf8').slice(-3000) : '(none)'}`;
    try {
      expect(result.error, context).toBeUndefined();
      expect(exitCode, context).toBe(0);
      expect(result.steps).toEqual(['diagnostics', 'code actions', 'applied', 'cleared']);
      expect(result.filetype).toBe('go');
      expect(result.offset_encoding).toBe('utf-16');

      // Neovim converts the server's UTF-16 columns to byte columns.
      const lines = original.split('\n');
      const lnum = lines.findIndex((l) => l.includes('r.conns[label+key] = nil'));
      const line = lines[lnum] as string;
      const start = line.indexOf('r.conns');
      const byteCol = Buffer.byteLength(line.slice(0, start));
      expect(byteCol).toBeGreaterThan(start); // the line really has multi-byte text before the finding
      expect(result.diagnostics).toEqual([
        {
          lnum,
          col: byteCol,
          end_lnum: lnum,
          end_col: byteCol + Buffer.byteLength('r.conns[label+key] = nil'),
          severity: 2,
          message: expect.stringContaining('delete(r.conns, label+key)') as unknown as string,
          source: 'gomaplint',
          code: 'nil-as-delete',
          href: ruleDocsUrl('nil-as-delete'),
        },
      ]);
      expect(result.actions).toEqual([
        { title: 'Replace with delete(r.conns, label+key)', kind: 'quickfix', isPreferred: true },
        { title: 'Ignore nil-as-delete on this line', kind: 'quickfix', isPreferred: false },
        { title: 'Apply all safe gomaplint fixes', kind: 'source.fixAll.gomaplint', isPreferred: false },
      ]);
      expect(result.fixed_line).toBe('\tlabel := "日本語🙂"; delete(r.conns, label+key)');
      // The buffer changed; the file on disk did not.
      expect(result.modified).toBe(true);
      expect(fs.readFileSync(goFile, 'utf8')).toBe(original);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
