import type { Database } from '../../server/db/database';
import { createTestContext, type TestContext } from '../helpers/context';
import { signedIn, type Client } from '../helpers/agent';
import { engagementInput, makeCertificate, makeDocument, makeEngagement, makeOrganization, makeUser, shareDocument } from '../helpers/factories';

/**
 * Scope judgement on the engagement, end to end: the certificate holder is
 * compared with the contracting entity and that entity's own names (never the
 * provider organization's aliases), and coverage is the union of every valid
 * certificate shared with the engagement.
 */

let t: TestContext;
let db: Database;
let analyst: Client;
let org: { buyer: string; provider: string };

beforeAll(async () => {
  t = await createTestContext();
  db = t.db;
  org = { buyer: (await makeOrganization(db, 'buyer')).id, provider: (await makeOrganization(db, 'provider', 'Acme Group')).id };
  analyst = await signedIn(t.app, (await makeUser(db, org.buyer, 'analyst')).email);
  // A buyer picks only providers it already works with (or invited): one engagement makes this one visible.
  await makeEngagement(db, org.buyer, org.provider);
});
afterAll(() => t.close());

type Finding = { code: string; explanation: string; facts: Record<string, unknown> };
const findings = async (engagementId: string) => (await analyst.get(`/api/engagements/${engagementId}/findings`).expect(200)).body.findings as Finding[];

const cebu = { name: 'Cebu delivery centre', address: '5th Floor, i2 Building, Cebu IT Park, Lahug', city: 'Cebu City', country: 'PH' };
const makati = { name: 'Makati delivery centre', address: '12th Floor, Ayala North Exchange, 6796 Ayala Avenue', city: 'Makati City', country: 'PH' };

async function engagement(overrides: Record<string, unknown> = {}) {
  const res = await analyst.post('/api/engagements').send(engagementInput({ providerOrganizationId: org.provider, ...overrides })).expect(201);
  return res.body.engagement.id as string;
}

async function share(engagementId: string, fields: Parameters<typeof makeCertificate>[3]) {
  const documentId = await makeDocument(db, t.deps.storage, org.provider, { kind: 'certificate', title: `Certificate ${String(fields?.certificate_number ?? '')}` });
  await shareDocument(db, engagementId, documentId);
  return makeCertificate(db, org.provider, documentId, { accreditation_body: 'UKAS', legal_entity: 'Acme BPO Philippines, Inc.', ...fields });
}

describe('certificate holder against the contracting entity', () => {
  afterEach(async () => {
    await db.updateTable('organizations').set({ aliases: [] }).where('id', '=', org.provider).execute();
  });

  test.each([
    {
      when: "the holder is only one of the provider organization's aliases",
      contractingEntityAliases: [],
      providerAliases: ['Acme Global Services Ltd'],
      holder: 'Acme Global Services Ltd',
      mismatch: true,
    },
    {
      when: "the holder is one of the contracting entity's own recorded names",
      contractingEntityAliases: ['Acme Global Services Ltd'],
      providerAliases: [],
      holder: 'Acme Global Services Ltd',
      mismatch: false,
    },
    {
      when: 'the holder is the contracting entity written differently',
      contractingEntityAliases: [],
      providerAliases: [],
      holder: 'ACME BPO PHILIPPINES INC.',
      mismatch: false,
    },
    {
      when: 'the holder is a sister company and the provider lists both names',
      contractingEntityAliases: [],
      providerAliases: ['Acme Group Holdings', 'Acme Data Services Pte. Ltd.'],
      holder: 'Acme Data Services Pte. Ltd.',
      mismatch: true,
    },
  ])('when $when, then CERT_ENTITY_MISMATCH is raised: $mismatch', async ({ contractingEntityAliases, providerAliases, holder, mismatch }) => {
    await db.updateTable('organizations').set({ aliases: providerAliases }).where('id', '=', org.provider).execute();
    const id = await engagement({ contractingEntity: 'Acme BPO Philippines, Inc.', contractingEntityAliases });
    await share(id, { legal_entity: holder, scope_text: 'Customer support from Cebu City' });
    const found = (await findings(id)).find((f) => f.code === 'CERT_ENTITY_MISMATCH');
    expect(Boolean(found)).toBe(mismatch);
    if (found) {
      // It names every name compared and where each came from.
      expect(found.explanation).toContain(`"${holder}"`);
      expect(found.explanation).toContain('certificate field "legal entity"');
      expect(found.explanation).toContain('engagement field "contracting entity"');
      expect(found.facts.compared).toEqual(expect.arrayContaining([expect.objectContaining({ name: holder }), { name: 'Acme BPO Philippines, Inc.', source: 'engagement field "contracting entity"' }]));
      // The provider organization's names are never among them.
      for (const c of found.facts.compared as { source: string }[]) expect(c.source).toMatch(/certificate field "legal entity"$|^engagement field/);
      for (const name of ['Acme Group', ...providerAliases.filter((a) => a !== holder)]) expect(found.facts.compared).not.toContainEqual(expect.objectContaining({ name }));
    }
  });

  test("when the buyer records the contracting entity's other names, then the engagement shows them, the change is audited and the mismatch goes", async () => {
    const id = await engagement({ contractingEntity: 'Acme BPO Philippines, Inc.' });
    await share(id, { legal_entity: 'Acme Business Process Outsourcing Philippines Inc', scope_text: 'Customer support from Cebu City' });
    expect((await findings(id)).map((f) => f.code)).toContain('CERT_ENTITY_MISMATCH');
    const res = await analyst.patch(`/api/engagements/${id}`).send({ contractingEntityAliases: ['Acme Business Process Outsourcing Philippines, Inc.'] }).expect(200);
    expect(res.body.engagement.contractingEntityAliases).toEqual(['Acme Business Process Outsourcing Philippines, Inc.']);
    expect((await findings(id)).map((f) => f.code)).not.toContain('CERT_ENTITY_MISMATCH');
    const audit = await db.selectFrom('audit_events').select('details').where('target_id', '=', id).where('action', '=', 'engagement.updated').executeTakeFirstOrThrow();
    expect((audit.details as { fields: string[] }).fields).toEqual(['contractingEntityAliases']);
  });

  test('when the other names are not a list of names, then 400 names the field and nothing changes', async () => {
    const id = await engagement();
    const res = await analyst.patch(`/api/engagements/${id}`).send({ contractingEntityAliases: ['ok', ''] }).expect(400);
    expect(res.body.error.details.fields[0].path).toMatch(/^contractingEntityAliases/);
    const row = await db.selectFrom('engagements').select('contracting_entity_aliases').where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.contracting_entity_aliases).toEqual([]);
  });
});

