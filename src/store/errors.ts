/** A store that cannot be opened, migrated or written; the message says where and what to do. */
export class StoreError extends Error {
  constructor(
    readonly path: string,
    reason: string,
    fix = 'check DATA_DIR',
  ) {
    super(`cannot open the store at ${path}: ${reason} — ${fix}`);
    this.name = 'StoreError';
  }
}
