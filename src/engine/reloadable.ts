/**
 * The engine the app serves, swapped whole on reload: a new Knowledge snapshot is loaded and validated
 * beside the old one and replaces it in one assignment; a reload that fails leaves the old one serving.
 */
import type { Answer } from './answer.ts';
import type { AskOptions, Engine, Overview } from './engine.ts';
import type { OrgCard } from './orgCard.ts';
import type { DigestEntry } from '../digest/types.ts';

export class ReloadableEngine {
  constructor(
    private current: Engine,
    private readonly load: () => Promise<Engine>,
  ) {}

  get engine(): Engine {
    return this.current;
  }

  ask(question: string, options?: AskOptions): Answer {
    return this.current.ask(question, options);
  }

  org(query: string): OrgCard {
    return this.current.org(query);
  }

  overview(): Overview {
    return this.current.overview();
  }

  datedEntry(id: string): DigestEntry | undefined {
    return this.current.datedEntry(id);
  }

  /** Loads the knowledge again; returns the new snapshot id, or throws (and keeps serving the old one). */
  async reload(): Promise<string> {
    const next = await this.load();
    next.onUnanswered = this.current.onUnanswered;
    this.current = next;
    return next.knowledge.id;
  }
}