describe('coverage is the union of the valid certificates shared', () => {
  const siteCodes = (list: Finding[], site: string) => list.filter((f) => f.code.startsWith('SCOPE_') && f.facts.site === site);

  test.each([
    {
      when: 'one certificate per site, both valid',
      cebuCert: { expiry_date: '2027-06-30' },
      cebuCovered: true,
      says: /Covered by the certificate CEBU-1/,
    },
    {
      when: 'the certificate of the Cebu site expired',
      cebuCert: { issue_date: '2022-01-01', expiry_date: '2025-01-01' },
      cebuCovered: false,
      says: /certificate CEBU-1 \(BSI\) covers nothing: it expired on 2025-01-01/,
    },
    {
      when: 'the certificate of the Cebu site is to the 2013 edition',
      cebuCert: { edition: '2013', expiry_date: '2027-06-30' },
      cebuCovered: false,
      says: /certificate CEBU-1 \(BSI\) covers nothing: it is to ISO\/IEC 27001:2013/,
    },
  ])('when $when, then Cebu is covered: $cebuCovered', async ({ cebuCert, cebuCovered, says }) => {
    const id = await engagement({ sites: [cebu, makati] });
    // The Makati certificate stays valid longest: the one judged alone before.
    await share(id, { certificate_number: 'MAKATI-1', expiry_date: '2028-01-01', scope_text: 'Inbound customer support (voice and chat) from Makati', sites: JSON.stringify([makati]) });
    await share(id, { certificate_number: 'CEBU-1', scope_text: 'Inbound customer support (voice and chat) from Cebu City', sites: JSON.stringify([cebu]), ...cebuCert });
    const list = await findings(id);
    expect(siteCodes(list, makati.name)).toEqual([]);
    const onCebu = siteCodes(list, cebu.name);
    if (cebuCovered) {
      expect(onCebu).toEqual([]);
      const scope = (await analyst.get(`/api/engagements/${id}/scope`).expect(200)).body.scope;
      const row = scope.sites.find((s: { site: string }) => s.site === cebu.name);
      expect(row).toMatchObject({ verdict: 'covered' });
      expect(row.explanation).toMatch(says);
    } else {
      expect(onCebu.map((f) => f.code)).toEqual(['SCOPE_SITE_NOT_COVERED']);
      expect(onCebu[0]!.explanation).toMatch(says);
      // It also says what the valid certificate found.
      expect(onCebu[0]!.explanation).toMatch(/Against the certificate MAKATI-1 \(BSI\)/);
      expect(onCebu[0]!.facts.certificates).toEqual(expect.arrayContaining([expect.objectContaining({ certificate: 'certificate CEBU-1 (BSI)', verdict: 'void' })]));
    }
  });

  test('when a later issue of the same certificate drops the Cebu site, then the earlier issue covers nothing and Cebu is not covered', async () => {
    const id = await engagement({ sites: [cebu, makati] });
    await share(id, { certificate_number: 'IS 77', issue_date: '2024-01-01', expiry_date: '2027-01-01', scope_text: 'Customer support from Makati and Cebu City', sites: JSON.stringify([makati, cebu]) });
    await share(id, { certificate_number: 'IS-77', issue_date: '2025-03-01', expiry_date: '2027-01-01', scope_text: 'Customer support from Makati', sites: JSON.stringify([makati]) });
    const onCebu = siteCodes(await findings(id), cebu.name);
    expect(onCebu.map((f) => f.code)).toEqual(['SCOPE_SITE_NOT_COVERED']);
    expect(onCebu[0]!.explanation).toMatch(/covers nothing: it is superseded by the issue of 2025-03-01/);
  });
});
