import { answerSaveResult, threadCommentDto } from '../../shared/schemas/assessment';
import { createTestContext, type TestContext } from '../helpers/context';
import { signedIn, type Client } from '../helpers/agent';
import { tableDigest } from '../helpers/digest';
import { decodeEml } from '../helpers/mail';
import { makeEngagement, makeOrganization, makeUser } from '../helpers/factories';
import { smallTemplate } from '../helpers/template-fixture';

let t: TestContext;
let analyst: Client;
let legal: Client;
let provider: Client;
let contributor: Client;
let strangerProvider: Client;
let engagementId: string;
let templateId: string;
const watched = ['assessments', 'answers', 'answer_comments'];

const inDays = (n: number) => new Date(Date.now() + n * 86400000).toISOString().slice(0, 10);

beforeAll(async () => {
  t = await createTestContext();
  const buyer = await makeOrganization(t.db, 'buyer', 'Northwind Test Bank');
  const prov = await makeOrganization(t.db, 'provider', 'Acme Test BPO');
  analyst = await signedIn(t.app, (await makeUser(t.db, buyer.id, 'analyst')).email);
  legal = await signedIn(t.app, (await makeUser(t.db, buyer.id, 'legal')).email);
  provider = await signedIn(t.app, (await makeUser(t.db, prov.id, 'admin', { email: 'admin@acme-test.example.test' })).email);
  contributor = await signedIn(t.app, (await makeUser(t.db, prov.id, 'contributor', { email: 'agent@acme-test.example.test' })).email);
  const other = await makeOrganization(t.db, 'provider');
  strangerProvider = await signedIn(t.app, (await makeUser(t.db, other.id, 'admin')).email);
  engagementId = await makeEngagement(t.db, buyer.id, prov.id, { name: 'Cebu support' });
  templateId = (await analyst.post('/api/templates').send(smallTemplate).expect(201)).body.template.id;
});
afterAll(() => t.close());

async function newAssessment(dueDate = inDays(14)) {
  const res = await analyst.post(`/api/engagements/${engagementId}/assessments`).send({ templateId, dueDate }).expect(201);
  return res.body.assessment.id as string;
}

const put = (c: Client, id: string, key: string, body: object) => c.put(`/api/assessments/${id}/answers/${key}`).send(body);

