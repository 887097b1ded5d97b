/**
 * Work the app has accepted and not finished (an event acked, its answer not yet posted), counted so
 * a replica told to stop (SIGTERM) can finish every reply in flight before it exits.
 */
export class InFlight {
  private count = 0;
  private waiters: (() => void)[] = [];

  /** Runs `work`, counting it as in flight until it settles. */
  async track<T>(work: () => Promise<T>): Promise<T> {
    this.count++;
    try {
      return await work();
    } finally {
      this.count--;
      if (this.count === 0) for (const wake of this.waiters.splice(0)) wake();
    }
  }

  /** How much is in flight now. */
  get size(): number {
    return this.count;
  }

  /** Resolves once nothing is in flight. */
  idle(): Promise<void> {
    return this.count === 0 ? Promise.resolve() : new Promise((resolve) => this.waiters.push(resolve));
  }
}
