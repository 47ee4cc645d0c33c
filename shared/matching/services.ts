/*
 * Does an ISO 27001 certificate's scope cover a contracted service?
 *
 * Rules (user documentation). The contracted service is compared with each
 * service the certificate lists and with its scope text:
 *
 * 1. Words are compared after normalisation (case, accents, punctuation),
 *    British/American spelling (centre = center, organisation =
 *    organization) and light stemming (processing = processes = process).
 * 2. Known kinds of service are recognised from the synonym table below
 *    (`serviceConcepts`): "call centre", "contact center", "customer
 *    support", "customer care", "customer service", "inbound voice" … are one
 *    kind of service; "back office", "transaction processing", "data entry"
 *    another; and so on. Words such as "services", "provision", "support",
 *    "management", "process", "customer" or "data" alone say nothing.
 * 3. Covered: every kind of service named in the contracted service is
 *    named by the certificate (in one listed service, across several, or in
 *    the scope text) — qualifiers such as "for retail banking" are not
 *    compared; or, for a service the table does not know, at least 75 % of
 *    its distinctive words (and at least two of them when it has two or
 *    more) appear in one listed service, or the whole wording appears in the
 *    scope text.
 * 4. Uncertain (a person must confirm): only some of its kinds of service
 *    are named; a related but different kind is named (for example "service
 *    desk" against "IT services", or the umbrella "business process
 *    outsourcing" against "collections"); or some distinctive words match
 *    (in the scope text: at least half of them).
 * 5. Not covered: nothing matches, or the certificate names the service only
 *    to exclude it ("… excluding collections", "Debt recovery is out of
 *    scope"). A service both named and excluded is uncertain.
 */
import { distance } from 'fastest-levenshtein';
import { excludeAfterWords, excludeClauseWords, normalizeText, splitClauses } from './normalize';

/** One kind of service and the ways it is written. */
export interface ServiceConcept {
  id: string;
  /** How explanations name it. */
  label: string;
  /** Phrases that name this kind of service (any spelling; they are normalised). */
  phrases: string[];
  /** Different but related kinds: a match on one of them is uncertain, not covered. */
  related?: string[];
}

