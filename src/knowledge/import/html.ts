/**
 * HTML to plain text: the page's main content (Readability on a linkedom document, so boilerplate such as
 * navigation, adverts and footers is left out), written as the lines the passage splitter reads.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

export interface Extracted {
  text: string;
  title?: string;
  publisher?: string;
  published?: string;
  url?: string;
}

/** The DOM calls this module makes; linkedom's nodes provide them (the project does not compile against lib.dom). */
interface Node {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<Node>;
  getAttribute?(name: string): string | null;
  querySelector?(selector: string): Node | null;
  querySelectorAll?(selector: string): ArrayLike<Node>;
}

const meta = (doc: Node, ...selectors: string[]): string | undefined => {
  for (const s of selectors) {
    const v = doc.querySelector?.(s)?.getAttribute?.('content') ?? doc.querySelector?.(s)?.getAttribute?.('href');
    if (v?.trim()) return v.trim();
  }
  return undefined;
};

const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

/** Extracts the main text of an HTML page and what its head says about it (title, site, date, canonical URL). */
export function htmlToText(html: string): Extracted {
  const { document } = parseHTML(html);
  const head = document as unknown as Node;
  const found = {
    publisher: meta(head, 'meta[property="og:site_name"]', 'meta[name="publisher"]', 'meta[name="author"]', 'meta[name="DC.publisher"]'),
    published:
      meta(
        head,
        'meta[property="article:published_time"]',
        'meta[name="date"]',
        'meta[name="DC.date"]',
        'meta[name="dcterms.created"]',
        'meta[itemprop="datePublished"]',
      ) ??
      (clean(head.querySelector?.('time[datetime]')?.getAttribute?.('datetime')) || undefined),
    url: meta(head, 'link[rel="canonical"]', 'meta[property="og:url"]'),
  };
  const ogTitle = meta(head, 'meta[property="og:title"]');
  const article = new Readability(document as never, { keepClasses: false }).parse();
  const content = article?.content ? (parseHTML(`<html><body>${article.content}</body></html>`).document as unknown as Node) : head;
  const body = (content as Node).querySelector?.('body') ?? content;
  const blocks: string[] = [];
  walk(body, blocks);
  return {
    text: `${blocks.join('\n\n')}\n`,
    title: ogTitle ?? (clean(article?.title) || undefined),
    publisher: found.publisher ?? (clean(article?.siteName) || undefined),
    published: found.published || clean(article?.publishedTime) || undefined,
    url: found.url,
  };
}

const BLOCKS = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'UL', 'OL', 'TABLE', 'BLOCKQUOTE', 'PRE']);

/** Walks the content: headings and paragraphs as lines of their own, lists as "- item" lines, tables as tab-separated rows. */
function walk(node: Node, out: string[]): void {
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType !== 1) {
      continue;
    }
    const name = child.nodeName.toUpperCase();
    if (name === 'UL' || name === 'OL') {
      const items = Array.from(child.childNodes)
        .filter((c) => c.nodeName.toUpperCase() === 'LI')
        .map((li) => `- ${clean(li.textContent)}`)
        .filter((l) => l !== '- ');
      if (items.length) out.push(items.join('\n'));
    } else if (name === 'TABLE') {
      const rows = Array.from(child.querySelectorAll?.('tr') ?? [])
        .map((tr) =>
          Array.from(tr.childNodes)
            .filter((c) => /^(TD|TH)$/i.test(c.nodeName))
            .map((c) => clean(c.textContent))
            .join('\t'),
        )
        .filter((r) => r.replace(/\t/g, '').trim());
      if (rows.length) out.push(rows.join('\n'));
    } else if (BLOCKS.has(name)) {
      const text = clean(child.textContent);
      if (text) out.push(text);
    } else if (hasBlocks(child)) {
      walk(child, out);
    } else {
      const text = clean(child.textContent);
      if (text) out.push(text);
    }
  }
}

function hasBlocks(node: Node): boolean {
  return Array.from(node.childNodes).some((c) => c.nodeType === 1 && (BLOCKS.has(c.nodeName.toUpperCase()) || hasBlocks(c)));
}
