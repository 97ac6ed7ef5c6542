/**
 * Login backoff per username + ip, in memory: after `freeAttempts` failures each further
 * failure doubles the wait (1 s, 2 s, 4 s … up to `maxDelayMs`). A success clears the key.
 * In memory is enough for one process; several processes each keep their own count.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, { count: number; until: number; last: number }>();

  constructor(
    private readonly freeAttempts = 5,
    private readonly maxDelayMs = 15 * 60_000,
    private readonly maxKeys = 10_000,
  ) {}

  /** Milliseconds the caller must wait before trying again; 0 = may try now. */
  retryAfter(key: string, now = Date.now()): number {
    const f = this.failures.get(key);
    return f && f.until > now ? f.until - now : 0;
  }

  fail(key: string, now = Date.now()): void {
    const f = this.failures.get(key) ?? { count: 0, until: 0, last: now };
    f.count += 1;
    f.last = now;
    const over = f.count - this.freeAttempts;
    f.until = over > 0 ? now + Math.min(1000 * 2 ** (over - 1), this.maxDelayMs) : 0;
    this.failures.set(key, f);
    if (this.failures.size > this.maxKeys) this.prune(now);
  }

  succeed(key: string): void {
    this.failures.delete(key);
  }

  /** Forgets keys idle for longer than the longest delay, so the map cannot grow without end. */
  private prune(now: number): void {
    for (const [k, f] of this.failures) if (now - f.last > this.maxDelayMs) this.failures.delete(k);
  }
}
