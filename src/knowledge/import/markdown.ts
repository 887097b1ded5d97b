/** Markdown to the plain lines the passage splitter reads: headings without their #, tables as tab-separated rows. */
import type { Extracted } from './html.ts';

const TABLE_RULE = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;

/** Converts Markdown; the first "# " heading is the title. Emphasis marks and links keep only their words. */
export function markdownToText(md: string): Extracted {
  let title: string | undefined;
  const out: string[] = [];
  for (const raw of md.replace(/\r\n?/g, '\n').split('\n')) {
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(raw);
    if (heading) {
      title ??= /^#\s/.test(raw) ? inline(heading[1]) : undefined;
      out.push(inline(heading[1]));
    } else if (TABLE_RULE.test(raw) && raw.includes('-')) {
      continue;
    } else if (/^\s*\|.*\|\s*$/.test(raw)) {
      out.push(
        raw
          .trim()
          .replace(/^\|/, '')
          .replace(/\|$/, '')
          .split('|')
          .map((c) => inline(c.trim()))
          .join('\t'),
      );
    } else {
      out.push(inline(raw.replace(/^(\s*)[*+]\s+/, '$1- ')));
    }
  }
  return {
    text: `${out
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim()}\n`,
    title,
  };
}

const inline = (s: string) =>
  s
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|\W)[*_](\S.*?)[*_](?=\W|$)/g, '$1$2');
