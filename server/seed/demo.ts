import type { Role } from '../../shared/roles';
import { hashPassword } from '../auth/password';
import type { Deps } from '../deps';
import { recordAudit } from '../repositories/audit';
import { insertOrganization } from '../repositories/organization';
import { insertUser } from '../repositories/user';

export const DEMO_PASSWORD = 'demo-password';

export const demoLogins: { email: string; role: Role; organization: string; name: string }[] = [
  { email: 'admin@northwind.demo.test', role: 'admin', organization: 'Northwind Bank', name: 'Nadia Okafor' },
  { email: 'analyst@northwind.demo.test', role: 'analyst', organization: 'Northwind Bank', name: 'Arjun Mehta' },
  { email: 'legal@northwind.demo.test', role: 'legal', organization: 'Northwind Bank', name: 'Lena Fischer' },
  { email: 'admin@acme.demo.test', role: 'admin', organization: 'Acme BPO', name: 'Maria Santos' },
];

/**
 * Seeds the demo: buyer Northwind Bank and provider Acme BPO with their
 * users. The caller checks the database is empty first; everything is
 * written in one transaction.
 */
export async function seedDemo(deps: Deps): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const origin = { ip: null, requestId: null, actorUserId: null, actorEmail: null };
  await deps.db.transaction().execute(async (trx) => {
    const northwind = await insertOrganization(trx, { kind: 'buyer', name: 'Northwind Bank', aliases: ['Northwind Bank plc'] });
    const acme = await insertOrganization(trx, { kind: 'provider', name: 'Acme BPO', aliases: ['Acme BPO Philippines, Inc.', 'Acme Business Process Outsourcing'] });
    const orgs = { 'Northwind Bank': northwind, 'Acme BPO': acme } as const;
    for (const login of demoLogins) {
      const org = orgs[login.organization as keyof typeof orgs];
      const user = await insertUser(trx, { organizationId: org.id, email: login.email, name: login.name, role: login.role, passwordHash });
      await recordAudit(trx, origin, { action: 'user.created', organizationId: org.id, targetType: 'user', targetId: user.id, details: { email: login.email, role: login.role, source: 'demo seed' } });
    }
  });
}
