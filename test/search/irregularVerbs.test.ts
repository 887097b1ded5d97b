/** The other forms of irregular verbs, as the passage index stems them: "lead" in a question meets "led" in a document. */
import { describe, expect, it } from 'vitest';
import { otherForms } from '../../src/search/irregularVerbs.ts';
import { contentTerms, stem } from '../../src/search/text.ts';

describe('irregular verbs', () => {
  it('give the stems of a verb’s other forms, both ways', () => {
    expect(otherForms(stem('lead'))).toEqual([stem('led')]);
    expect(otherForms(stem('came'))).toEqual([stem('come')]);
    expect(otherForms(stem('take'))).toEqual(expect.arrayContaining([stem('took'), stem('taken')]));
    // The forms are as a document's text is indexed.
    expect(contentTerms('Clinical support – led by Jon Findlay')).toContain(otherForms(stem('lead'))[0]);
  });

  it('give nothing for a regular verb or a noun', () => {
    expect(otherForms(stem('merge'))).toEqual([]);
    expect(otherForms(stem('hospital'))).toEqual([]);
  });
});
