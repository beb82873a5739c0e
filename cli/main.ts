#!/usr/bin/env node
/**
 * Entry point of the `gomaplint` binary. Any error that escapes is an internal error: it is
 * reported in one line (the stack only with GOMAPLINT_DEBUG=1) and exits 2.
 */
import { runCli } from './run-cli.js';

process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
});

try {
  process.exitCode = await runCli(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    cwd: process.cwd(),
    env: process.env,
  });
} catch (e) {
  const err = e instanceof Error ? e : new Error(String(e));
  process.stderr.write(`gomaplint: internal error: ${err.message}\n`);
  if (process.env.GOMAPLINT_DEBUG) process.stderr.write(`${err.stack ?? ''}\n`);
  process.exitCode = 2;
}
