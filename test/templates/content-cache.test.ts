import { templateContents } from '../../server/repositories/template';
import { createTestContext, type TestContext } from '../helpers/context';
import { makeOrganization, makeTemplate } from '../helpers/factories';
import { smallTemplate } from '../helpers/template-fixture';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

test('when a template version is read twice, then the second read costs no query and both get the same frozen content', async () => {
  const org = await makeOrganization(t.db, 'buyer');
  const { versionId } = await makeTemplate(t.db, org.id);
  let queries = 0;
  const count = () => queries++;
  t.database.pool.on('acquire', count);
  const first = (await templateContents(t.db, [versionId])).get(versionId)!;
  const second = (await templateContents(t.db, [versionId, versionId])).get(versionId)!;
  t.database.pool.off('acquire', count);
  expect(queries).toBe(1);
  expect(second).toBe(first);
  expect(first.sections[0]!.questions[0]!.key).toBe(smallTemplate.sections[0]!.questions[0]!.key);
  // Shared between requests: nobody may change it.
  expect(() => {
    (first.sections[0]!.questions[0] as { text: string }).text = 'changed';
  }).toThrow(TypeError);
  expect(Object.isFrozen(first.sections)).toBe(true);
});

test('when the database is asked to change a stored template version, then it refuses (which is what makes the cache safe)', async () => {
  const org = await makeOrganization(t.db, 'buyer');
  const { versionId } = await makeTemplate(t.db, org.id);
  await expect(t.db.updateTable('template_versions').set({ name: 'Rewritten' }).where('id', '=', versionId).execute()).rejects.toThrow();
});
