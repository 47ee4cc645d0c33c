import { authorize, can } from '../../server/policies';
import type { Actor } from '../../server/policies/actor';
import type { OrganizationKind, Role } from '../../shared/roles';

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
