/** A bounded set of recently seen ids (least recently seen evicted first), for de-duplicating event retries. */
export class RecentIds {
  private readonly seen = new Map<string, true>();

  constructor(private readonly capacity = 1000) {}

  /** Records `id`; returns true when it was already there (a duplicate). */
  checkAndAdd(id: string): boolean {
    if (this.seen.has(id)) {
      this.seen.delete(id);
      this.seen.set(id, true);
      return true;
    }
    this.seen.set(id, true);
    if (this.seen.size > this.capacity) {
      const oldest = this.seen.keys().next().value;
      if (oldest !== undefined) this.seen.delete(oldest);
    }
    return false;
  }

  /** How many ids are remembered. */
  get size(): number {
    return this.seen.size;
  }
}