describe('the questionnaire workflow', () => {
  let id: string;

  test('when a buyer creates a questionnaire, then it is a draft the provider cannot see yet', async () => {
    id = await newAssessment();
    const res = await analyst.get(`/api/assessments/${id}`).expect(200);
    expect(res.body.assessment).toMatchObject({ status: 'draft', title: 'Delivery centre check — Cebu support', template: { name: 'Delivery centre check', version: 1 }, progress: { answered: 0, total: 6 } });
    expect(res.body.assessment.abilities).toMatchObject({ send: true, answer: false, submit: false, cancel: true });
    await provider.get(`/api/assessments/${id}`).expect(404);
    expect((await provider.get('/api/assessments').expect(200)).body.assessments).toEqual([]);
  });

  test('when the due date is in the past or the template is not the buyer\'s, then 400 names the field and nothing is created', async () => {
    const before = await tableDigest(t.db, watched);
    const past = await analyst.post(`/api/engagements/${engagementId}/assessments`).send({ templateId, dueDate: inDays(-1) }).expect(400);
    expect(past.body.error.details.fields[0].path).toBe('dueDate');
    const bogus = await analyst.post(`/api/engagements/${engagementId}/assessments`).send({ templateId: '00000000-0000-4000-8000-000000000000', dueDate: inDays(3) }).expect(400);
    expect(bogus.body.error.details.fields[0].path).toBe('templateId');
    const impossible = await analyst.post(`/api/engagements/${engagementId}/assessments`).send({ templateId, dueDate: '2027-02-30' }).expect(400);
    expect(impossible.body.error.details.fields[0]).toEqual({ path: 'dueDate', message: 'is not a real calendar date' });
    await legal.post(`/api/engagements/${engagementId}/assessments`).send({ templateId, dueDate: inDays(3) }).expect(403);
    expect(await tableDigest(t.db, watched)).toBe(before);
  });

  test('when the buyer sends it, then every provider user is emailed and it appears in their inbox', async () => {
    const mails = t.outbox().length;
    const res = await analyst.post(`/api/assessments/${id}/send`).expect(200);
    expect(res.body.assessment.status).toBe('sent');
    const sent = t.outbox().slice(mails).map(decodeEml);
    expect(sent.some((m) => m.includes('To: admin@acme-test.example.test'))).toBe(true);
    expect(sent.some((m) => m.includes('To: agent@acme-test.example.test'))).toBe(true);
    expect(sent[0]).toContain(`/assessments/${id}`);
    expect(sent[0]!.replace(/\s+/g, ' ')).toContain('Answers you submitted to other customers are proposed');
    expect(sent[0]!.replace(/\s+/g, ' ')).toContain('Rejected answers are never proposed');
    const inbox = await contributor.get('/api/assessments').expect(200);
    expect(inbox.body.assessments.map((a: { id: string }) => a.id)).toEqual([id]);
    await analyst.post(`/api/assessments/${id}/send`).expect(409);
  });

  test.each([
    ['a value of the wrong type', 'screening', { value: 42 }, 'value'],
    ['an unknown option', 'training-frequency', { value: 'monthly' }, 'value'],
    ['n.a. without justification', 'screening', { value: 'na' }, 'comment'],
    ['n.a. where it is not allowed', 'remote-allowed', { value: 'na', comment: 'not relevant' }, 'value'],
    ['an impossible date', 'last-review', { value: '2026-02-30' }, 'value'],
    ['a question hidden by its condition', 'remote-controls', { value: ['vdi'] }, 'questionKey'],
    ['an unknown field', 'screening', { value: 'yes', score: 1 }, 'score'],
  ])('when the provider sends %s, then 400 names %s and nothing changes', async (_what, key, body, field) => {
    const before = await tableDigest(t.db, watched);
    const res = await put(provider, id, key, body).expect(400);
    expect(res.body.error.details.fields.map((f: { path: string }) => f.path)).toContain(field);
    expect(await tableDigest(t.db, watched)).toBe(before);
  });

  test('when the question does not exist, then 404', async () => {
    await put(provider, id, 'no-such-question', { value: 'yes' }).expect(404);
  });

  test('when the provider answers, then the progress moves, conditional questions appear, and the questionnaire is in progress', async () => {
    let res = await put(provider, id, 'screening', { value: 'yes', comment: 'Checks by First Advantage' }).expect(200);
    expect(res.body).toMatchObject({ status: 'in_progress', progress: { answered: 1, total: 6 }, answer: { questionKey: 'screening', value: 'yes', reused: false } });
    // The shared schema is the client's type: it holds every field sent, no more, no fewer (parsing drops unknown ones).
    expect(answerSaveResult.parse(res.body)).toEqual(res.body);
    expect(res.body.visibleQuestionKeys).not.toContain('remote-controls');
    res = await put(contributor, id, 'remote-allowed', { value: 'yes' }).expect(200);
    expect(res.body.visibleQuestionKeys).toContain('remote-controls');
    expect(res.body.progress).toEqual({ answered: 2, total: 7 });
    await put(provider, id, 'remote-controls', { value: ['vdi', 'camera'] }).expect(200);
    await put(provider, id, 'training-frequency', { value: 'onboarding' }).expect(200);
    await put(provider, id, 'last-review', { value: '2026-03-01' }).expect(200);
    res = await put(provider, id, 'home-workers', { value: 120 }).expect(200);
    expect(res.body.progress).toEqual({ answered: 6, total: 7 });
  });

  test('when the buyer looks before submission, then it sees the progress but not the working answers', async () => {
    const res = await analyst.get(`/api/assessments/${id}`).expect(200);
    expect(res.body.assessment.progress).toEqual({ answered: 6, total: 7 });
    expect(res.body.assessment.answers).toEqual([]);
    await analyst.put(`/api/assessments/${id}/answers/screening`).send({ value: 'no' }).expect(403);
  });

  test('when the provider submits with a question unanswered, then 409 lists it', async () => {
    const res = await provider.post(`/api/assessments/${id}/submit`).expect(409);
    expect(res.body.error.details.unanswered).toEqual(['notes']);
  });

  test('when every shown question is answered, then it submits, the buyer is told, and answers can no longer change', async () => {
    await put(provider, id, 'notes', { value: 'Two sites share one SOC.' }).expect(200);
    const mails = t.outbox().length;
    const res = await provider.post(`/api/assessments/${id}/submit`).expect(200);
    expect(res.body.assessment.status).toBe('submitted');
    expect(t.outbox().length).toBeGreaterThan(mails);
    const before = await tableDigest(t.db, watched);
    const late = await put(provider, id, 'screening', { value: 'no' }).expect(409);
    expect(late.body.error.code).toBe('INVALID_STATE');
    expect(await tableDigest(t.db, watched)).toBe(before);
    await provider.post(`/api/assessments/${id}/complete`).expect(403);
  });

  test('when the buyer reviews, then verdicts and comments are visible to both sides', async () => {
    await analyst.put(`/api/assessments/${id}/answers/screening/review`).send({ verdict: 'accepted' }).expect(200);
    const noReason = await analyst.put(`/api/assessments/${id}/answers/training-frequency/review`).send({ verdict: 'rejected' }).expect(400);
    expect(noReason.body.error.details.fields[0].path).toBe('comment');
    await analyst.put(`/api/assessments/${id}/answers/training-frequency/review`).send({ verdict: 'clarification_requested', comment: 'Onboarding only is not enough: is there a refresher?' }).expect(200);
    const posted = await provider.post(`/api/assessments/${id}/answers/training-frequency/comments`).send({ body: 'A yearly refresher starts in January.' }).expect(201);
    expect(threadCommentDto.parse(posted.body.comment)).toEqual(posted.body.comment);
    await legal.post(`/api/assessments/${id}/answers/training-frequency/comments`).send({ body: 'Please put the date in the contract.' }).expect(201);
    await provider.put(`/api/assessments/${id}/answers/screening/review`).send({ verdict: 'accepted' }).expect(403);

    const seen = (await provider.get(`/api/assessments/${id}`).expect(200)).body.assessment;
    const answer = seen.answers.find((a: { questionKey: string }) => a.questionKey === 'training-frequency');
    expect(answer.review.verdict).toBe('clarification_requested');
    expect(seen.comments.map((c: { side: string; body: string }) => [c.side, c.body])).toEqual([
      ['buyer', 'Onboarding only is not enough: is there a refresher?'],
      ['provider', 'A yearly refresher starts in January.'],
      ['buyer', 'Please put the date in the contract.'],
    ]);
  });

  test('when the buyer returns it, then the provider can change answers (clearing that verdict), resubmit, and only the buyer completes', async () => {
    const res = await analyst.post(`/api/assessments/${id}/return`).send({ message: 'Please update the training answer.' }).expect(200);
    expect(res.body.assessment).toMatchObject({ status: 'returned', returnMessage: 'Please update the training answer.' });
    const changed = await put(provider, id, 'training-frequency', { value: 'yearly' }).expect(200);
    expect(changed.body.status).toBe('in_progress');
    expect(changed.body.answer.review).toBeNull();
    const kept = (await provider.get(`/api/assessments/${id}`)).body.assessment.answers.find((a: { questionKey: string }) => a.questionKey === 'screening');
    expect(kept.review.verdict).toBe('accepted');
    await provider.post(`/api/assessments/${id}/submit`).expect(200);
    await contributor.post(`/api/assessments/${id}/complete`).expect(403);
    const done = await analyst.post(`/api/assessments/${id}/complete`).expect(200);
    expect(done.body.assessment.status).toBe('completed');
    await analyst.post(`/api/assessments/${id}/cancel`).expect(409);
  });

  test('when the template changes after sending, then the sent questionnaire keeps its snapshot', async () => {
    const edited = { ...smallTemplate, name: 'Delivery centre check v2', sections: [smallTemplate.sections[0]] };
    const res = await analyst.put(`/api/templates/${templateId}`).send(edited).expect(200);
    expect(res.body.template.version).toBe(2);
    const a = (await analyst.get(`/api/assessments/${id}`).expect(200)).body.assessment;
    expect(a.template).toEqual({ name: 'Delivery centre check', version: 1 });
    expect(a.content.sections).toHaveLength(2);
    await analyst.put(`/api/templates/${templateId}`).send(smallTemplate).expect(200);
  });

  test('when another provider asks for the questionnaire, then 404', async () => {
    await strangerProvider.get(`/api/assessments/${id}`).expect(404);
    await put(strangerProvider, id, 'screening', { value: 'yes' }).expect(404);
  });
});

