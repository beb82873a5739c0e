/**
 * Progress of a long run on a terminal: `gomaplint: 120/232 packages, 2,310 files/s` on stderr,
 * rewritten in place and erased when the run ends. Shown only once a run has taken a second,
 * only on a TTY, never in CI, and never when a machine-readable report goes to stdout.
 */
import type { DirectoryJob, DirectoryResult } from '../analyzer/pipeline/lint-directory.js';
import type { RunObserver } from '../analyzer/pipeline/run.js';

export interface ProgressOutput {
  write(s: string): unknown;
}

export interface ProgressDecision {
  readonly stderrIsTTY: boolean;
  readonly env: NodeJS.ProcessEnv;
  /** `--no-progress` gives false. */
  readonly flag: boolean;
  /** Formats written to stdout (not to an `--output` file). */
  readonly stdoutFormats: readonly string[];
}

/** Whether a run should show progress at all. */
export function wantsProgress(d: ProgressDecision): boolean {
  if (!d.flag || !d.stderrIsTTY) return false;
  const ci = d.env.CI;
  if (ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false') return false;
  if (d.env.TERM === 'dumb') return false;
  return d.stdoutFormats.every((f) => f === 'text');
}

const SHOW_AFTER_MS = 1000;
const REDRAW_EVERY_MS = 100;

export class ProgressLine implements RunObserver {
  private total = 0;
  private done_ = 0;
  private files = 0;
  private shown = false;
  private lastDraw = 0;
  private readonly started: number;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly out: ProgressOutput,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.started = now();
  }

  planned(jobs: readonly DirectoryJob[]): void {
    this.total = jobs.length;
    // Redraws also while one big package is being linted (the inline executor yields between
    // packages only, so the timer then fires between packages).
    this.timer = setInterval(() => this.draw(), REDRAW_EVERY_MS * 2);
    this.timer.unref();
  }

  done(result: DirectoryResult): void {
    this.done_++;
    this.files += result.stats.files + result.stats.generated + result.stats.skipped;
    this.draw();
  }

  /** Erases the line (if it was ever drawn) and stops redrawing. */
  finish(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    if (this.shown) this.out.write('\r\x1b[K');
    this.shown = false;
  }

  /** The text of the line, e.g. `gomaplint: 120/232 packages, 2,310 files/s`. */
  line(): string {
    const seconds = Math.max((this.now() - this.started) / 1000, 0.001);
    const rate = Math.round(this.files / seconds).toLocaleString('en-US');
    return `gomaplint: ${this.done_}/${this.total} packages, ${rate} files/s`;
  }

  private draw(): void {
    const t = this.now();
    if (t - this.started < SHOW_AFTER_MS) return;
    if (this.shown && t - this.lastDraw < REDRAW_EVERY_MS) return;
    this.lastDraw = t;
    this.shown = true;
    this.out.write(`\r${this.line()}\x1b[K`);
  }
}
