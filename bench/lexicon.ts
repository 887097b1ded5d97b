/** Commissioning vocabulary the synthetic corpus and the benchmark questions are made of. */

/** Programme workstreams and services that board papers report on. */
export const WORKSTREAMS = [
  'urgent and emergency care', 'primary care', 'mental health', 'planned care', 'workforce', 'digital', 'estates',
  'continuing healthcare', 'maternity', 'children and young people', 'cancer', 'learning disabilities and autism',
  'community services', 'medicines optimisation', 'prevention', 'end of life care', 'stroke services', 'diabetes',
  'musculoskeletal services', 'integrated discharge', 'frailty', 'population health management', 'elective recovery',
  'referral management', 'outpatient transformation', 'care homes', 'respiratory', 'cardiology', 'ophthalmology', 'dermatology',
] as const;

/** NHS England interventions, with the phrase a paper uses for each. */
export const INTERVENTIONS = [
  { type: 'legal-directions', phrase: 'legal directions' },
  { type: 'financial-special-measures', phrase: 'financial special measures' },
  { type: 'joint-committee', phrase: 'a joint committee' },
  { type: 'planned-merger', phrase: 'a planned merger' },
  { type: 'required-plan', phrase: 'a financial recovery plan' },
  { type: 'capped-expenditure', phrase: 'the capped expenditure process' },
  { type: 'joint-leadership', phrase: 'joint leadership arrangements' },
  { type: 'governance-review', phrase: 'an independent governance review' },
  { type: 'turnaround', phrase: 'a turnaround programme' },
  { type: 'accountable-officer-change', phrase: 'an interim accountable officer' },
] as const;

/** Lines of a CCG's finance report. */
export const FINANCE_TERMS = [
  'deficit', 'surplus', 'underspend', 'overspend', 'QIPP savings', 'cost improvement programme', 'control total',
  'running cost allowance', 'sustainability and transformation fund', 'risk reserve', 'contingency', 'allocation growth',
  'prescribing budget', 'acute contract', 'block contract', 'payment by results activity', 'better care fund',
] as const;

/** Constitutional standards and operational measures. */
export const PERFORMANCE_MEASURES = [
  'four-hour A&E standard', '18-week referral to treatment target', 'two-week wait for suspected cancer', '62-day cancer standard',
  'diagnostic six-week wait', 'IAPT access rate', 'dementia diagnosis rate', 'delayed transfers of care', 'ambulance handover times',
  'category 2 response time', 'out-of-area placements', 'bed occupancy', 'stranded patients', 'length of stay',
] as const;

/** Committees and boards that receive papers. */
export const GOVERNANCE_BODIES = [
  'governing body', 'finance and performance committee', 'audit committee', 'quality committee', 'primary care commissioning committee',
  'joint committee', 'system leadership board', 'partnership board', 'clinical executive', 'health and wellbeing board',
  'remuneration committee', 'programme board', 'turnaround board', 'oversight group',
] as const;

/** Job titles of commissioning leaders. */
export const ROLES = [
  'accountable officer', 'chief finance officer', 'chair', 'director of commissioning', 'director of nursing and quality',
  'clinical lead', 'programme director', 'senior responsible officer', 'head of contracting', 'director of transformation',
  'medical director', 'turnaround director', 'lay member for governance', 'director of primary care', 'chief operating officer',
] as const;

/** First names for the made-up people. */
export const FIRST_NAMES = [
  'Aisha', 'Alan', 'Amanda', 'Andrew', 'Angela', 'Anil', 'Bernadette', 'Brian', 'Catherine', 'Charles', 'Claire', 'Colin',
  'Deborah', 'Declan', 'Eleanor', 'Emeka', 'Fiona', 'Gareth', 'Gillian', 'Graham', 'Hannah', 'Harjit', 'Helen', 'Ian',
  'Imran', 'Jacqueline', 'James', 'Janet', 'Joanne', 'Jonathan', 'Karen', 'Kevin', 'Lakshmi', 'Laura', 'Lesley', 'Malcolm',
  'Margaret', 'Mark', 'Martin', 'Michelle', 'Nadia', 'Neil', 'Nicola', 'Oluwaseun', 'Patricia', 'Paul', 'Priya', 'Rachel',
  'Rajesh', 'Rebecca', 'Richard', 'Rosalind', 'Sarah', 'Sean', 'Sharon', 'Simon', 'Siobhan', 'Stephen', 'Tariq', 'Teresa',
  'Thomas', 'Tracey', 'Victoria', 'Wendy', 'Yusuf', 'Zoe',
] as const;

/** Surnames for the made-up people. */
export const SURNAMES = [
  'Abbott', 'Achebe', 'Ahmed', 'Ainsworth', 'Bamford', 'Banerjee', 'Barraclough', 'Beckett', 'Blackwood', 'Bramley', 'Brennan',
  'Carmichael', 'Chaudhry', 'Cholmondeley', 'Cartwright', 'Dalgleish', 'Devlin', 'Donnelly', 'Dunmore', 'Eastwood', 'Ellison',
  'Fairbairn', 'Farrow', 'Fitzgerald', 'Gallagher', 'Greenhalgh', 'Gupta', 'Halliwell', 'Hargreaves', 'Hesketh', 'Holroyd',
  'Iqbal', 'Jardine', 'Kaur', 'Kettering', 'Lindqvist', 'Llewellyn', 'McAllister', 'Macready', 'Mensah', 'Merriweather',
  'Nakamura', 'Northcote', 'Okafor', 'Ormerod', 'Pemberton', 'Penhaligon', 'Quarshie', 'Rathbone', 'Ridley', 'Rosenthal',
  'Sandhu', 'Satterthwaite', 'Sheldrake', 'Sowerby', 'Tennant', 'Thistlethwaite', 'Umerah', 'Vasquez', 'Wainwright',
  'Whitfield', 'Winstanley', 'Yardley', 'Zielinski',
] as const;

/** Publishers of letters and briefings. */
export const PUBLISHERS = ['Health Service Journal', 'NHS England', 'NHS Improvement', 'Local Government Chronicle', 'The King\'s Fund', 'Nuffield Trust'] as const;

/** Month names, as dates are written in the papers. */
export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

/** Questions the bot should decline: nothing about commissioning. */
export const OUT_OF_SCOPE = [
  'What is the weather in Leeds tomorrow?', 'Who won the Premier League last season?', 'How do I reset my laptop password?',
  'Recommend a good pizza place near King\'s Cross', 'What time does the Tesco in Basildon close?', 'Translate hello into French',
  'How tall is the Eiffel Tower?', 'Write me a poem about autumn', 'What is the capital of Australia?', 'Best budget smartphone in 2019?',
  'How many goals did Harry Kane score?', 'When is the next bank holiday?', 'How do I cook a risotto?', 'Is it going to snow in Glasgow?',
] as const;
