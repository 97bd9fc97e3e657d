/**
 * Failed logins per source address over the last minute, in this server's memory. Bounded: an
 * address keeps at most `limit` times (more cannot change the answer), addresses whose failures
 * are all older than the window are dropped as they are met and by a sweep once a window, and at
 * most `maxAddresses` are held (the least recently failed go first), so a scan from many
 * addresses over days cannot grow the server's memory. The per-user count in the database still
 * locks an account whatever this forgets.
 */
export interface AddressFailureOptions {
  /** Failures within the window that refuse the next attempt. */
  limit: number;
  windowMs: number;
  maxAddresses: number;
}

export class AddressFailures {
  private readonly times = new Map<string, number[]>();
  private lastSweep = 0;

  constructor(private readonly options: AddressFailureOptions) {}

  /** Whether `address` has had `limit` failures within the window before `now` (ms). */
  tooMany(address: string, now: number): boolean {
    this.sweep(now);
    const recent = this.recent(address, now);
    if (recent.length === 0) this.times.delete(address);
    return recent.length >= this.options.limit;
  }

  note(address: string, now: number): void {
    this.sweep(now);
    const recent = this.recent(address, now);
    recent.push(now);
    if (recent.length > this.options.limit) recent.splice(0, recent.length - this.options.limit);
    // Re-inserted: the map's order is then least recently failed first, which the cap drops.
    this.times.delete(address);
    this.times.set(address, recent);
    while (this.times.size > this.options.maxAddresses) {
      const oldest = this.times.keys().next().value;
      if (oldest === undefined) break;
      this.times.delete(oldest);
    }
  }

  /** Addresses held (for tests and the soak check). */
  get size(): number {
    return this.times.size;
  }

  private recent(address: string, now: number): number[] {
    return (this.times.get(address) ?? []).filter((t) => now - t < this.options.windowMs);
  }

  /** Once a window: drop every address whose failures have all left it. */
  private sweep(now: number): void {
    if (now - this.lastSweep < this.options.windowMs) return;
    this.lastSweep = now;
    for (const [address, times] of this.times) {
      if (times.every((t) => now - t >= this.options.windowMs)) this.times.delete(address);
    }
  }
}
