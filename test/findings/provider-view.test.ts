import crypto from 'node:crypto';
import { signedIn, type Client } from '../helpers/agent';
import { createTestContext, type TestContext } from '../helpers/context';
import { makeEngagement, makeOrganization, makeUser } from '../helpers/factories';

/**
 * Who sees what of a finding's decisions: the buyer's reasoning (the
 * justification and approver of a risk acceptance, a dismissal reason, a
 * resolution note) stays with the buyer; the provider sees the state and until
 * when a risk is accepted.
 */

let t: TestContext;
let analyst: Client;
let legal: Client;
let providerAdmin: Client;
let providerContributor: Client;
let engagementIds: string[];
const marker = `internal${crypto.randomBytes(4).toString('hex')}`;
type Finding = { id: string; status: string; resolutionNote: string | null; dismissReason: string | null; riskAcceptance: { justification: string | null; approver: string | null; expiresAt: string } | null };
const ids: Record<'accepted' | 'dismissed' | 'resolved', string> = { accepted: '', dismissed: '', resolved: '' };

beforeAll(async () => {
  t = await createTestContext();
  const buyer = await makeOrganization(t.db, 'buyer');
  const provider = await makeOrganization(t.db, 'provider');
  analyst = await signedIn(t.app, (await makeUser(t.db, buyer.id, 'analyst')).email);
  legal = await signedIn(t.app, (await makeUser(t.db, buyer.id, 'legal')).email);
  providerAdmin = await signedIn(t.app, (await makeUser(t.db, provider.id, 'admin')).email);
  providerContributor = await signedIn(t.app, (await makeUser(t.db, provider.id, 'contributor')).email);
  // Two engagements with nothing shared: each raises CERT_MISSING and SOA_MISSING.
  engagementIds = [await makeEngagement(t.db, buyer.id, provider.id), await makeEngagement(t.db, buyer.id, provider.id)];
  const list: Finding[] = [];
  for (const id of engagementIds) list.push(...((await analyst.get(`/api/engagements/${id}/findings`).expect(200)).body.findings as Finding[]));
  expect(list.length).toBeGreaterThanOrEqual(3);
  [ids.accepted, ids.dismissed, ids.resolved] = list.map((f) => f.id) as [string, string, string];
  await analyst.patch(`/api/findings/${ids.accepted}`).send({ action: 'accept_risk', justification: `Why we live with it ${marker}`, approver: `Approver ${marker}`, expiresAt: '2099-06-30' }).expect(200);
  await analyst.patch(`/api/findings/${ids.dismissed}`).send({ action: 'dismiss', reason: `Why it does not matter ${marker}` }).expect(200);
  await analyst.patch(`/api/findings/${ids.resolved}`).send({ action: 'resolve', note: `How we closed it ${marker}` }).expect(200);
});
afterAll(() => t.close());

/** Every finding of both engagements as the client reads them, by id; and the answers' text. */
async function read(c: Client, query = '') {
  const answers = await Promise.all(engagementIds.map(async (id) => (await c.get(`/api/engagements/${id}/findings${query}`).expect(200)).body as { findings: Finding[] }));
  return { byId: Object.fromEntries(answers.flatMap((a) => a.findings).map((f) => [f.id, f])), text: JSON.stringify(answers) };
}

describe("a finding's decisions, seen from each side", () => {
  test('when the provider lists the findings, then it sees the states and the acceptance date but none of the buyer reasoning', async () => {
    for (const c of [providerAdmin, providerContributor]) {
      for (const query of ['', '?includeInactive=true']) {
        const { byId: f, text } = await read(c, query);
        expect(text).not.toContain(marker);
        expect(f[ids.accepted]).toMatchObject({ status: 'risk_accepted', riskAcceptanceExpired: false, riskAcceptance: { justification: null, approver: null, expiresAt: '2099-06-30' } });
        expect(f[ids.dismissed]).toMatchObject({ status: 'dismissed', dismissReason: null });
        expect(f[ids.resolved]).toMatchObject({ status: 'resolved', resolutionNote: null });
      }
    }
  });

  test('when the buyer lists the findings, then its analysts and legal read the reasoning they wrote', async () => {
    for (const c of [analyst, legal]) {
      const { byId: f } = await read(c);
      expect(f[ids.accepted]!.riskAcceptance).toEqual({ justification: `Why we live with it ${marker}`, approver: `Approver ${marker}`, expiresAt: '2099-06-30' });
      expect(f[ids.dismissed]!.dismissReason).toBe(`Why it does not matter ${marker}`);
      expect(f[ids.resolved]!.resolutionNote).toBe(`How we closed it ${marker}`);
    }
  });
});
