import { defaultClauses, type DefaultClause } from '../../shared/clauses/library';
import { selectClauses } from '../../shared/clauses/select';
import type { FindingCode } from '../../shared/findings/codes';
import type { EngagementProfile } from '../../shared/schemas/engagement-profile';

// A profile that triggers nothing beyond the always-on clauses.
const profile = (over: Partial<EngagementProfile> = {}): EngagementProfile => ({
  services: ['Customer support'],
  sites: [{ name: 'Manila delivery centre', address: '1 Ayala Ave', city: 'Makati', country: 'PH' }],
  contractingEntity: 'Acme BPO Philippines, Inc.',
  dataCategories: [],
  usesCloud: false,
  remoteWork: false,
  subcontractors: [],
  developsSoftware: false,
  ...over,
});

const alwaysKeys = defaultClauses.filter((c) => c.when === 'always').map((c) => c.key);
const keysOf = (selected: { key: string }[]) => selected.map((s) => s.key);

describe('selectClauses over the default library', () => {
  it('when the profile triggers nothing and no finding is open, then exactly the always-on clauses are selected, each "applies to every engagement"', () => {
    const selected = selectClauses(defaultClauses, profile(), []);
    expect(keysOf(selected)).toEqual(alwaysKeys);
    expect(alwaysKeys.length).toBeGreaterThan(0);
    for (const s of selected) expect(s.reasons).toEqual(['applies to every engagement']);
  });

  const codeClausePairs = defaultClauses.flatMap((clause) => clause.findingCodes.map((code) => [code, clause.key, clause] as const));

  it('when the table of finding-triggered clauses is built, then it is not empty', () => {
    expect(codeClausePairs.length).toBeGreaterThanOrEqual(19);
  });

  describe.each(codeClausePairs)('finding code %s and clause %s', (code, key, clause) => {
    it('when the finding is open, then the clause is selected with a reason naming the code', () => {
      const selected = selectClauses(defaultClauses, profile(), [code]).find((s) => s.key === key);
      expect(selected).toBeDefined();
      expect(selected!.reasons).toContain(`open finding ${code}`);
    });

    it('when the finding is not open, then the clause is selected only if always-on, and never for that code', () => {
      const others = codeClausePairs.map(([c]) => c).filter((c) => c !== code);
      const selected = selectClauses(defaultClauses, profile(), [...new Set(others)]).find((s) => s.key === key);
      const otherCodeTriggers = clause.findingCodes.some((c) => c !== code);
      if (clause.when === 'always' || otherCodeTriggers) {
        if (selected) expect(selected.reasons).not.toContain(`open finding ${code}`);
      } else {
        expect(selected).toBeUndefined();
      }
      expect(selectClauses(defaultClauses, profile(), []).some((s) => s.key === key)).toBe(clause.when === 'always');
    });
  });

  it.each<[string, Partial<EngagementProfile>, Record<string, string>]>([
    ['payment card data', { dataCategories: ['payment_card'] }, { encryption: 'the engagement handles payment card data', 'data-leakage-prevention': 'the engagement handles payment card data' }],
    ['health data', { dataCategories: ['health'] }, { encryption: 'the engagement handles health data', 'privacy-pii': 'the engagement handles health data' }],
    ['financial data', { dataCategories: ['financial'] }, { encryption: 'the engagement handles financial data' }],
    [
      'personal data',
      { dataCategories: ['personal_data'] },
      { encryption: 'the engagement handles personal data', 'data-leakage-prevention': 'the engagement handles personal data', 'privacy-pii': 'the engagement handles personal data' },
    ],
    ['cloud services', { usesCloud: true }, { 'cloud-services': 'the engagement uses cloud services' }],
    ['remote work', { remoteWork: true }, { 'remote-work': 'the engagement allows remote work' }],
    ['sub-contractors', { subcontractors: ['Globe Hosting', 'Nightshift Ltd'] }, { subcontractors: 'the engagement uses sub-contractors (Globe Hosting, Nightshift Ltd)' }],
    ['software development', { developsSoftware: true }, { 'secure-development': 'the provider develops software for the buyer' }],
    ['customer confidential data only', { dataCategories: ['customer_confidential'] }, {}],
  ])('when the engagement involves %s, then exactly the matching clauses are added, with that reason', (_label, over, expected) => {
    const selected = selectClauses(defaultClauses, profile(over), []);
    const added = selected.filter((s) => !alwaysKeys.includes(s.key));
    expect(Object.fromEntries(added.map((s) => [s.key, s.reasons]))).toEqual(Object.fromEntries(Object.entries(expected).map(([k, r]) => [k, [r]])));
  });

  it('when a clause is triggered by several categories and findings, then it appears once, in library order, with all reasons', () => {
    const selected = selectClauses(
      defaultClauses,
      profile({ dataCategories: ['payment_card', 'health', 'financial'], usesCloud: true }),
      ['SCOPE_UNCERTAIN', 'SCOPE_SITE_NOT_COVERED', 'SCOPE_SITE_NOT_COVERED'],
    );
    const keys = keysOf(selected);
    expect(new Set(keys).size).toBe(keys.length);
    const libraryOrder = defaultClauses.map((c) => c.key).filter((k) => keys.includes(k));
    expect(keys).toEqual(libraryOrder);
    expect(selected.find((s) => s.key === 'encryption')!.reasons).toEqual([
      'the engagement handles payment card data',
      'the engagement handles health data',
      'the engagement handles financial data',
    ]);
    expect(selected.find((s) => s.key === 'certification-scope-extension')!.reasons).toEqual(['open finding SCOPE_SITE_NOT_COVERED', 'open finding SCOPE_UNCERTAIN']);
  });
});

describe('selectClauses over a buyer library', () => {
  const clause = (key: string, when: DefaultClause['when'], findingCodes: FindingCode[] = []) => ({ key, when, findingCodes });

  it('when a clause is both always-on and finding-triggered, then both reasons are given', () => {
    const selected = selectClauses([clause('a', 'always', ['CERT_EXPIRED'])], profile(), ['CERT_EXPIRED']);
    expect(selected).toEqual([{ key: 'a', reasons: ['applies to every engagement', 'open finding CERT_EXPIRED'] }]);
  });

  it('when a clause has a profile condition and a finding code, then either selects it and both give both reasons', () => {
    const library = [clause('cloud', { usesCloud: true }, ['CONTROL_GAP'])];
    expect(selectClauses(library, profile(), [])).toEqual([]);
    expect(selectClauses(library, profile(), ['CONTROL_GAP'])).toEqual([{ key: 'cloud', reasons: ['open finding CONTROL_GAP'] }]);
    expect(selectClauses(library, profile({ usesCloud: true }), ['CONTROL_GAP'])).toEqual([
      { key: 'cloud', reasons: ['the engagement uses cloud services', 'open finding CONTROL_GAP'] },
    ]);
  });

  it('when a clause has an empty condition and no finding is open, then it is never selected', () => {
    const full = profile({ dataCategories: ['personal_data', 'payment_card'], usesCloud: true, remoteWork: true, subcontractors: ['X'], developsSoftware: true });
    expect(selectClauses([clause('finding-only', {}, ['SOA_MISSING'])], full, [])).toEqual([]);
  });
});
