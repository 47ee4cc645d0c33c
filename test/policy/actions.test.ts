import fs from 'node:fs';
import path from 'node:path';
import { authorize, can } from '../../server/policies';
import type { Actor } from '../../server/policies/actor';
import { buyerManagerRoles, type OrganizationKind, type Role } from '../../shared/roles';

const actor = (organizationKind: OrganizationKind, role: Role): Actor => ({ userId: 'u', email: 'u@example.test', name: 'U', role, organizationId: 'o', organizationKind, organizationName: 'O' });
const people = { buyerAdmin: actor('buyer', 'admin'), buyerAnalyst: actor('buyer', 'analyst'), buyerLegal: actor('buyer', 'legal'), providerAdmin: actor('provider', 'admin'), providerContributor: actor('provider', 'contributor') };
const allowed = (check: (a: Actor) => boolean) => Object.entries(people).filter(([, a]) => check(a)).map(([who]) => who);

describe('actions of their own', () => {
  test('when each role asks to edit the scoring weights, then only buyer administrators and analysts may (legal reads only)', () => {
    expect(allowed((a) => can(a, 'scoring.editWeights'))).toEqual(['buyerAdmin', 'buyerAnalyst']);
    expect(() => authorize(people.buyerLegal, 'scoring.editWeights')).toThrow(/scoring profile/);
  });

  test('when each role asks to record an SoA, then the provider administrators and contributors may, refused in words about SoAs', () => {
    expect(allowed((a) => can(a, 'soa.create'))).toEqual(['providerAdmin', 'providerContributor']);
    expect(() => authorize(people.buyerAdmin, 'soa.create')).toThrow(/SoAs/);
    expect(() => authorize(people.buyerAdmin, 'soa.create')).not.toThrow(/certificates/);
  });
});

describe('role groups', () => {
  const sources = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? (e.name === 'seed' ? [] : sources(path.join(dir, e.name))) : e.name.endsWith('.ts') && e.name !== 'types.ts' ? [path.join(dir, e.name)] : []));

  test('when the server names a role other than admin, then it does so only through the groups in shared/roles.ts (one definition each)', () => {
    const server = path.join(__dirname, '../../server');
    const naming = sources(server).filter((f) => /'(analyst|legal|contributor)'/.test(fs.readFileSync(f, 'utf8')));
    expect(naming.map((f) => path.relative(server, f))).toEqual([]);
  });

  test('when the rules speak of buyer administrators and analysts, then engagements, templates, provider search, directory checks and scoring agree on who they are', () => {
    const managers = Object.entries(people).filter(([, a]) => a.organizationKind === 'buyer' && (buyerManagerRoles as readonly Role[]).includes(a.role)).map(([who]) => who);
    for (const action of ['engagement.create', 'template.create', 'provider.search', 'certificate.verify', 'scoring.editWeights'] as const) expect({ action, who: allowed((a) => can(a, action)) }).toEqual({ action, who: managers });
  });
});
