/** What the bot knows, summarised for the App Home and help. Declared once: the engine builds it, the Slack contract and the Home tab read it. */

/** A source document as the App Home lists it. */
export interface OverviewDocument {
  id: string;
  title: string;
  publisher: string;
  published: string;
  url: string | null;
}

/** A dated intervention as the App Home lists it. */
export interface OverviewIntervention {
  title: string;
  date: string;
  status: string;
  organisations: string[];
}

/** The documents, the register's size, how recent the knowledge is, and the latest interventions. */
export interface Overview {
  documents: OverviewDocument[];
  organisationCount: number;
  /** The date the knowledge runs to, register included ("24 July 2024"). */
  asOf: string;
  /** The newest document's date ("October 2019"): what present-tense answers are true as of. */
  sourcesAsOf: string;
  /** The newest date in the NHS organisation register ("24 July 2024"), stated apart. */
  registerAsOf: string;
  recentInterventions: OverviewIntervention[];
}