/** The synonym table: kinds of service and the phrases that name them (data, shown to users). */
export const serviceConcepts: readonly ServiceConcept[] = [
  {
    id: 'contact_center',
    label: 'contact centre',
    phrases: [
      'call centre',
      'call center',
      'contact centre',
      'contact center',
      'customer contact',
      'customer support',
      'customer care',
      'customer service',
      'customer services',
      'customer experience',
      'customer interaction',
      'customer helpline',
      'cx',
      'inbound voice',
      'outbound voice',
      'inbound calls',
      'outbound calls',
      'inbound call handling',
      'voice support',
      'voice process',
      'chat support',
      'email support',
      'omnichannel support',
      'non voice support',
      'helpline',
      'hotline',
      'consumer support',
      'client support',
      'member services',
      'guest services',
    ],
    related: ['service_desk', 'telesales', 'bpo'],
  },
  {
    id: 'back_office',
    label: 'back-office processing',
    phrases: [
      'back office',
      'back office processing',
      'back office operations',
      'transaction processing',
      'transactions processing',
      'data entry',
      'data capture',
      'document processing',
      'forms processing',
      'middle office',
    ],
    related: ['bpo', 'finance_accounting', 'kyc', 'claims'],
  },
  {
    id: 'it_services',
    label: 'IT services',
    phrases: [
      'it services',
      'information technology services',
      'it support',
      'application support',
      'application maintenance',
      'application management',
      'applications management',
      'it infrastructure management',
      'infrastructure management',
      'infrastructure services',
      'managed services',
      'managed it services',
      'it operations',
      'it outsourcing',
      'ito',
      'it managed services',
      'network operations',
      'noc',
      'remote infrastructure management',
    ],
    related: ['software_development', 'service_desk', 'hosting', 'testing', 'security_operations'],
  },
  {
    id: 'service_desk',
    label: 'IT service desk',
    phrases: ['service desk', 'help desk', 'it help desk', 'it service desk', 'technical support', 'tech support', 'end user support', 'desktop support', 'level 1 support', 'l1 support'],
    related: ['it_services', 'contact_center'],
  },
  {
    id: 'software_development',
    label: 'software development',
    phrases: [
      'software development',
      'application development',
      'applications development',
      'app development',
      'software engineering',
      'custom software development',
      'product engineering',
      'web development',
      'mobile application development',
      'development of software',
      'development of applications',
      'software design and development',
    ],
    related: ['it_services', 'testing'],
  },
  {
    id: 'testing',
    label: 'software testing',
    phrases: ['software testing', 'quality assurance testing', 'qa testing', 'testing services', 'test automation', 'application testing'],
    related: ['software_development', 'it_services'],
  },
  {
    id: 'hosting',
    label: 'hosting and data centre operations',
    phrases: ['hosting', 'data centre', 'data center', 'data centre operations', 'colocation', 'cloud hosting', 'cloud infrastructure', 'cloud operations'],
    related: ['it_services'],
  },
  {
    id: 'security_operations',
    label: 'security operations',
    phrases: ['security operations', 'security operations centre', 'soc', 'managed security services', 'mssp', 'security monitoring'],
    related: ['it_services'],
  },
  {
    id: 'collections',
    label: 'collections',
    phrases: [
      'collections',
      'collection services',
      'debt collection',
      'debt collections',
      'debt recovery',
      'recovery services',
      'receivables management',
      'accounts receivable management',
      'arm',
      'dunning',
      'arrears management',
      'delinquency management',
      'early stage collections',
      'late stage collections',
      'card collections',
    ],
    related: ['bpo', 'finance_accounting', 'contact_center', 'card_servicing', 'back_office'],
  },
  // Payment services: the card issuer's and acquirer's operations a BPO takes on.
  {
    id: 'disputes',
    label: 'dispute handling',
    phrases: [
      'dispute handling',
      'disputes handling',
      'dispute management',
      'disputes management',
      'dispute resolution',
      'dispute processing',
      'card disputes',
      'transaction disputes',
      'payment disputes',
      'billing disputes',
      'disputed transactions',
    ],
    related: ['chargebacks', 'card_servicing', 'contact_center', 'back_office', 'bpo'],
  },
  {
    id: 'chargebacks',
    label: 'chargebacks',
    phrases: ['chargebacks', 'chargeback', 'charge backs', 'chargeback processing', 'chargeback handling', 'chargeback management', 'retrieval requests', 'representment', 're presentment'],
    related: ['disputes', 'card_servicing', 'back_office', 'bpo'],
  },
  {
    id: 'card_servicing',
    label: 'card servicing',
    phrases: [
      'card servicing',
      'card services',
      'card operations',
      'card account servicing',
      'card account management',
      'card management',
      'card issuing',
      'card issuance',
      'card activation',
      'card blocking',
      'card replacement',
      'lost and stolen cards',
      'cardholder services',
      'card holder services',
      'credit card servicing',
      'account servicing',
    ],
    related: ['disputes', 'chargebacks', 'collections', 'contact_center', 'back_office', 'bpo'],
  },
  {
    id: 'back_office_finance',
    label: 'back-office finance',
    phrases: [
      'back office finance',
      'finance back office',
      'finance operations',
      'financial operations',
      'finance shared services',
      'payment operations',
      'payments operations',
      'payment processing',
      'payments processing',
      'reconciliation',
      'reconciliations',
      'payment reconciliation',
      'settlement',
      'settlements',
      'treasury operations',
    ],
    related: ['finance_accounting', 'back_office', 'bpo', 'collections'],
  },
  {
    id: 'kyc',
    label: 'KYC / customer onboarding',
    phrases: [
      'kyc',
      'know your customer',
      'know your client',
      'customer onboarding',
      'client onboarding',
      'customer due diligence',
      'cdd',
      'identity verification',
      'account opening',
      'kyb',
      'know your business',
      'merchant onboarding',
      'customer identification',
      'identity and verification',
      'onboarding checks',
    ],
    related: ['aml', 'back_office', 'bpo'],
  },
  {
    id: 'aml',
    label: 'anti-money-laundering screening',
    phrases: ['aml', 'anti money laundering', 'sanctions screening', 'transaction monitoring'],
    related: ['kyc'],
  },
  {
    id: 'finance_accounting',
    label: 'finance and accounting',
    phrases: ['finance and accounting', 'f and a', 'fao', 'accounting services', 'bookkeeping', 'accounts payable', 'accounts receivable', 'general ledger', 'record to report', 'procure to pay', 'order to cash', 'invoice processing'],
    related: ['back_office', 'payroll', 'bpo', 'collections'],
  },
  {
    id: 'payroll',
    label: 'payroll',
    phrases: ['payroll', 'payroll processing', 'payroll services', 'payroll administration'],
    related: ['finance_accounting', 'hr'],
  },
  {
    id: 'hr',
    label: 'HR outsourcing',
    phrases: ['hr outsourcing', 'hro', 'human resources outsourcing', 'human resources services', 'hr services', 'hr administration', 'recruitment process outsourcing', 'rpo', 'recruitment services'],
    related: ['payroll', 'bpo'],
  },
  {
    id: 'content_moderation',
    label: 'content moderation',
    phrases: ['content moderation', 'content review', 'trust and safety', 'community moderation'],
    related: ['bpo'],
  },
  {
    id: 'claims',
    label: 'claims processing',
    phrases: ['claims processing', 'claims administration', 'claims management', 'claims adjudication', 'claims handling', 'insurance claims', 'claims intake', 'first notice of loss', 'fnol'],
    related: ['back_office', 'bpo'],
  },
  {
    id: 'healthcare_rcm',
    label: 'medical billing and coding',
    phrases: ['revenue cycle management', 'rcm', 'medical billing', 'medical coding', 'healthcare billing'],
    related: ['bpo', 'back_office'],
  },
  {
    id: 'telesales',
    label: 'telesales',
    phrases: ['telesales', 'telemarketing', 'outbound sales', 'inside sales', 'lead generation', 'tele sales'],
    related: ['contact_center'],
  },
  {
    id: 'bpo',
    label: 'business process outsourcing (in general)',
    phrases: ['business process outsourcing', 'bpo services', 'bpo operations', 'business process services', 'business process management', 'bpm'],
    related: ['contact_center', 'back_office', 'collections', 'kyc', 'finance_accounting', 'hr', 'content_moderation', 'claims', 'healthcare_rcm', 'telesales', 'disputes', 'chargebacks', 'card_servicing', 'back_office_finance'],
  },
];

