/**
 * Progress of a long CLI run on standard error: a redrawn bar on a terminal,
 * plain periodic lines otherwise (logs, CI), so that standard output stays
 * for results a script may read.
 */
const REDRAW_MS = 200;
const LINE_MS = 2_000;

export class Progress {
  private readonly started = performance.now();
  // From the start, so that a quick run prints only its final figures.
  private last = performance.now();
  private readonly tty = process.stderr.isTTY === true;

  constructor(
    private readonly label: string,
    private readonly totalBytes: number,
  ) {}

  update(rows: number, bytes: number): void {
    const now = performance.now();
    if (now - this.last < (this.tty ? REDRAW_MS : LINE_MS)) return;
    this.last = now;
    this.write(rows, bytes);
  }

  done(rows: number): void {
    this.write(rows, this.totalBytes);
    if (this.tty) process.stderr.write('\n');
  }

  private write(rows: number, bytes: number): void {
    const fraction = this.totalBytes > 0 ? Math.min(1, bytes / this.totalBytes) : 1;
    const seconds = (performance.now() - this.started) / 1000;
    const rate = seconds > 0 ? Math.round(rows / seconds) : 0;
    const figures = `${(fraction * 100).toFixed(0).padStart(3)}%  ${rows.toLocaleString('en')} rows  ${rate.toLocaleString('en')} rows/s`;
    if (this.tty) {
      const width = 30;
      const filled = Math.round(fraction * width);
      const bar = '#'.repeat(filled) + '-'.repeat(width - filled);
      process.stderr.write(`\r${this.label} [${bar}] ${figures}\u001b[K`);
    } else {
      process.stderr.write(`${this.label}: ${figures}\n`);
    }
  }
}
