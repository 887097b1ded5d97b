/**
 * Document titles, publishers and kinds indexed once by term, so a question naming a document ("what does the
 * Commissioner newsletter say…") finds it with a lookup per word instead of a scan of every title.
 */
import type { SourceDocument } from '../knowledge/documents.ts';
import { contentTerms } from './text.ts';

export class TitleIndex {
  /** Term → the documents (positions, ascending) whose title, publisher or kind holds it. */
  private readonly byTerm = new Map<string, number[]>();
  private readonly ids: string[] = [];

  constructor(documents: Iterable<SourceDocument>) {
    for (const d of documents) {
      const position = this.ids.push(d.id) - 1;
      // Its kind too: "the briefing", "the news article" pick a document as its title does.
      for (const term of new Set(contentTerms(`${d.title} ${d.publisher} ${d.kind}`))) {
        const list = this.byTerm.get(term);
        if (list) list.push(position);
        else this.byTerm.set(term, [position]);
      }
    }
  }

  /** How many documents' titles, publishers or kinds hold the term. */
  count(term: string): number {
    return this.byTerm.get(term)?.length ?? 0;
  }

  /**
   * The first `limit` documents (in document order) whose title, publisher or kind holds some of the terms,
   * each with the terms it holds, counting only terms that pick out at most `selective` documents.
   */
  documentsWith(terms: string[], selective = 3, limit = 3): { id: string; terms: string[] }[] {
    const telling = terms.filter((t) => this.count(t) > 0 && this.count(t) <= selective);
    const positions = [...new Set(telling.flatMap((t) => this.byTerm.get(t)!))].sort((a, b) => a - b).slice(0, limit);
    return positions.map((p) => ({ id: this.ids[p], terms: telling.filter((t) => this.byTerm.get(t)!.includes(p)) }));
  }
}
