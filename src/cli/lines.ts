/**
 * Standard input for `ask` and `org`, one question (or name) a line: split on \n only, so a stray \r,
 * form feed or other control character inside a line can never split it and shift every later answer
 * onto the wrong question. Other control characters (C0, DEL, C1, and the Unicode line and paragraph
 * separators) become spaces, except the \r of a CRLF line ending, which is dropped; bytes that are not
 * UTF-8 become U+FFFD.
 */

const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/g;

/** A line with its control characters turned into spaces (the \r of a CRLF line ending dropped). */
export function cleanLine(line: string): string {
  return (line.endsWith('\r') ? line.slice(0, -1) : line).replace(CONTROL, ' ');
}

/** The lines of a whole text: one per \n, plus a last one when the text does not end with \n. */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const parts = text.split('\n');
  if (parts.at(-1) === '') parts.pop();
  return parts.map(cleanLine);
}

/** The lines of a stream, as they arrive (so answers stream too). */
export async function* inputLines(input: AsyncIterable<string | Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  let pending = '';
  for await (const chunk of input) {
    pending += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    const parts = pending.split('\n');
    pending = parts.pop()!;
    for (const p of parts) yield cleanLine(p);
  }
  pending += decoder.decode();
  if (pending !== '') yield cleanLine(pending);
}
