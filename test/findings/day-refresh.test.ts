import { refreshEngagement } from '../../server/findings/summary';
import { refreshStaleEngagements } from '../../server/jobs/refresh';
import { loadEngagementForRefresh } from '../../server/repositories/engagement';
import { signedIn, type Client } from '../helpers/agent';
import { createTestContext, type TestContext } from '../helpers/context';
import { makeCertificate, makeDocument, makeEngagement, makeOrganization, makeUser, shareDocument } from '../helpers/factories';

let t: TestContext;
let analyst: Client;
let engagementId: string;
const day = (offset: number) => new Date(Date.now() + offset * 86400000).toISOString().slice(0, 10);

beforeAll(async () => {
  t = await createTestContext();
  const buyer = await makeOrganization(t.db, 'buyer');
  const provider = await makeOrganization(t.db, 'provider');
  analyst = await signedIn(t.app, (await makeUser(t.db, buyer.id, 'analyst')).email);
  engagementId = await makeEngagement(t.db, buyer.id, provider.id);
  const documentId = await makeDocument(t.db, t.deps.storage, provider.id, { kind: 'certificate' });
  await shareDocument(t.db, engagementId, documentId);
  // A certificate that expired yesterday; the engagement was last computed two days ago, when it was still valid.
  await makeCertificate(t.db, provider.id, documentId, { expiry_date: day(-1), accreditation_body: 'UKAS' });
  await refreshEngagement(t.db, (await loadEngagementForRefresh(t.db, engagementId))!, day(-2));
});
afterAll(() => t.close());

const row = async () => (await analyst.get('/api/portfolio').expect(200)).body.rows.find((r: { engagement: { id: string } }) => r.engagement.id === engagementId);

test('when nobody wrote to an engagement since the day changed, then its portfolio row says it is stale rather than passing as current', async () => {
  expect(await row()).toMatchObject({ stale: true, findings: { critical: 0 } });
});

test('when the scheduled refresh runs, then a certificate that expired overnight reaches the portfolio the same day, and a second run has nothing to do', async () => {
  expect(await refreshStaleEngagements(t.deps, day(0))).toBeGreaterThanOrEqual(1);
  // CERT_EXPIRED, and the contracted site the expired certificate no longer covers.
  expect(await row()).toMatchObject({ stale: false, findings: { critical: 2 } });
  const codes = (await t.db.selectFrom('findings').select('code').where('engagement_id', '=', engagementId).where('active', '=', true).execute()).map((f) => f.code);
  expect(codes).toContain('CERT_EXPIRED');
  expect(await refreshStaleEngagements(t.deps, day(0))).toBe(0);
});
