import fs from 'node:fs';
import path from 'node:path';
import { createTestContext, type TestContext } from '../helpers/context';
import { signedIn, type Client } from '../helpers/agent';
import { makeOrganization, makeUser } from '../helpers/factories';

// The reference facts, read independently of the project's catalog module.
const refControls = JSON.parse(fs.readFileSync(path.join(__dirname, '../../shared/catalog/iso27002-2022.json'), 'utf8')) as {
  id: string;
  attributes: { control_type: string[]; capabilities: string[] };
}[];

let t: TestContext;
let provider: Client;
beforeAll(async () => {
  t = await createTestContext();
  const org = await makeOrganization(t.db, 'provider');
  provider = await signedIn(t.app, (await makeUser(t.db, org.id, 'contributor')).email);
});
afterAll(() => t.close());

const ids = (res: { body: { controls: { id: string }[] } }) => res.body.controls.map((c) => c.id);

describe('GET /api/controls', () => {
  test('when no filter is given, then all 93 controls come back in catalog order with their attributes and 2013 mapping', async () => {
    const res = await provider.get('/api/controls').expect(200);
    expect(res.body.controls).toHaveLength(93);
    expect(ids(res).slice(0, 3)).toEqual(['5.1', '5.2', '5.3']);
    const c515 = res.body.controls.find((c: { id: string }) => c.id === '5.15');
    expect(c515).toMatchObject({ theme: 'Organizational', title: 'Access control', newIn2022: false, attributes: { controlType: ['Preventive'] } });
    expect(c515.iso2013).toEqual(expect.arrayContaining(['A.9.1.1', 'A.9.1.2']));
    expect(res.body.controls.filter((c: { newIn2022: boolean }) => c.newIn2022).map((c: { id: string }) => c.id).sort()).toEqual(
      ['5.7', '5.23', '5.30', '7.4', '8.9', '8.10', '8.11', '8.12', '8.16', '8.23', '8.28'].sort(),
    );
  });

  test('when asking for every preventive control tied to identity, then exactly those come back', async () => {
    const res = await provider.get('/api/controls?controlType=Preventive&capability=Identity_and_access_management').expect(200);
    const expected = refControls
      .filter((c) => c.attributes.control_type.some((x) => x.replace('#', '') === 'Preventive') && c.attributes.capabilities.some((x) => x.replace('#', '') === 'Identity_and_access_management'))
      .map((c) => c.id);
    expect(expected.length).toBeGreaterThan(3);
    expect(ids(res).sort()).toEqual(expected.sort());
  });

  test('when a parameter is repeated, then its values OR together', async () => {
    const res = await provider.get('/api/controls?theme=People&theme=Physical').expect(200);
    expect(res.body.controls).toHaveLength(8 + 14);
  });

  test('when searching by text or by a 2013 id, then matching controls come back', async () => {
    expect(ids(await provider.get('/api/controls?q=threat intelligence').expect(200))).toEqual(['5.7']);
    expect(ids(await provider.get('/api/controls?q=A.9.2.3').expect(200))).toContain('8.2');
  });

  test('when a filter value is not an attribute of the standard, then 400 names the parameter and the allowed values', async () => {
    const res = await provider.get('/api/controls?controlType=Proactive').expect(400);
    expect(res.body.error.details.fields[0]).toMatchObject({ path: 'controlType.0', message: expect.stringContaining('Preventive') });
    await provider.get('/api/controls?colour=red').expect(400);
  });
});
