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
  asOf: string;
  recentInterventions: OverviewIntervention[];
}
