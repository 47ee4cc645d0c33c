import { sendNotices } from '../../server/jobs/notices';
import { createTestContext, type TestContext } from '../helpers/context';
import { decodeEml } from '../helpers/mail';
import { makeCertificate, makeDocument, makeEngagement, makeOrganization, makeUser, shareDocument } from '../helpers/factories';

let t: TestContext;
let engagementId: string;

beforeAll(async () => {
  t = await createTestContext();
  const buyer = await makeOrganization(t.db, 'buyer', 'Notice Bank');
  const provider = await makeOrganization(t.db, 'provider', 'Notice BPO');
  await makeUser(t.db, buyer.id, 'analyst', { email: 'risk@notice-bank.example.test' });
  await makeUser(t.db, buyer.id, 'legal', { email: 'legal@notice-bank.example.test' });
  engagementId = await makeEngagement(t.db, buyer.id, provider.id);
  const doc = await makeDocument(t.db, t.deps.storage, provider.id, { kind: 'certificate' });
  await shareDocument(t.db, engagementId, doc);
  await makeCertificate(t.db, provider.id, doc, { certificate_number: 'IS 42', legal_entity: 'Notice BPO', issue_date: '2024-01-01', expiry_date: '2027-01-31' });
});
afterAll(() => t.close());

const mailsSince = (n: number) => t.outbox().slice(n).map(decodeEml);

describe('buyer notices', () => {
  test('when a shared certificate enters 90, 30 and 7 days before expiry, then the buyer analysts are told once at each step (not legal)', async () => {
    let n = t.outbox().length;
    expect(await sendNotices(t.deps, new Date('2026-10-01T06:00:00Z'))).toBe(0);
    expect(await sendNotices(t.deps, new Date('2026-11-05T06:00:00Z'))).toBe(1);
    const first = mailsSince(n);
    expect(first).toHaveLength(1);
    expect(first[0]).toContain('To: risk@notice-bank.example.test');
    expect(first[0]).toContain('expires on 2027-01-31 (in 87 days)');
    expect(await sendNotices(t.deps, new Date('2026-11-06T06:00:00Z'))).toBe(0);
    n = t.outbox().length;
    expect(await sendNotices(t.deps, new Date('2027-01-02T06:00:00Z'))).toBe(1);
    expect(await sendNotices(t.deps, new Date('2027-01-25T06:00:00Z'))).toBe(1);
    expect(mailsSince(n)).toHaveLength(2);
    expect(await sendNotices(t.deps, new Date('2027-02-01T06:00:00Z'))).toBe(0);
  });

  test('when a planned remediation passes its due date, then the buyer is told once', async () => {
    await t.db
      .insertInto('findings')
      .values({ engagement_id: engagementId, key: 'SOA_MISSING', code: 'SOA_MISSING', severity: 'high', title: 'No SoA shared', explanation: 'x', status: 'remediation_planned', remediation_owner: 'Ops', remediation_due: '2026-12-01', remediation_plan: 'Share the SoA' })
      .execute();
    const n = t.outbox().length;
    expect(await sendNotices(t.deps, new Date('2026-11-30T06:00:00Z'))).toBe(0);
    expect(await sendNotices(t.deps, new Date('2026-12-02T06:00:00Z'))).toBe(1);
    expect(mailsSince(n)[0]).toContain('was due on 2026-12-01');
    expect(await sendNotices(t.deps, new Date('2026-12-03T06:00:00Z'))).toBe(0);
  });
});