// Words written as one or two words.
const compounds: Record<string, string[]> = {
  backoffice: ['back', 'office'],
  helpdesk: ['help', 'desk'],
  servicedesk: ['service', 'desk'],
  callcentre: ['call', 'centre'],
  callcenter: ['call', 'center'],
  datacenter: ['data', 'center'],
  datacentre: ['data', 'centre'],
  customercare: ['customer', 'care'],
  nonvoice: ['non', 'voice'],
};

const spelling: Record<string, string> = {
  centre: 'center',
  centres: 'centers',
  programme: 'program',
  programmes: 'programs',
  catalogue: 'catalog',
  licence: 'license',
  cheque: 'check',
  enrolment: 'enrollment',
  fulfilment: 'fulfillment',
};

/** A light stemmer: enough to make "processing", "processes" and "processed" one word. */
function stem(word: string): string {
  let w = spelling[word] ?? word;
  if (/^\d/.test(w) || w.length <= 3) return w;
  if (w.length > 5) w = w.replace(/isation$/, 'ization').replace(/ise$/, 'ize').replace(/ised$/, 'ized').replace(/ising$/, 'izing');
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (/(sses|xes|ches|shes|zes)$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith('ing') && w.length > 5) w = w.slice(0, -3);
  else if (w.endsWith('ed') && w.length > 4) w = w.slice(0, -2);
  if (/([^aeiousl])\1$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1);
  return w;
}

