import { rolesFor } from '../../shared/roles';
import type { UpdateUserBody } from '../../shared/schemas/users';
import type { Deps } from '../deps';
import { invalid } from '../errors';
import type { RequestOrigin } from '../repositories/audit';
import type { Actor } from '../policies/actor';
import { recordAudit } from '../repositories/audit';
import { deleteSessionsOf } from '../repositories/session';
import { updateUser, type UserRow } from '../repositories/user';

/** Changes a user's role and/or status; each change is audited. Disabling a user ends their sessions. */
export async function changeUser(deps: Deps, actor: Actor, user: UserRow, body: UpdateUserBody, origin: RequestOrigin): Promise<UserRow> {
  if (body.role && !rolesFor(actor.organizationKind).includes(body.role)) {
    throw invalid([{ path: 'role', message: `must be one of ${rolesFor(actor.organizationKind).join(', ')} in a ${actor.organizationKind} organization` }]);
  }
  const updated = await deps.db.transaction().execute(async (trx) => {
    const updated = await updateUser(trx, actor, user.id, body);
    const base = { organizationId: actor.organizationId, targetType: 'user', targetId: user.id };
    if (body.role && body.role !== user.role) {
      await recordAudit(trx, origin, { ...base, action: 'user.role_changed', details: { from: user.role, to: body.role, email: user.email } });
    }
    if (body.status && body.status !== user.status) {
      await recordAudit(trx, origin, { ...base, action: body.status === 'disabled' ? 'user.disabled' : 'user.enabled', details: { email: user.email } });
      if (body.status === 'disabled') {
        await deleteSessionsOf(trx, user.id);
      }
    }
    return updated;
  });
  // Other servers hear of it through the database; this one forgets at once.
  deps.sessions.forgetUser(user.id);
  return updated;
}
