/** The benchmark corpus: the Go standard library source from Debian's golang-1.19-src. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

export const STD_PACKAGE = 'golang-1.19-src';
export const STD_DIR = '/usr/share/go-1.19/src';

/** Makes sure the source is installed (apt-get, as root or through sudo); throws if it cannot be. */
export function ensureStdSource(log: (s: string) => void): string {
  if (fs.existsSync(STD_DIR)) return STD_DIR;
  log(`${STD_DIR} is missing: installing ${STD_PACKAGE} with apt-get`);
  const root = process.getuid?.() === 0;
  const run = (args: string[]) => {
    const [cmd, ...rest] = root ? args : ['sudo', ...args];
    const r = spawnSync(cmd as string, rest, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    return r.status === 0;
  };
  run(['apt-get', 'update', '-qq']);
  if (!run(['apt-get', 'install', '-y', '-qq', STD_PACKAGE]) || !fs.existsSync(STD_DIR)) {
    throw new Error(`could not install ${STD_PACKAGE}; install it and run the benchmark again`);
  }
  return STD_DIR;
}
