/**
 * Small fake engines for tests that need a specific answer shape (very long answers, hostile
 * text, a failing engine). End-to-end tests otherwise use the real engine (loadEngine()).
 */
import type { Answer, Citation } from '../../../src/engine/answer.ts';
import type { OrgCard } from '../../../src/engine/orgCard.ts';
import type { AnswerEngine, EngineOverview } from '../../../src/slack/engineContract.ts';

/** A realistic cited citation from the 2017 legal directions article. */
export const DIRECTIONS_CITATION: Citation = {
  document: 'essex-directions-2017',
  title: 'NHS England orders CCGs to join forces in success regime area',
  publisher: 'Health Service Journal',
  published: 'April 2017',
  url: 'https://www.hsj.co.uk/commissioning/nhs-england-orders-ccgs-to-join-forces-in-success-regime-area/7017303.article',
  quote:
    'Legal directions – the national organisation’s most severe form of intervention – have been imposed on Castle Point and Rochford, Southend and Thurrock CCGs.',
};

/** A realistic answered Answer. */
export function directionsAnswer(): Answer {
  const line = 'NHS England imposed legal directions on Castle Point and Rochford, Southend and Thurrock CCGs on 31 March 2017.';
  return {
    answered: true,
    intent: 'interventions-list',
    confidence: 1,
    text: `${line} [1]`,
    statements: [{ text: line, cites: [0] }],
    citations: [DIRECTIONS_CITATION],
    suggestions: [],
  };
}

/** An answer far beyond one message: `statements` statements of ~`length` characters, with `citations` long quotes. */
export function longAnswer(statements = 120, length = 900, citations = 10): Answer {
  const sentence = (i: number) =>
    `Statement ${i + 1}: ${'The joint committee of the five mid and south Essex CCGs took decisions on acute reconfiguration. '.repeat(Math.ceil(length / 96)).slice(0, length)}`;
  const cites: Citation[] = Array.from({ length: citations }, (_, i) => ({
    ...DIRECTIONS_CITATION,
    document: `doc-${i}`,
    title: `${DIRECTIONS_CITATION.title} (part ${i + 1})`,
    quote: `${DIRECTIONS_CITATION.quote} `.repeat(40),
  }));
  const all = Array.from({ length: statements }, (_, i) => ({ text: sentence(i), cites: [i % citations] }));
  return {
    answered: true,
    intent: 'intervention-detail',
    confidence: 0.9,
    text: `${all[0]!.text} [1]`,
    statements: all,
    citations: cites,
    suggestions: [],
  };
}

/** A declined answer with "did you mean" suggestions. */
export function declinedAnswer(suggestions: string[]): Answer {
  return {
    answered: false,
    intent: 'no-match',
    confidence: 0,
    text: "I don't know: nothing in what I hold covers that.",
    statements: [],
    citations: [],
    suggestions,
  };
}

/** A found organisation card (Thurrock CCG). */
export function thurrockCard(query = 'thurrock'): OrgCard {
  return {
    found: true,
    query,
    organisation: {
      code: '07G',
      name: 'NHS Thurrock CCG',
      names: ['NHS Thurrock CCG', 'Thurrock CCG'],
      type: 'ccg',
      region: { code: 'Y61', name: 'East of England' },
      parent: { code: 'QH8', name: 'NHS Mid and South Essex Integrated Care Board', type: 'icb' },
      parents: [{ code: 'E54000026', name: 'Mid and South Essex', type: 'stp', period: '2016 footprint' }],
      opened: '2013-04-01',
      closed: null,
      predecessors: [],
      successors: [],
      finalSuccessors: [],
      members: [],
    },
    status: 'NHS Thurrock CCG (07G) has been under legal directions since 31 March 2017.',
    interventions: [
      {
        id: 'essex-legal-directions-2017',
        type: 'legal-directions',
        title: 'NHS England legal directions',
        date: '31 March 2017',
        status: 'imposed',
        summary: 'Ordered to develop a joint committee and produce a joint commissioning plan.',
      },
    ],
    people: [],
    citations: [DIRECTIONS_CITATION],
  };
}

/** A small overview (what the App Home shows). */
export function fakeOverview(): EngineOverview {
  return {
    documents: [
      {
        id: 'essex-directions-2017',
        title: DIRECTIONS_CITATION.title,
        publisher: 'Health Service Journal',
        published: 'April 2017',
        url: DIRECTIONS_CITATION.url ?? null,
      },
    ],
    organisationCount: 1234,
    asOf: '24 July 2024',
    sourcesAsOf: 'April 2017',
    registerAsOf: '24 July 2024',
    recentInterventions: [{ title: 'NHS England legal directions', date: '31 March 2017', status: 'imposed', organisations: ['NHS Thurrock CCG'] }],
  };
}

/** A fake engine answering every question with `answer(question)` and every lookup with `org(query)`. */
export function fakeEngine(
  parts: Partial<{ ask: (q: string) => Answer; org: (q: string) => OrgCard; overview: () => EngineOverview; datedEntry: AnswerEngine['datedEntry'] }> = {},
): AnswerEngine {
  return {
    ask: parts.ask ?? (() => directionsAnswer()),
    org: parts.org ?? ((q) => thurrockCard(q)),
    overview: parts.overview ?? fakeOverview,
    datedEntry: parts.datedEntry ?? (() => undefined),
  };
}
