// Per-client-address limit on failed sign-ins (password or TOTP). Kept in memory: the
// per-account lockout lives in the database and holds across replicas; this one slows a single
// address spraying many accounts, and a replica restart forgiving it is acceptable.

export class IpLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
  ) {}

  /** Seconds until the address may try again, or 0 when it may try now. */
  retryAfter(ip: string, now: Date): number {
    const times = this.prune(ip, now.getTime());
    if (times.length < this.max) return 0;
    return Math.max(1, Math.ceil((times[0]! + this.windowMs - now.getTime()) / 1000));
  }

  fail(ip: string, now: Date): void {
    const times = this.prune(ip, now.getTime());
    times.push(now.getTime());
    this.failures.set(ip, times);
    if (this.failures.size > 100_000) this.sweep(now.getTime());
  }

  private prune(ip: string, now: number): number[] {
    const times = (this.failures.get(ip) ?? []).filter((t) => t > now - this.windowMs);
    if (times.length === 0) this.failures.delete(ip);
    else this.failures.set(ip, times);
    return times;
  }

  private sweep(now: number): void {
    for (const ip of [...this.failures.keys()]) this.prune(ip, now);
  }
}
