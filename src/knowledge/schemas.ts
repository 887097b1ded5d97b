/**
 * zod schemas for everything under seeds/: document front matter and the curated fact files.
 * The shapes are documented for editors in seeds/facts/README.md; keep the two in step.
 */
import { z } from 'zod';

/** A date as written in the facts: 2017-03-31, 2017-03, 2017, a financial year 2016-17, or vague. */
export const dateInput = z.union([z.string().min(4), z.object({ value: z.string().min(4), text: z.string().min(3) }).strict()]);
export type DateInput = z.infer<typeof dateInput>;

export const sourceRef = z
  .object({
    document: z.string().min(1),
    quote: z.string().min(8, 'a quote must be at least 8 characters: copy the passage the fact rests on'),
  })
  .strict();
export type SourceRef = z.infer<typeof sourceRef>;

const id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'ids are letters, digits, dots, dashes and underscores');

export const documentFrontMatter = z
  .object({
    id,
    title: z.string().min(1),
    publisher: z.string().min(1),
    kind: z.string().min(1),
    url: z.string().url().nullable(),
    published: z.string().min(4),
    date_precision: z.enum(['day', 'month', 'year']),
    date_inferred: z.boolean(),
    date_basis: z.string().optional(),
    source_file: z.string().optional(),
    sha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .optional(),
  })
  .strict();
export type DocumentFrontMatter = z.infer<typeof documentFrontMatter>;

export const ORGANISATION_TYPES = [
  'ccg',
  'stp',
  'icb',
  'region',
  'trust',
  'provider',
  'national-body',
  'regulator',
  'local-authority',
  'healthwatch',
  'think-tank',
  'publisher',
  'other',
] as const;

export const organisationFact = z
  .object({
    /** The ODS code when the organisation is in the register, otherwise a slug such as nhs-england. */
    id,
    name: z.string().min(1).optional(),
    type: z.enum(ORGANISATION_TYPES).optional(),
    aliases: z.array(z.string().min(2)).default([]),
    description: z.string().optional(),
    sources: z.array(sourceRef).min(1),
  })
  .strict();

export const roleFact = z
  .object({
    title: z.string().min(1),
    organisation: z.string().optional(),
    programme: z.string().optional(),
    date: dateInput.optional(),
    current_as_of: dateInput.optional(),
    source: sourceRef,
  })
  .strict();

export const personFact = z
  .object({
    id,
    name: z.string().min(1),
    aliases: z.array(z.string()).default([]),
    roles: z.array(roleFact).min(1),
  })
  .strict();

export const INTERVENTION_TYPES = [
  'legal-directions',
  'financial-special-measures',
  'single-commissioning-leadership',
  'joint-committee',
  'joint-commissioning-plan',
  'required-plan',
  'accountable-officer-change',
  'planned-merger',
  'joint-leadership',
  'governance-review',
  'organisational-review',
  'success-regime',
  'other',
] as const;
export const INTERVENTION_STATUSES = [
  'announced',
  'imposed',
  'in-force',
  'planned',
  'under-discussion',
  'completed',
  'did-not-happen',
  'lifted',
  'unknown',
] as const;

const statedPoint = z.object({ text: z.string().min(3), source: sourceRef }).strict();

export const interventionFact = z
  .object({
    id,
    type: z.enum(INTERVENTION_TYPES),
    title: z.string().min(3),
    organisations: z.array(z.string()).min(1),
    programme: z.string().optional(),
    by: z.string().optional(),
    date: dateInput,
    due: dateInput.optional(),
    status: z.enum(INTERVENTION_STATUSES),
    summary: z.string().min(3),
    required: z.array(statedPoint).default([]),
    why: z.array(statedPoint).default([]),
    source: sourceRef,
    /** What happened in the end, where a later source or the register disagrees with the plan. */
    outcome: z
      .object({
        status: z.enum(INTERVENTION_STATUSES),
        text: z.string().min(3),
        register: z.array(z.string()).default([]),
        source: sourceRef.optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

export const PROGRAMME_KINDS = ['success-regime', 'stp', 'ics', 'group', 'programme', 'workstream', 'objective', 'national-programme', 'policy'] as const;

export const programmeFact = z
  .object({
    id,
    name: z.string().min(2),
    kind: z.enum(PROGRAMME_KINDS),
    aliases: z.array(z.string()).default([]),
    parent: z.string().optional(),
    description: z.string().min(3),
    members: z.array(z.object({ organisation: z.string(), role: z.string().optional(), source: sourceRef }).strict()).default([]),
    leads: z.array(z.object({ person: z.string(), role: z.string().min(2), source: sourceRef }).strict()).default([]),
    source: sourceRef,
  })
  .strict();

export const EVENT_KINDS = ['milestone', 'plan', 'meeting', 'publication', 'intervention', 'merger', 'appointment', 'statement'] as const;

export const eventFact = z
  .object({
    id,
    date: dateInput,
    kind: z.enum(EVENT_KINDS),
    summary: z.string().min(3),
    organisations: z.array(z.string()).default([]),
    programmes: z.array(z.string()).default([]),
    people: z.array(z.string()).default([]),
    source: sourceRef,
  })
  .strict();

export const figureFact = z
  .object({
    id,
    label: z.string().min(3),
    value: z.number(),
    unit: z.string().min(1),
    /** How the source hedges the number: "over" 300, "around" £850m, "two to" 3 years. */
    qualifier: z.string().min(2).optional(),
    period: dateInput.optional(),
    organisations: z.array(z.string()).default([]),
    aliases: z.array(z.string()).default([]),
    source: sourceRef,
  })
  .strict();

export const glossaryFact = z
  .object({
    id,
    term: z.string().min(2),
    aliases: z.array(z.string()).default([]),
    definition: z.string().min(3),
    source: sourceRef,
  })
  .strict();

/** Each facts file name maps to the schema of its entries. */
export const FACT_FILES = {
  'organisations.yml': organisationFact,
  'people.yml': personFact,
  'interventions.yml': interventionFact,
  'programmes.yml': programmeFact,
  'events.yml': eventFact,
  'figures.yml': figureFact,
  'glossary.yml': glossaryFact,
} as const;
export type FactFile = keyof typeof FACT_FILES;

export type OrganisationFact = z.infer<typeof organisationFact>;
export type PersonFact = z.infer<typeof personFact>;
export type RoleFact = z.infer<typeof roleFact>;
export type InterventionFact = z.infer<typeof interventionFact>;
export type ProgrammeFact = z.infer<typeof programmeFact>;
export type EventFact = z.infer<typeof eventFact>;
export type FigureFact = z.infer<typeof figureFact>;
export type GlossaryFact = z.infer<typeof glossaryFact>;
