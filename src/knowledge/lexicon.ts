/**
 * The domain lexicon (seeds/lexicon.yml): how people say things in NHS commissioning and what the bot reads
 * them as. Data, validated at load like the facts, so adding a synonym never means changing code.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML, { LineCounter } from 'yaml';
import { z } from 'zod';
import { KnowledgeError } from './errors.ts';
import { INTERVENTION_TYPES } from './schemas.ts';

export interface LexiconPhrase {
  /** What people say ("took over from"), as written in the file. */
  says: string;
  /** What the bot reads it as ("successor"); empty for words of address and chat. */
  means: string;
  /** Read so only right before an organisation's name ("went into Black Country CCG", not "went into special measures"). */
  beforeOrganisation?: boolean;
  /** The meaning is what the question asks about ("resemble" for "look a lot like"): an answer must speak to it. */
  topic?: boolean;
}

export interface Lexicon {
  phrases: LexiconPhrase[];
  /** Phrases that name a kind of intervention. */
  interventionTypes: { says: string; type: (typeof INTERVENTION_TYPES)[number] }[];
  /** Words of opposite sense ("oppose" and "support"), each pair once: "did they oppose it?" answered by "they supported it" is a no. */
  opposites: [string, string][];
  /** Words a document may say for a word of the question ("deficit" for "overspend", "revenue resource limit" for "budget"). */
  kin: string[][];
}

const phrase = z
  .string()
  .trim()
  .min(1, 'a phrase must have words')
  .regex(/[a-z0-9]/i, 'a phrase must have letters or digits');
const LexiconSchema = z.strictObject({
  phrases: z.array(
    z.strictObject({
      means: z.string(),
      before: z.literal('organisation').optional(),
      topic: z.literal(true).optional(),
      says: z.array(phrase).min(1, 'list at least one phrase'),
    }),
  ),
  intervention_types: z.partialRecord(z.enum(INTERVENTION_TYPES), z.array(phrase).min(1, 'list at least one phrase')),
  opposites: z
    .array(z.tuple([z.string().regex(/^[a-z]+$/, 'one lowercase word'), z.string().regex(/^[a-z]+$/, 'one lowercase word')]))
    .refine((pairs) => pairs.every(([a, b]) => a !== b), 'a word is not its own opposite')
    .default([]),
  kin: z
    .array(z.array(z.string().regex(/^[a-z]+( [a-z]+)*$/, 'lowercase words')).min(2, 'a group needs at least two members'))
    .refine((groups) => groups.every((g) => new Set(g).size === g.length), 'a group lists a member once')
    .refine((groups) => groups.every((g) => g.some((w) => !w.includes(' '))), 'a group needs a single word: a question is read by its words')
    .default([]),
});

const FILE = 'lexicon.yml';
const key = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();

/** Reads and checks seeds/lexicon.yml; problems go into `errors`. Returns the raw text too, for the knowledge's hash. */
export function loadLexicon(root: string, errors: KnowledgeError[]): { lexicon: Lexicon; text: string } {
  const empty: Lexicon = { phrases: [], interventionTypes: [], opposites: [], kin: [] };
  const path = join(root, FILE);
  if (!existsSync(path)) {
    errors.push(new KnowledgeError(FILE, '', 'the lexicon file is missing', `copy seeds/${FILE} from the project into ${root}`));
    return { lexicon: empty, text: '' };
  }
  const text = readFileSync(path, 'utf8');
  const lines = new LineCounter();
  const doc = YAML.parseDocument(text, { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length) {
    const pos = lines.linePos(doc.errors[0].pos[0]);
    errors.push(
      new KnowledgeError(
        FILE,
        `line ${pos.line}, column ${pos.col}`,
        `bad YAML: ${doc.errors[0].message.split('\n')[0]}`,
        'fix the YAML syntax there (check indentation and brackets)',
      ),
    );
    return { lexicon: empty, text };
  }
  const lineOf = (path: (string | number)[]) => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
      if (node && typeof node === 'object' && node.range) return `line ${lines.linePos(node.range[0]).line}`;
    }
    return '';
  };
  const parsed = LexiconSchema.safeParse(doc.toJS());
  if (!parsed.success) {
    for (const issue of parsed.error.issues.slice(0, 5)) {
      const field = issue.path.join('.');
      const fix =
        issue.path[0] === 'intervention_types'
          ? `use one of the intervention types: ${INTERVENTION_TYPES.join(', ')}`
          : issue.path[0] === 'opposites'
            ? 'write each pair as [word, opposite], two different single lowercase words'
            : issue.path[0] === 'kin'
              ? 'write each group as [word, word or phrase, …], two or more different lowercase members, one of them a single word'
              : issue.path.at(-1) === 'topic'
                ? 'write `topic: true` for a meaning an answer must speak to, or leave the field out'
                : 'see the comment at the top of seeds/lexicon.yml for the shape of an entry';
      errors.push(new KnowledgeError(FILE, `${lineOf(issue.path as (string | number)[])}, field ${field || '(top level)'}`, issue.message, fix));
    }
    return { lexicon: empty, text };
  }
  const seen = new Map<string, string>();
  const phrases: LexiconPhrase[] = [];
  parsed.data.phrases.forEach((entry, i) => {
    const before = entry.before === 'organisation';
    const topic = entry.topic ? { topic: true } : {};
    entry.says.forEach((says, j) => {
      // A phrase read one way before a name may be read another way elsewhere: only unconditional readings must agree.
      if (before) return void phrases.push({ says, means: entry.means.trim(), beforeOrganisation: true, ...topic });
      const earlier = seen.get(key(says));
      if (earlier !== undefined && earlier !== key(entry.means)) {
        errors.push(
          new KnowledgeError(
            FILE,
            `${lineOf(['phrases', i, 'says', j])}, field phrases.${i}.says`,
            `"${says}" is listed as meaning both "${earlier}" and "${entry.means}"`,
            'keep the phrase under one meaning only',
          ),
        );
      }
      seen.set(key(says), key(entry.means));
      phrases.push({ says, means: entry.means.trim(), ...topic });
    });
  });
  const interventionTypes = Object.entries(parsed.data.intervention_types).flatMap(([type, says]) =>
    (says ?? []).map((s) => ({ says: s, type: type as Lexicon['interventionTypes'][number]['type'] })),
  );
  return { lexicon: { phrases, interventionTypes, opposites: parsed.data.opposites as [string, string][], kin: parsed.data.kin }, text };
}
