/** Errors a person fixes by editing seeds/: they name the file, where in it, what is wrong and what to do. */
export class KnowledgeError extends Error {
  constructor(
    readonly file: string,
    readonly where: string,
    readonly problem: string,
    readonly fix: string,
  ) {
    super(`${file}${where ? ` (${where})` : ''}: ${problem}\n  → ${fix}`);
    this.name = 'KnowledgeError';
  }
}

/** Several knowledge errors reported together, so one validation run shows everything to fix. */
export class KnowledgeErrors extends Error {
  constructor(readonly errors: KnowledgeError[]) {
    super(`The knowledge in seeds/ has ${errors.length} problem${errors.length === 1 ? '' : 's'}:\n\n${errors.map((e) => e.message).join('\n\n')}`);
    this.name = 'KnowledgeErrors';
  }
}
