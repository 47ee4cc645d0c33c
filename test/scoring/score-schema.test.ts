import type { z } from 'zod';
import { scoreResponse, scoreResultDto } from '../../shared/schemas/score';
import type { ScoreResult } from '../../shared/scoring/score';
import { createTestContext, type TestContext } from '../helpers/context';
import { signedIn, type Client } from '../helpers/agent';
import { completeSmallAnswers, makeAssessment, makeEngagement, makeOrganization, makeTemplate, makeUser } from '../helpers/factories';

/** true only when A and B are assignable both ways (the tuple stops distribution over unions). */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
// Compile time: the schema the API documents and the client reads is exactly the scoring's own type.
const sameType: Same<z.infer<typeof scoreResultDto>, ScoreResult> = true;

let t: TestContext;
let analyst: Client;
let ids: { engagementId: string; buyerOrgId: string; providerOrgId: string; templateVersionId: string };

beforeAll(async () => {
  t = await createTestContext();
  const b = await makeOrganization(t.db, 'buyer');
  const p = await makeOrganization(t.db, 'provider');
  analyst = await signedIn(t.app, (await makeUser(t.db, b.id, 'analyst')).email);
  ids = { engagementId: await makeEngagement(t.db, b.id, p.id), buyerOrgId: b.id, providerOrgId: p.id, templateVersionId: (await makeTemplate(t.db, b.id)).versionId };
});
afterAll(() => t.close());

/** The live score of a freshly submitted questionnaire, as the API sends it. */
async function liveScore() {
  const id = await makeAssessment(t.db, ids, 'submitted', { ...completeSmallAnswers, 'training-frequency': { value: 'onboarding' } });
  return (await analyst.get(`/api/assessments/${id}/score`).expect(200)).body;
}

describe('the score schema (shared/schemas/score.ts)', () => {
  test('when the live score is parsed with the schema, then it fits', async () => {
    expect(sameType).toBe(true);
    const body = await liveScore();
    expect(() => scoreResponse.parse(body)).not.toThrow();
    expect(scoreResponse.parse(body)).toEqual(body);
  });

  test('when a field is added or renamed anywhere in the score, then the schema refuses it', async () => {
    const body = await liveScore();
    const changed = (edit: (s: Record<string, any>) => void) => {
      const copy = structuredClone(body);
      edit(copy.score);
      return scoreResponse.safeParse(copy).success;
    };
    expect(changed((s) => (s.extra = 1))).toBe(false);
    expect(changed((s) => ((s.coverage.requiredNotAskedIds = s.coverage.requiredNotAsked), delete s.coverage.requiredNotAsked))).toBe(false);
    expect(changed((s) => ((s.controls[0].isAsked = s.controls[0].asked), delete s.controls[0].asked))).toBe(false);
    expect(changed((s) => (s.controls.find((c: { questions: unknown[] }) => c.questions.length).questions[0].note = ''))).toBe(false);
    expect(changed((s) => (s.themes[0].label = s.themes[0].theme))).toBe(false);
    expect(changed((s) => (s.rating = 'E'))).toBe(false);
  });

  test('when the OpenAPI document is read, then the score endpoint names its typed schema', async () => {
    const doc = (await analyst.get('/api/openapi.json').expect(200)).body;
    const schema = doc.paths['/api/assessments/{id}/score'].get.responses['200'].content['application/json'].schema;
    expect(schema.properties.score.$ref).toBe('#/components/schemas/ScoreResult');
    const score = doc.components.schemas.ScoreResult;
    expect(score.additionalProperties).toBe(false);
    expect(Object.keys(score.properties.coverage.properties).sort()).toEqual(['answered', 'applicable', 'asked', 'catalog', 'ratio', 'requiredNotAsked']);
    expect(doc.components.schemas.ControlScore.required).toEqual(expect.arrayContaining(['asked', 'required']));
  });
});
