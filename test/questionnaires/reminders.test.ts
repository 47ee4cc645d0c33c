import { REMINDER_QUEUE, startJobs } from '../../server/jobs/queue';
import { sendDueReminders } from '../../server/jobs/reminders';
import { createTestContext, type TestContext } from '../helpers/context';
import { signedIn, type Client } from '../helpers/agent';
import { decodeEml } from '../helpers/mail';
import { makeEngagement, makeOrganization, makeUser } from '../helpers/factories';
import { smallTemplate } from '../helpers/template-fixture';

let t: TestContext;
let analyst: Client;
let engagementId: string;
let templateId: string;

const day = (offset: number, from = new Date()) => new Date(from.getTime() + offset * 86400000).toISOString().slice(0, 10);

beforeAll(async () => {
  t = await createTestContext();
  const buyer = await makeOrganization(t.db, 'buyer', 'Reminder Bank');
  const prov = await makeOrganization(t.db, 'provider', 'Reminder BPO');
  await makeUser(t.db, prov.id, 'admin', { email: 'ops@reminder-bpo.example.test' });
  analyst = await signedIn(t.app, (await makeUser(t.db, buyer.id, 'analyst')).email);
  engagementId = await makeEngagement(t.db, buyer.id, prov.id);
  templateId = (await analyst.post('/api/templates').send(smallTemplate).expect(201)).body.template.id;
});
afterAll(() => t.close());

async function sentAssessment(dueDate: string) {
  const id = (await analyst.post(`/api/engagements/${engagementId}/assessments`).send({ templateId, dueDate }).expect(201)).body.assessment.id as string;
  await analyst.post(`/api/assessments/${id}/send`).expect(200);
  return id;
}

const remindersOf = (id: string) => t.db.selectFrom('assessment_reminders').select('kind').where('assessment_id', '=', id).orderBy('kind').execute();

describe('due-date reminders', () => {
  test('when a questionnaire is due within three days, then the provider is reminded once, and once more when it is overdue', async () => {
    const due = day(2);
    const id = await sentAssessment(due);
    const far = await sentAssessment(day(20));
    const mails = t.outbox().length;

    expect(await sendDueReminders(t.deps, new Date())).toBeGreaterThanOrEqual(1);
    const reminder = t.outbox().slice(mails).map(decodeEml).find((m) => m.includes(`/assessments/${id}`));
    expect(reminder).toContain('To: ops@reminder-bpo.example.test');
    expect(reminder).toContain(`is due on ${due}`);
    expect(await remindersOf(id)).toEqual([{ kind: 'due_soon' }]);
    expect(await remindersOf(far)).toEqual([]);

    const again = t.outbox().length;
    await sendDueReminders(t.deps, new Date());
    expect(t.outbox().slice(again).some((m) => decodeEml(m).includes(`/assessments/${id}`))).toBe(false);

    const afterDue = new Date(Date.now() + 3 * 86400000);
    await sendDueReminders(t.deps, afterDue);
    expect(await remindersOf(id)).toEqual([{ kind: 'due_soon' }, { kind: 'overdue' }]);
  });

  test('when a questionnaire is still a draft or already cancelled, then nobody is reminded', async () => {
    const draft = (await analyst.post(`/api/engagements/${engagementId}/assessments`).send({ templateId, dueDate: day(1) }).expect(201)).body.assessment.id;
    const cancelled = await sentAssessment(day(1));
    await analyst.post(`/api/assessments/${cancelled}/cancel`).expect(200);
    await sendDueReminders(t.deps, new Date());
    expect(await remindersOf(draft)).toEqual([]);
    expect(await remindersOf(cancelled)).toEqual([]);
  });

  test('when the reminder job is queued in pg-boss, then a worker picks it up and sends the reminder', async () => {
    const id = await sentAssessment(day(1));
    const jobs = await startJobs(t.deps, { pollingIntervalSeconds: 0.5 });
    try {
      await jobs.boss.send(REMINDER_QUEUE, {});
      const deadline = Date.now() + 20000;
      while ((await remindersOf(id)).length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
      expect(await remindersOf(id)).toEqual([{ kind: 'due_soon' }]);
      const schedules = await jobs.boss.getSchedules();
      expect(schedules.map((s: { name: string }) => s.name)).toContain(REMINDER_QUEUE);
    } finally {
      await jobs.stop();
    }
  });
});