describe('answer once, reuse everywhere', () => {
  test('when a provider gets a new questionnaire, then its accepted answers to the same controls are proposed, with their question and status but not the buyer, and nothing is filled until it accepts', async () => {
    const secondBuyer = await makeOrganization(t.db, 'buyer', 'Southwind Insurance');
    const secondAnalyst = await signedIn(t.app, (await makeUser(t.db, secondBuyer.id, 'analyst')).email);
    const provOrg = (await t.db.selectFrom('organizations').select('id').where('name', '=', 'Acme Test BPO').executeTakeFirstOrThrow()).id;
    const engagement = await makeEngagement(t.db, secondBuyer.id, provOrg);
    const other = {
      name: 'Southwind vendor questionnaire',
      sections: [
        {
          key: 's1',
          title: 'HR security',
          questions: [
            { key: 'bg-checks', text: 'Do you screen staff before hiring?', answerType: 'yes_no', controlIds: ['6.1', '6.2'] },
            { key: 'awareness', text: 'Describe your awareness programme', answerType: 'text', controlIds: ['6.3'] },
          ],
        },
      ],
    };
    const tid = (await secondAnalyst.post('/api/templates').send(other).expect(201)).body.template.id;
    const aid = (await secondAnalyst.post(`/api/engagements/${engagement}/assessments`).send({ templateId: tid, dueDate: inDays(10) }).expect(201)).body.assessment.id;
    await secondAnalyst.post(`/api/assessments/${aid}/send`).expect(200);

    const res = await provider.get(`/api/assessments/${aid}/suggestions`).expect(200);
    expect(res.body.suggestions).toHaveLength(1);
    expect(res.body.suggestions[0]).toMatchObject({
      questionKey: 'bg-checks',
      value: 'yes',
      comment: 'Checks by First Advantage',
      sharedControlIds: ['6.1'],
      source: { questionText: expect.stringContaining('background-checked'), status: 'accepted', statusAt: expect.any(String) },
    });
    expect(JSON.stringify(res.body)).not.toMatch(/Northwind|Cebu support/);
    expect((await provider.get(`/api/assessments/${aid}`)).body.assessment.answers).toEqual([]);

    await strangerProvider.get(`/api/assessments/${aid}/suggestions`).expect(404);
    await secondAnalyst.get(`/api/assessments/${aid}/suggestions`).expect(403);

    const bogus = await provider.post(`/api/assessments/${aid}/answers/awareness/reuse`).send({ sourceAnswerId: res.body.suggestions[0].sourceAnswerId }).expect(400);
    expect(bogus.body.error.details.fields[0].path).toBe('sourceAnswerId');
    const reused = await provider.post(`/api/assessments/${aid}/answers/bg-checks/reuse`).send({ sourceAnswerId: res.body.suggestions[0].sourceAnswerId }).expect(200);
    expect(reused.body.answer).toMatchObject({ value: 'yes', reused: true });
    expect(answerSaveResult.parse(reused.body)).toEqual(reused.body);
    expect((await provider.get(`/api/assessments/${aid}/suggestions`)).body.suggestions).toEqual([]);
  });

  test('when a provider submitted answers to buyer A, then buyer B\'s questionnaire proposes them by status (accepted first, never rejected, never a draft or an answer back with the provider), and buyer B learns nothing of buyer A', async () => {
    const prov = await makeOrganization(t.db, 'provider', 'Reuse Provider Ltd');
    const me = await signedIn(t.app, (await makeUser(t.db, prov.id, 'admin')).email);
    const buyerA = await makeOrganization(t.db, 'buyer', 'Alpha Reuse Bank');
    const alpha = await signedIn(t.app, (await makeUser(t.db, buyerA.id, 'analyst')).email);
    const buyerB = await makeOrganization(t.db, 'buyer', 'Beta Reuse Insurance');
    const beta = await signedIn(t.app, (await makeUser(t.db, buyerB.id, 'analyst')).email);
    const yesNo = (key: string, control: string) => ({ key, text: `Alpha asks ${key}?`, answerType: 'yes_no', controlIds: [control] });
    const template = (name: string, questions: object[]) => ({ name, sections: [{ key: 's', title: 'S', questions }] });
    const send = async (buyer: Client, orgId: string, content: object) => {
      const engagement = await makeEngagement(t.db, orgId, prov.id);
      const tid = (await buyer.post('/api/templates').send(content).expect(201)).body.template.id;
      const aid = (await buyer.post(`/api/engagements/${engagement}/assessments`).send({ templateId: tid, dueDate: inDays(10) }).expect(201)).body.assessment.id as string;
      await buyer.post(`/api/assessments/${aid}/send`).expect(200);
      return aid;
    };

    const a1 = await send(alpha, buyerA.id, template('Alpha main', [yesNo('q-sub', '5.1'), yesNo('q-rej', '5.2'), yesNo('q-acc', '5.3'), yesNo('q-chg', '5.5')]));
    for (const key of ['q-sub', 'q-rej', 'q-acc', 'q-chg']) await put(me, a1, key, { value: 'yes', comment: `alpha ${key}` }).expect(200);
    await me.post(`/api/assessments/${a1}/submit`).expect(200);
    await alpha.put(`/api/assessments/${a1}/answers/q-rej/review`).send({ verdict: 'rejected', comment: 'Alpha secret: not credible' }).expect(200);
    await alpha.put(`/api/assessments/${a1}/answers/q-acc/review`).send({ verdict: 'accepted' }).expect(200);
    await alpha.put(`/api/assessments/${a1}/answers/q-chg/review`).send({ verdict: 'clarification_requested', comment: 'Alpha secret: which sites?' }).expect(200);
    // A newer answer on the accepted one's control, submitted but not reviewed: the accepted one still ranks first.
    const a2 = await send(alpha, buyerA.id, template('Alpha follow-up', [yesNo('q-newer', '5.3')]));
    await put(me, a2, 'q-newer', { value: 'no', comment: 'alpha newer' }).expect(200);
    await me.post(`/api/assessments/${a2}/submit`).expect(200);
    // A working answer never submitted is not proposed.
    const a3 = await send(alpha, buyerA.id, template('Alpha draft', [yesNo('q-draft', '5.4')]));
    await put(me, a3, 'q-draft', { value: 'yes', comment: 'alpha draft' }).expect(200);

    // Nor one changed after its questionnaire came back, until it is submitted again.
    const a4 = await send(alpha, buyerA.id, template('Alpha returned', [yesNo('q-back', '5.6')]));
    await put(me, a4, 'q-back', { value: 'yes', comment: 'alpha as submitted' }).expect(200);
    await me.post(`/api/assessments/${a4}/submit`).expect(200);
    await alpha.post(`/api/assessments/${a4}/return`).send({}).expect(200);
    await put(me, a4, 'q-back', { value: 'no', comment: 'alpha rewriting' }).expect(200);

    const b = await send(beta, buyerB.id, template('Beta review', [yesNo('b-sub', '5.1'), yesNo('b-rej', '5.2'), yesNo('b-acc', '5.3'), yesNo('b-draft', '5.4'), yesNo('b-chg', '5.5'), yesNo('b-back', '5.6')]));
    const res = await me.get(`/api/assessments/${b}/suggestions`).expect(200);
    const byKey: Record<string, { sourceAnswerId: string; source: { statusAt: string } }> = Object.fromEntries((res.body.suggestions as { questionKey: string; sourceAnswerId: string; source: { statusAt: string } }[]).map((x) => [x.questionKey, x]));
    expect(Object.keys(byKey).sort()).toEqual(['b-acc', 'b-chg', 'b-sub']);
    expect(byKey['b-sub']).toMatchObject({ value: 'yes', comment: 'alpha q-sub', source: { status: 'submitted', questionText: 'Alpha asks q-sub?' } });
    expect(byKey['b-acc']).toMatchObject({ value: 'yes', comment: 'alpha q-acc', source: { status: 'accepted' } });
    expect(byKey['b-chg']).toMatchObject({ comment: 'alpha q-chg', source: { status: 'changes_requested' } });
    for (const s of Object.values(byKey)) expect(Number.isNaN(Date.parse(s.source.statusAt))).toBe(false);
    expect(JSON.stringify(res.body)).not.toMatch(/Alpha Reuse Bank|Alpha main|Alpha secret/);

    // The reuse of a not-yet-reviewed answer is accepted, marked and audited as before.
    const reused = await me.post(`/api/assessments/${b}/answers/b-sub/reuse`).send({ sourceAnswerId: byKey['b-sub']!.sourceAnswerId }).expect(200);
    expect(reused.body.answer).toMatchObject({ value: 'yes', comment: 'alpha q-sub', reused: true, review: null });
    const audit = await t.db.selectFrom('audit_events').select('details').where('action', '=', 'answer.reused').where('target_id', '=', b).execute();
    expect(audit).toEqual([{ details: { questionKey: 'b-sub', sourceAnswerId: byKey['b-sub']!.sourceAnswerId } }]);
    const rejected = (await t.db.selectFrom('answers').select('id').where('assessment_id', '=', a1).where('question_key', '=', 'q-rej').executeTakeFirstOrThrow()).id;
    const refused = await me.post(`/api/assessments/${b}/answers/b-rej/reuse`).send({ sourceAnswerId: rejected }).expect(400);
    expect(refused.body.error.details.fields[0].path).toBe('sourceAnswerId');

    // Buyer B: no suggestions, no way into buyer A's questionnaires, and its own view names nothing of A.
    await beta.get(`/api/assessments/${b}/suggestions`).expect(403);
    for (const aid of [a1, a2, a3]) await beta.get(`/api/assessments/${aid}`).expect(404);
    for (const key of ['b-acc', 'b-chg', 'b-draft', 'b-rej', 'b-back']) await put(me, b, key, { value: 'yes', comment: 'beta own' }).expect(200);
    await me.post(`/api/assessments/${b}/submit`).expect(200);
    const seen = JSON.stringify((await beta.get(`/api/assessments/${b}`).expect(200)).body);
    expect(seen).toContain('alpha q-sub');
    expect(seen).not.toMatch(/Alpha Reuse Bank|Alpha main|Alpha secret|alpha q-rej|alpha q-acc|alpha q-chg|alpha newer|alpha draft|alpha rewriting|alpha as submitted/);
  });
});

describe('response schemas', () => {
  test('when the OpenAPI document is read, then saving, reusing, commenting and importing answers name their shared response schemas', async () => {
    const doc = (await analyst.get('/api/openapi.json').expect(200)).body;
    const ref = (path: string, method: string, status: string) => doc.paths[path][method].responses[status].content['application/json'].schema;
    expect(ref('/api/assessments/{id}/answers/{questionKey}', 'put', '200').$ref).toBe('#/components/schemas/AnswerSaveResult');
    expect(ref('/api/assessments/{id}/answers/{questionKey}/reuse', 'post', '200').$ref).toBe('#/components/schemas/AnswerSaveResult');
    expect(ref('/api/assessments/{id}/answers/{questionKey}/comments', 'post', '201').properties.comment.$ref).toBe('#/components/schemas/ThreadComment');
    expect(ref('/api/assessments/{id}/import', 'post', '200').$ref).toBe('#/components/schemas/AnswerImportResult');
    expect(doc.components.schemas.AnswerSaveResult.required).toEqual(expect.arrayContaining(['answer', 'progress', 'visibleQuestionKeys', 'status']));
  });
});
