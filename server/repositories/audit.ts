import type { Kysely } from 'kysely';
import type { DB } from '../db/types';
import type { Actor } from '../policies/actor';

/** Who made the request, for the audit trail. */
export interface RequestOrigin {
  ip: string | null;
  requestId: string | null;
  actorUserId: string | null;
  actorEmail: string | null;
}

export interface AuditInput {
  action: string;
  organizationId: string | null;
  targetType?: string;
  targetId?: string;
  details?: Record<string, unknown>;
}

/** Appends one audit event; call it inside the transaction that made the change. */
export async function recordAudit(db: Kysely<DB>, origin: RequestOrigin, event: AuditInput): Promise<void> {
  await db
    .insertInto('audit_events')
    .values({
      action: event.action,
      organization_id: event.organizationId,
      actor_user_id: origin.actorUserId,
      actor_email: origin.actorEmail,
      target_type: event.targetType ?? null,
      target_id: event.targetId ?? null,
      ip: origin.ip,
      request_id: origin.requestId,
      details: JSON.stringify(event.details ?? {}),
    })
    .execute();
}

/** The actor's organization's audit trail, newest first. */
export async function listAuditEvents(db: Kysely<DB>, actor: Actor, { limit, offset, action }: { limit: number; offset: number; action?: string }) {
  let q = db.selectFrom('audit_events').where('organization_id', '=', actor.organizationId);
  if (action) q = q.where('action', '=', action);
  const [rows, total] = await Promise.all([
    q.selectAll().orderBy('id', 'desc').limit(limit).offset(offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}
