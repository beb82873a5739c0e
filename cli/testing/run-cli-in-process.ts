/** Runs the CLI in-process and collects what it prints (for tests). */
import { runCli } from '../run-cli.js';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function runCliInProcess(cwd: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    cwd,
    env,
  });
  return { code, stdout, stderr };
}

/** A JSON report without its timing, so that two runs can be compared. */
export function withoutDuration(json: string): unknown {
  const report = JSON.parse(json) as { summary?: Record<string, unknown> };
  if (report.summary) delete report.summary.durationMs;
  return report;
}
