/**
 * HTML to plain text: the page's main content (Readability on a linkedom document, so boilerplate such as
 * navigation, adverts and footers is left out), written as the lines the passage splitter reads.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { statedDate } from './statedDate.ts';

export interface Extracted {
  text: string;
  title?: string;
  publisher?: string;
  published?: string;
  /** Where the date was read, in a sentence for the document's date_basis. */
  publishedBasis?: string;
  /** The date comes only from the file's own record (when it was made), not from anything the document says. */
  publishedFromFileOnly?: boolean;
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

const DATE_META = [
  'meta[property="article:published_time"]',
  'meta[name="date"]',
  'meta[name="DC.date"]',
  'meta[name="DC.date.issued"]',
  'meta[name="dcterms.created"]',
  'meta[name="dcterms.issued"]',
  'meta[itemprop="datePublished"]',
];

/**
 * Extracts the main text of an HTML page and what its head says about it (title, site, canonical URL), and its date:
 * from the metadata (article:published_time and the like), else a <time datetime> in the page, else the date the
 * page states near its start ("Published 4 April 2013"), read before Readability drops bylines.
 */
export function htmlToText(html: string): Extracted {
  const { document } = parseHTML(html);
  const head = document as unknown as Node;
  const found = {
    publisher: meta(head, 'meta[property="og:site_name"]', 'meta[name="publisher"]', 'meta[name="author"]', 'meta[name="DC.publisher"]'),
    url: meta(head, 'link[rel="canonical"]', 'meta[property="og:url"]'),
  };
  const dated = pageDate(head);
  const ogTitle = meta(head, 'meta[property="og:title"]');
  const article = new Readability(document as never, { keepClasses: false }).parse();
  const content = article?.content ? (parseHTML(`<html><body>${article.content}</body></html>`).document as unknown as Node) : head;
  const body = (content as Node).querySelector?.('body') ?? content;
  const blocks: string[] = [];
  walk(body, blocks);
  const readabilityDate = clean(article?.publishedTime);
  return {
    text: `${blocks.join('\n\n')}\n`,
    title: ogTitle ?? (clean(article?.title) || undefined),
    publisher: found.publisher ?? (clean(article?.siteName) || undefined),
    ...(dated ?? (readabilityDate ? { published: readabilityDate, publishedBasis: "Read from the page's metadata when imported." } : {})),
    url: found.url,
  };
}

/** The page's date and where it was read: a meta tag, a <time datetime>, or the text of the page's main content. */
function pageDate(doc: Node): Pick<Extracted, 'published' | 'publishedBasis'> | undefined {
  for (const s of DATE_META) {
    const v = meta(doc, s);
    if (v) return { published: v, publishedBasis: `Read from the page's metadata (${/"([^"]+)"/.exec(s)?.[1]}) when imported.` };
  }
  const time = doc.querySelector?.('time[pubdate][datetime], time[itemprop="datePublished"][datetime]') ?? doc.querySelector?.('time[datetime]');
  const datetime = clean(time?.getAttribute?.('datetime'));
  if (datetime && /^\d{4}(-\d{2}){0,2}([T ]|$)/.test(datetime))
    return { published: datetime, publishedBasis: `Read from the page's <time datetime="${datetime}"> when imported.` };
  const main = doc.querySelector?.('main, article, [role="main"]') ?? doc.querySelector?.('body');
  if (!main) return undefined;
  const blocks: string[] = [];
  walk(main, blocks);
  const stated = statedDate(blocks.join('\n'));
  return stated ? { published: stated.date, publishedBasis: `Stated in the page: "${stated.quote}".` } : undefined;
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
