// Progress on stderr: a redrawn bar on a terminal, otherwise a line every 10 s or 10 %.
export class Progress {
  private readonly t0 = Date.now();
  private lastLine = 0;
  private lastPct = -1;
  private readonly tty: boolean;

  constructor(
    private readonly total: number,
    private readonly label: string,
    private readonly out: NodeJS.WriteStream = process.stderr,
    enabled = true,
  ) {
    this.tty = enabled && Boolean(out.isTTY);
    this.enabled = enabled;
  }

  private readonly enabled: boolean;

  update(done: number, rows: number): void {
    if (!this.enabled) return;
    const elapsed = (Date.now() - this.t0) / 1000;
    const frac = this.total ? Math.min(1, done / this.total) : 1;
    const rate = elapsed > 0 ? rows / elapsed : 0;
    const eta = frac > 0 && frac < 1 ? (elapsed / frac) * (1 - frac) : 0;
    const stats = `${done.toLocaleString('en-US')}/${this.total.toLocaleString('en-US')} ${this.label}  ${Math.round(rate).toLocaleString('en-US')} rows/s  ${fmt(elapsed)}${eta ? `  ETA ${fmt(eta)}` : ''}`;
    if (this.tty) {
      const width = 30;
      const filled = Math.round(frac * width);
      this.out.write(`\r[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${(frac * 100).toFixed(1).padStart(5)}% ${stats}\x1b[K`);
      return;
    }
    const pct = Math.floor(frac * 10);
    if (Date.now() - this.lastLine >= 10_000 || pct > this.lastPct) {
      this.lastLine = Date.now();
      this.lastPct = pct;
      this.out.write(`seed: ${(frac * 100).toFixed(0)}% ${stats}\n`);
    }
  }

  finish(): void {
    if (this.tty) this.out.write('\n');
  }
}

export function fmt(seconds: number): string {
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const m = Math.floor(seconds / 60);
  const s = Math.round(seconds % 60);
  return m < 60 ? `${m}m${String(s).padStart(2, '0')}s` : `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}
