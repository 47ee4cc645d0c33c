import fs from 'node:fs';
import path from 'node:path';
import { defaultClauses } from '../../shared/clauses/library';
import { selectClauses } from '../../shared/clauses/select';
import { findingCodes, findingSeverity, type FindingCode } from '../../shared/findings/codes';
import { findingRules } from '../../shared/findings/rules';
import { createClauseBody, updateClauseBody } from '../../shared/schemas/clause';
import type { EngagementProfile } from '../../shared/schemas/engagement-profile';
import { isOpenFinding, type FindingDto } from '../../shared/schemas/finding';
import { gatherRuleInput } from '../../server/findings/derive';
import { loadEngagementForRefresh } from '../../server/repositories/engagement';
import { seedDemo, DEMO_PASSWORD } from '../../server/seed/demo';
import { createTestContext, type TestContext } from '../helpers/context';
import { signedIn, type Client } from '../helpers/agent';
import { makeEngagement, makeOrganization, makeUser, TEST_PASSWORD } from '../helpers/factories';

/**
 * A finding rule is registered in one place (the table findingRules in
 * shared/findings/rules.ts, its codes in shared/findings/codes.ts): this file
 * proves every registered code reaches the API's enum, the clause library and,
 * when its rule fires, the stored findings and the summary counts.
 */

let t: TestContext;
let analyst: Client;
let demoEngagementId: string;
let emptyEngagement: { id: string; analyst: Client };

beforeAll(async () => {
  t = await createTestContext();
  await seedDemo(t.deps);
  analyst = await signedIn(t.app, 'analyst@northwind.demo.test', DEMO_PASSWORD);
  demoEngagementId = (await analyst.get('/api/engagements').expect(200)).body.engagements[0].id;
  // Nothing shared: the "missing" rules fire.
  const buyer = await makeOrganization(t.db, 'buyer');
  const provider = await makeOrganization(t.db, 'provider');
  const email = (await makeUser(t.db, buyer.id, 'analyst')).email;
  emptyEngagement = { id: await makeEngagement(t.db, buyer.id, provider.id), analyst: await signedIn(t.app, email, TEST_PASSWORD) };
});
afterAll(() => t.close());

describe('registering a finding rule', () => {
  test('when the codes are listed, then each has a fixed severity (CONTROL_GAP: by weight) and belongs to exactly one row of the rule table', () => {
    const withSeverity = Object.keys(findingSeverity);
    expect([...withSeverity, 'CONTROL_GAP'].sort()).toEqual([...findingCodes].sort());
    const owners = (code: FindingCode) => findingRules.filter((r) => r.codes.includes(code)).map((r) => r.name);
    for (const code of findingCodes) expect({ code, rules: owners(code).length }).toEqual({ code, rules: 1 });
    expect(findingRules.flatMap((r) => r.codes).length).toBe(findingCodes.length);
  });

  test('when the users\' guide is read, then its table of findings has a row for each code with its severity', () => {
    const guide = fs.readFileSync(path.join(__dirname, '../../docs/findings.md'), 'utf8');
    for (const code of findingCodes) {
      const severity = code === 'CONTROL_GAP' ? 'by weight' : findingSeverity[code];
      expect({ code, row: guide.includes(`| ${code} | ${severity} |`) }).toEqual({ code, row: true });
    }
  });

  test('when the OpenAPI document is read, then the finding and clause schemas enumerate exactly the registered codes', async () => {
    const schemas = (await analyst.get('/api/openapi.json').expect(200)).body.components.schemas;
    expect(schemas.Finding.properties.code.enum).toEqual([...findingCodes]);
    expect(schemas.CreateClauseRequest.properties.findingCodes.items.enum).toEqual([...findingCodes]);
  });

  test('when a clause names a registered code, then the clause schemas accept it, and an open finding of any code puts the remediation clause in a schedule', () => {
    const profile: EngagementProfile = { services: [], sites: [], contractingEntity: 'Acme', dataCategories: [], usesCloud: false, remoteWork: false, subcontractors: [], developsSoftware: false };
    const clause = { key: 'test-clause', title: 'A clause', text: 'The Provider shall remediate the finding promptly.' };
    for (const code of findingCodes) {
      expect({ code, create: createClauseBody.safeParse({ ...clause, findingCodes: [code] }).success, update: updateClauseBody.safeParse({ findingCodes: [code] }).success }).toEqual({ code, create: true, update: true });
      const selected = selectClauses(defaultClauses, profile, [code]);
      expect({ code, remediation: selected.find((c) => c.key === 'finding-remediation')?.reasons }).toEqual({ code, remediation: expect.arrayContaining([`open finding ${code}`]) });
    }
    expect(createClauseBody.safeParse({ ...clause, findingCodes: ['NOT_A_CODE'] }).success).toBe(false);
  });

  test.each([
    ['the demo engagement', () => ({ id: demoEngagementId, client: analyst }), ['SCOPE_SITE_NOT_COVERED', 'SOA_EXCLUSION_UNJUSTIFIED', 'CONTROL_GAP']],
    ['an engagement with nothing shared', () => ({ id: emptyEngagement.id, client: emptyEngagement.analyst }), ['CERT_MISSING', 'SOA_MISSING']],
  ])('when the rules fire on %s, then each row raises only its own codes, each finding is stored with its severity, and the summary counts the open ones', async (_name, which, atLeast) => {
    const { id, client } = which();
    const today = new Date().toISOString().slice(0, 10);
    const input = await gatherRuleInput(t.db, (await loadEngagementForRefresh(t.db, id))!, today);
    const derived = findingRules.flatMap((rule) => rule.derive(input).map((f) => ({ rule, f })));
    for (const { rule, f } of derived) expect({ rule: rule.name, code: f.code, own: rule.codes.includes(f.code) }).toEqual({ rule: rule.name, code: f.code, own: true });

    const stored = (await client.get(`/api/engagements/${id}/findings`).expect(200)).body.findings as FindingDto[];
    const firedCodes = [...new Set(derived.map((d) => d.f.code))].sort();
    expect(firedCodes).toEqual(expect.arrayContaining(atLeast));
    expect([...new Set(stored.map((f) => f.code))].sort()).toEqual(firedCodes);
    for (const f of stored) if (f.code !== 'CONTROL_GAP') expect({ code: f.code, severity: f.severity }).toEqual({ code: f.code, severity: findingSeverity[f.code] });

    const { summary } = (await client.get(`/api/engagements/${id}/summary`).expect(200)).body;
    const open = stored.filter(isOpenFinding);
    const count = (s: string) => open.filter((f) => f.severity === s).length;
    expect(summary.findings).toEqual({ critical: count('critical'), high: count('high'), medium: count('medium'), low: count('low') });
  });
});
