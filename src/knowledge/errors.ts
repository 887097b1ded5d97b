/** Errors a person fixes by editing seeds/: they name the file, where in it, what is wrong and what to do. */
export class KnowledgeError extends Error {
  /**
   * Set when this error only follows from another (a quote citing a document that did not load, a code
   * from a register file that was refused): the file whose failure caused it. Such errors are counted,
   * not listed, so the root cause is what a person reads first.
   */
  followsFrom?: string;

  constructor(
    readonly file: string,
    readonly where: string,
    readonly problem: string,
    readonly fix: string,
  ) {
    super(`${file}${where ? ` (${where})` : ''}: ${problem}\n  → ${fix}`);
    this.name = 'KnowledgeError';
  }

  /** Marks the error as a knock-on of `file`'s failure; returns it. */
  following(file: string): this {
    this.followsFrom = file;
    return this;
  }
}

/** Several knowledge errors reported together, so one validation run shows everything to fix; knock-on errors are collapsed into a count. */
export class KnowledgeErrors extends Error {
  /** The problems to fix (root causes and independent problems), in the order found. */
  readonly errors: KnowledgeError[];
  /** Errors that follow from `errors` and go away when those are fixed. */
  readonly knockOns: KnowledgeError[];

  constructor(
    all: KnowledgeError[],
    readonly dir = 'seeds/',
  ) {
    const errors = all.filter((e) => !e.followsFrom);
    const knockOns = all.filter((e) => e.followsFrom);
    const problems = `${errors.length} problem${errors.length === 1 ? '' : 's'}`;
    super(`The knowledge in ${dir} has ${problems}:\n\n${errors.map((e) => e.message).join('\n\n')}${knockOnSummary(knockOns)}`);
    this.name = 'KnowledgeErrors';
    this.errors = errors;
    this.knockOns = knockOns;
  }
}

function knockOnSummary(knockOns: KnowledgeError[]): string {
  if (knockOns.length === 0) return '';
  const bySource = new Map<string, number>();
  for (const e of knockOns) bySource.set(e.followsFrom!, (bySource.get(e.followsFrom!) ?? 0) + 1);
  const parts = [...bySource].map(([file, n]) => `${n} from ${file}`).join(', ');
  return `\n\n…and ${knockOns.length} more error${knockOns.length === 1 ? '' : 's'} that follow${knockOns.length === 1 ? 's' : ''} from the problems above (${parts}): fix those, then run npm run validate again.`;
}