interface Word {
  raw: string;
  stem: string;
  excluded: boolean;
}

function toWords(text: string): string[] {
  const out: string[] = [];
  const ws = normalizeText(text).split(' ').filter(Boolean);
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i] ?? '';
    if (w === 'e' && ws[i + 1] === 'mail') {
      out.push('email');
      i++;
      continue;
    }
    out.push(...(compounds[w] ?? [w]));
  }
  return out;
}

// Words that do not tell one service from another.
const genericStems = new Set(
  [
    'and', 'or', 'of', 'for', 'the', 'a', 'an', 'to', 'in', 'on', 'at', 'by', 'with', 'from', 'via', 'as', 'its', 'their', 'our', 'all', 'other', 'various',
    'including', 'include', 'related', 'associated', 'provision', 'provide', 'providing', 'delivery', 'deliver', 'service', 'services', 'solution', 'solutions',
    'activity', 'activities', 'function', 'functions', 'support', 'management', 'process', 'processing', 'outsourcing', 'outsourced', 'business', 'customer',
    'customers', 'client', 'clients', 'data', 'operation', 'operations', 'work', 'team', 'teams', 'center', 'centre', 'general', 'end', 'offshore', 'onshore',
    'nearshore', 'global', 'remote', 'based', 'scope', 'isms', 'information', 'security', 'system', 'certificate', 'applicability', 'statement', 'version',
  ].map(stem),
);

interface ConceptHit {
  concept: string;
  raw: string;
  start: number;
  end: number;
  excluded: boolean;
}

interface PhraseEntry {
  concept: string;
  stems: string[];
}

const conceptById = new Map(serviceConcepts.map((c) => [c.id, c]));

function buildPhraseIndex(): Map<string, PhraseEntry[]> {
  const index = new Map<string, PhraseEntry[]>();
  for (const c of serviceConcepts) {
    for (const p of c.phrases) {
      const stems = toWords(p).map(stem);
      const first = stems[0];
      if (!first) continue;
      const list = index.get(first) ?? [];
      list.push({ concept: c.id, stems });
      index.set(first, list);
    }
  }
  for (const list of index.values()) list.sort((x, y) => y.stems.length - x.stems.length);
  return index;
}

const phraseIndex = buildPhraseIndex();


// A comma-separated part starting with one of these ends an exclusion ("excluding collections, and back-office processing").
const exclusionEnds = new Set(['and', 'plus', 'including', 'from', 'at', 'in', 'for', 'which', 'delivered', 'provided', 'located', 'as']);

function findSeq(ws: readonly string[], seq: readonly string[]): number {
  for (let i = 0; i + seq.length <= ws.length; i++) if (seq.every((w, k) => ws[i + k] === w)) return i;
  return -1;
}

interface Analysis {
  text: string;
  words: Word[];
  concepts: ConceptHit[];
  /** Distinctive words outside recognised phrases. */
  content: Word[];
  /** Clauses as written, to quote. */
  clauses: { raw: string; from: number; to: number }[];
}

/** Reads a service description or scope text: words, kinds of service, exclusions. */
function analyze(text: string): Analysis {
  const words: Word[] = [];
  const clauses: Analysis['clauses'] = [];
  for (const raw of splitClauses(text)) {
    const ws: string[] = [];
    const excluded: boolean[] = [];
    const wholeClause = excludeClauseWords.some((seq) => findSeq(toWords(raw), seq) >= 0);
    let excluding = false;
    for (const segment of raw.split(',')) {
      const sw = toWords(segment);
      if (excluding && exclusionEnds.has(sw[0] ?? '')) excluding = false;
      const at = Math.min(...excludeAfterWords.map((seq) => findSeq(sw, seq)).filter((k) => k >= 0), sw.length);
      sw.forEach((w, k) => {
        ws.push(w);
        excluded.push(wholeClause || excluding || k >= at);
      });
      if (at < sw.length) excluding = true;
    }
    if (ws.length === 0) continue;
    const from = words.length;
    ws.forEach((w, k) => words.push({ raw: w, stem: stem(w), excluded: excluded[k] ?? false }));
    clauses.push({ raw: raw.trim(), from, to: words.length });
  }
  const concepts: ConceptHit[] = [];
  const inPhrase = new Set<number>();
  let i = 0;
  while (i < words.length) {
    let matched = 0;
    for (const entry of phraseIndex.get(words[i]?.stem ?? '') ?? []) {
      if (matched && entry.stems.length < matched) break;
      if (!entry.stems.every((s, k) => words[i + k]?.stem === s)) continue;
      // A phrase never runs across two clauses.
      if (clauses.some((c) => i < c.to && i + entry.stems.length > c.to)) continue;
      matched = entry.stems.length;
      const span = words.slice(i, i + matched);
      concepts.push({ concept: entry.concept, raw: span.map((w) => w.raw).join(' '), start: i, end: i + matched, excluded: span.some((w) => w.excluded) });
    }
    if (matched) {
      for (let k = i; k < i + matched; k++) inPhrase.add(k);
      i += matched;
    } else {
      i += 1;
    }
  }
  const seen = new Set<string>();
  const content = words.filter((w, k) => {
    if (inPhrase.has(k) || genericStems.has(w.stem) || /^\d+$/.test(w.stem) || w.stem.length < 2) return false;
    const key = `${w.stem}:${w.excluded}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { text, words, concepts, content, clauses };
}

function sameStem(a: string, b: string): boolean {
  if (a === b) return true;
  return a.length >= 6 && b.length >= 6 && distance(a, b) <= 1;
}

export type ServiceVerdict = 'covered' | 'uncertain' | 'not_covered';

/** The verdict on one contracted service. */
export interface ServiceMatch {
  verdict: ServiceVerdict;
  /** Index in `scope.services` of the certificate service that covers (or nearly covers) it. */
  matchedService: number | null;
  /** Plain language, naming the matched words. */
  explanation: string;
  evidence: {
    /** The values compared, as written. */
    compared: string[];
    /** Words or phrases found on both sides ("customer support ~ contact centre"). */
    matchedTerms: string[];
  };
}

/** What the certificate says about its services. */
export interface ServiceScope {
  services: string[];
  scopeText: string;
}

interface Comparison {
  verdict: ServiceVerdict;
  score: number;
  covered: string[];
  missing: string[];
  excludedConcepts: string[];
  related: { mine: string; theirs: string }[];
  sharedWords: string[];
  excludedWords: string[];
  missingWords: string[];
  phraseContained: boolean;
  terms: string[];
  /** The clause (or listed service) as written. */
  quote: string;
  /** The first matched words, to centre a long quote on. */
  needle: string;
}

function compare(e: Analysis, s: Analysis, isText: boolean): Comparison {
  const eConcepts = [...new Set(e.concepts.filter((c) => !c.excluded).map((c) => c.concept))];
  const sIncluded = s.concepts.filter((c) => !c.excluded);
  const sExcluded = s.concepts.filter((c) => c.excluded);
  const covered = eConcepts.filter((id) => sIncluded.some((c) => c.concept === id));
  const missing = eConcepts.filter((id) => !covered.includes(id));
  const excludedConcepts = missing.filter((id) => sExcluded.some((c) => c.concept === id));
  const related = missing.flatMap((id) => {
    const rel = conceptById.get(id)?.related ?? [];
    const hit = sIncluded.find((c) => rel.includes(c.concept) || (conceptById.get(c.concept)?.related ?? []).includes(id));
    return hit ? [{ mine: id, theirs: hit.raw }] : [];
  });
  const eContent = e.content.filter((w) => !w.excluded);
  const sStemsIncluded = s.words.filter((w) => !w.excluded).map((w) => w.stem);
  const sStemsExcluded = s.words.filter((w) => w.excluded).map((w) => w.stem);
  const sharedWords = eContent.filter((w) => sStemsIncluded.some((x) => sameStem(w.stem, x))).map((w) => w.raw);
  const excludedWords = eContent.filter((w) => !sharedWords.includes(w.raw) && sStemsExcluded.some((x) => sameStem(w.stem, x))).map((w) => w.raw);
  const missingWords = eContent.filter((w) => !sharedWords.includes(w.raw)).map((w) => w.raw);
  const eSeq = e.words.filter((w) => !w.excluded && !genericStems.has(w.stem)).map((w) => w.stem);
  const phraseContained = eSeq.length > 0 && findSeq(sStemsIncluded, eSeq) >= 0;

  const conceptTerms = covered.map((id) => {
    const mine = e.concepts.find((c) => c.concept === id)?.raw ?? id;
    const theirs = sIncluded.find((c) => c.concept === id)?.raw ?? id;
    return mine === theirs ? mine : `${mine} ~ ${theirs}`;
  });
  const terms = [...conceptTerms, ...sharedWords];
  const ratio = eContent.length ? sharedWords.length / eContent.length : 0;

  let verdict: ServiceVerdict;
  if (eConcepts.length > 0) {
    if (missing.length === 0) verdict = 'covered';
    else if (covered.length > 0 || related.length > 0 || (sharedWords.length > 0 && (!isText || ratio >= 0.5))) verdict = 'uncertain';
    else verdict = 'not_covered';
  } else if (eContent.length === 0) {
    verdict = phraseContained ? 'covered' : 'not_covered';
  } else if (phraseContained || (!isText && ratio >= 0.75 && sharedWords.length >= Math.min(2, eContent.length))) {
    verdict = 'covered';
  } else if (sharedWords.length > 0 && (!isText || ratio >= 0.5)) {
    verdict = 'uncertain';
  } else {
    verdict = 'not_covered';
  }
  const score = covered.length * 10 + related.length * 3 + sharedWords.length + (phraseContained ? 5 : 0);
  const quoteFrom = (start: number) => s.clauses.find((c) => start >= c.from && start < c.to)?.raw ?? s.text;
  const firstHit = sIncluded.find((c) => covered.includes(c.concept)) ?? s.concepts.find((c) => excludedConcepts.includes(c.concept));
  const firstWord = s.words.findIndex((w) => eContent.some((x) => sameStem(x.stem, w.stem)));
  const quote = isText ? quoteFrom(firstHit?.start ?? (firstWord >= 0 ? firstWord : 0)) : s.text;
  const needle = firstHit?.raw ?? (firstWord >= 0 ? s.words[firstWord]?.raw : undefined) ?? '';
  return { verdict, score, covered, missing, excludedConcepts, related, sharedWords, excludedWords, missingWords, phraseContained, terms, quote, needle };
}

/** A quote of at most `max` characters, centred on the first words of `needle` when it is long. */
function excerpt(text: string, needle: string, max = 160): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const first = needle.split(' ')[0] ?? '';
  const at = first ? t.toLowerCase().indexOf(first) : -1;
  let start = at > max / 3 ? Math.min(at - Math.floor(max / 3), t.length - max) : 0;
  if (start > 0) start = t.indexOf(' ', start) + 1;
  let end = start + max;
  if (end < t.length) end = Math.max(t.lastIndexOf(' ', end), start + 1);
  return `${start > 0 ? '…' : ''}${t.slice(start, end).trim()}${end < t.length ? '…' : ''}`;
}

const label = (id: string) => conceptById.get(id)?.label ?? id;
const quoted = (xs: string[]) => xs.map((x) => `"${x}"`).join(', ');

/** A certificate's services and scope text read once, to match many contracted services against. */
export interface PreparedServiceScope extends ServiceScope {
  readonly analyzedServices: readonly Analysis[];
  readonly analyzedText: Analysis | null;
}

/** Reads the certificate's services and scope text once (they are the expensive part of a match). */
export function prepareServiceScope(scope: ServiceScope): PreparedServiceScope {
  return { services: scope.services, scopeText: scope.scopeText, analyzedServices: scope.services.map(analyze), analyzedText: scope.scopeText?.trim() ? analyze(scope.scopeText) : null };
}

/**
 * Whether the certificate's scope (its listed services and its scope text)
 * covers a contracted service. The rules are in this module's header comment.
 * A prepared scope (`prepareServiceScope`) gives the same answer, faster.
 */
export function matchService(service: string, given: ServiceScope | PreparedServiceScope): ServiceMatch {
  const scope = 'analyzedServices' in given ? given : prepareServiceScope(given);
  const e = analyze(service);
  const compared = [
    `contracted service: ${service}`,
    ...scope.services.map((s, i) => `certificate service ${i + 1}: ${s}`),
    ...(scope.scopeText?.trim() ? [`scope text: ${scope.scopeText.trim()}`] : []),
  ];
  const lead = `Service "${service.trim()}"`;
  const eConcepts = [...new Set(e.concepts.filter((c) => !c.excluded).map((c) => c.concept))];

  if (e.words.filter((w) => !w.excluded).length === 0) {
    return { verdict: 'uncertain', matchedService: null, explanation: `${lead} is empty and cannot be compared; a person must confirm.`, evidence: { compared, matchedTerms: [] } };
  }
  if (eConcepts.length === 0 && e.content.filter((w) => !w.excluded).length === 0) {
    return {
      verdict: 'uncertain',
      matchedService: null,
      explanation: `${lead} is too general to compare with the certificate's scope (it names no particular kind of service); a person must confirm.`,
      evidence: { compared, matchedTerms: [] },
    };
  }

  const listed = scope.analyzedServices.map((s) => compare(e, s, false));
  const text = scope.analyzedText ? compare(e, scope.analyzedText, true) : null;
  const rank: Record<ServiceVerdict, number> = { covered: 2, uncertain: 1, not_covered: 0 };
  let best = -1;
  listed.forEach((c, i) => {
    const b = listed[best];
    if (!b || rank[c.verdict] > rank[b.verdict] || (rank[c.verdict] === rank[b.verdict] && c.score > b.score)) best = i;
  });
  const bestListed = listed[best];
  const all = [...listed, ...(text ? [text] : [])];
  const excluded = [...new Set(all.flatMap((c) => c.excludedConcepts))];
  const excludedWords = [...new Set(all.flatMap((c) => c.excludedWords))];
  const where = (c: Comparison) => (c === text ? `its scope text ("${excerpt(c.quote, c.needle)}")` : `"${c.quote}"`);

  // Every kind of service named, possibly across several listed services and the text.
  const namedSomewhere = eConcepts.filter((id) => all.some((c) => c.covered.includes(id)));
  const coveredAcross = eConcepts.length > 0 && namedSomewhere.length === eConcepts.length;
  const coveredByOne = bestListed?.verdict === 'covered' ? bestListed : text?.verdict === 'covered' ? text : null;

  if (coveredByOne || coveredAcross) {
    const sources = coveredByOne ? [coveredByOne] : all.filter((c) => c.covered.length > 0);
    const terms = [...new Set(sources.flatMap((c) => c.terms))];
    const index = coveredByOne ? (coveredByOne === text ? -1 : best) : listed.findIndex((c) => c.covered.length > 0);
    const matchedService = index >= 0 ? index : null;
    const how = terms.length > 0 ? `matching ${quoted(terms)}` : 'with the same wording';
    const conflict = excluded.filter((id) => eConcepts.includes(id));
    if (conflict.length > 0) {
      const ex = all.find((c) => c.excludedConcepts.length > 0);
      return {
        verdict: 'uncertain',
        matchedService,
        explanation: `${lead} is named by the certificate (${how}) but also excluded by ${ex ? where(ex) : 'its scope'}; a person must confirm.`,
        evidence: { compared, matchedTerms: terms },
      };
    }
    return {
      verdict: 'covered',
      matchedService,
      explanation: `${lead} is covered: the certificate names it in ${sources.map(where).join(' and ')}, ${how}.`,
      evidence: { compared, matchedTerms: terms },
    };
  }

  // Named only to be excluded: every kind of service sought (or, for unknown services, every word) sits in an exclusion.
  const eContent = e.content.filter((w) => !w.excluded).map((w) => w.raw);
  const excludedAll = eConcepts.length > 0 ? eConcepts.every((id) => excluded.includes(id)) : eContent.length > 0 && eContent.every((w) => excludedWords.includes(w));
  if (excludedAll) {
    const ex = all.find((c) => c.excludedConcepts.length > 0 || c.excludedWords.length > 0);
    return {
      verdict: 'not_covered',
      matchedService: null,
      explanation: `${lead} is excluded from the certificate's scope by ${ex ? where(ex) : 'its scope'}.`,
      evidence: { compared, matchedTerms: [...excluded.map(label), ...excludedWords] },
    };
  }

  const partial = [bestListed, text].filter((c): c is Comparison => !!c && c.verdict === 'uncertain').sort((a, b) => b.score - a.score)[0];
  if (partial) {
    const bits: string[] = [];
    if (partial.covered.length > 0) bits.push(`it names ${quoted(partial.terms.filter((t) => !partial.sharedWords.includes(t)))} but not ${partial.missing.map(label).join(', ')}`);
    else if (namedSomewhere.length > 0) bits.push(`only ${namedSomewhere.map(label).join(', ')} is named`);
    if (partial.related.length > 0) bits.push(`it names ${quoted(partial.related.map((r) => r.theirs))}, related to but not the same as ${partial.related.map((r) => label(r.mine)).join(', ')}`);
    if (partial.sharedWords.length > 0) bits.push(`it shares the words ${quoted(partial.sharedWords)}${partial.missingWords.length ? ` but not ${quoted(partial.missingWords)}` : ''}`);
    return {
      verdict: 'uncertain',
      matchedService: partial === text ? null : best,
      explanation: `${lead} matches the certificate's scope only in part: in ${where(partial)}, ${bits.join('; ')}. A person must confirm that the certificate covers this service.`,
      evidence: { compared, matchedTerms: [...partial.terms, ...partial.related.map((r) => r.theirs)] },
    };
  }

  const listedText = scope.services.length > 0 ? `its services (${quoted(scope.services)})` : '';
  const sources = [listedText, scope.scopeText?.trim() ? 'its scope text' : ''].filter(Boolean).join(' and ') || 'the certificate (which lists no services and has no scope text)';
  const sought = [
    ...e.concepts.filter((c) => !c.excluded).map((c) => (normalizeText(c.raw) === normalizeText(label(c.concept)) ? c.raw : `${c.raw} (${label(c.concept)})`)),
    ...eContent,
  ];
  const fewShared = [...new Set(all.flatMap((c) => c.sharedWords))];
  const detail =
    fewShared.length > 0
      ? `only ${quoted(fewShared)} of ${quoted(sought)} appears in ${sources}, too little to tell it is the same service`
      : `neither ${quoted(sought)} nor a synonym appears in ${sources}`;
  return {
    verdict: 'not_covered',
    matchedService: null,
    explanation: `${lead} is not in the certificate's scope: ${detail}.`,
    evidence: { compared, matchedTerms: [] },
  };
}
