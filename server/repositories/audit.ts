import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/types';
import type { Actor } from '../policies/actor';

/** Who made the request, for the audit trail. */
export interface RequestOrigin {
  ip: string | null;
  requestId: string | null;
  actorUserId: string | null;
  actorEmail: string | null;
  /** The API token the request came with, if any: every use of a token is attributable. */
  apiTokenId?: string | null;
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
      details: JSON.stringify(origin.apiTokenId ? { ...event.details, apiTokenId: origin.apiTokenId } : (event.details ?? {})),
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

/** Where an organization's chain first fails to follow from the event before it, recomputed in the database from the stored rows. */
export async function verifyAuditChain(db: Kysely<DB>, actor: Actor) {
  const { rows } = await sql<{ events: number; headSeq: number | null; headHash: string | null; sealedSeq: number | null; sealedHash: string | null; brokenSeq: number | null; problem: string | null }>`
    WITH chain AS (
      SELECT seq, hash, prev_hash, audit_event_hash(e) AS recomputed,
        lag(seq) OVER (ORDER BY seq) AS before_seq, lag(hash) OVER (ORDER BY seq) AS before_hash
      FROM audit_events e WHERE organization_id = ${actor.organizationId}
    ),
    broken AS (
      SELECT seq, CASE
          WHEN seq <> coalesce(before_seq, 0) + 1 THEN 'events are missing before this one'
          WHEN prev_hash IS DISTINCT FROM before_hash THEN 'its previous hash is not the hash of the event before it'
          ELSE 'its content does not match its hash'
        END AS problem
      FROM chain
      WHERE seq <> coalesce(before_seq, 0) + 1 OR prev_hash IS DISTINCT FROM before_hash OR hash <> recomputed
      ORDER BY seq LIMIT 1
    ),
    last AS (SELECT seq, hash FROM chain ORDER BY seq DESC LIMIT 1)
    SELECT (SELECT count(*) FROM chain)::int AS events,
      (SELECT seq FROM last) AS "headSeq", (SELECT hash FROM last) AS "headHash",
      h.seq AS "sealedSeq", h.hash AS "sealedHash",
      (SELECT seq FROM broken) AS "brokenSeq", (SELECT problem FROM broken) AS problem
    FROM (SELECT 1) one LEFT JOIN audit_chain_heads h ON h.organization_id = ${actor.organizationId}`.execute(db);
  const r = rows[0]!;
  const headSeq = r.headSeq ?? 0;
  let firstBrokenAt = r.brokenSeq;
  let problem = r.problem;
  // The chain head is written by the sealing trigger only: a chain shorter than it lost its last events.
  if (firstBrokenAt === null && (r.sealedSeq ?? 0) > headSeq) {
    firstBrokenAt = headSeq + 1;
    problem = `events ${headSeq + 1} to ${r.sealedSeq} are missing`;
  } else if (firstBrokenAt === null && r.sealedSeq === headSeq && headSeq > 0 && r.sealedHash !== r.headHash) {
    firstBrokenAt = headSeq;
    problem = 'its hash is not the one it was sealed with';
  }
  return { events: r.events, firstBrokenAt, problem, headSeq, headHash: r.headHash };
}

/** One event as exported: the time as the database prints it and the details in canonical JSON, the very text the hash covers. */
export interface ExportedAuditEvent {
  organizationId: string | null;
  seq: number;
  id: number;
  occurredAt: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  actorUserId: string | null;
  actorEmail: string | null;
  ip: string | null;
  requestId: string | null;
  detailsJson: string;
  prevHash: string | null;
  hash: string;
}

/** The actor's organization's events with seq after `afterSeq` up to `untilSeq`, oldest first, at most `limit`. */
export async function exportAuditEvents(db: Kysely<DB>, actor: Actor, { afterSeq, untilSeq, limit }: { afterSeq: number; untilSeq: number; limit: number }) {
  const { rows } = await sql<ExportedAuditEvent>`
    SELECT organization_id AS "organizationId", seq, id,
      to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "occurredAt",
      action, target_type AS "targetType", target_id AS "targetId", actor_user_id AS "actorUserId", actor_email AS "actorEmail",
      ip, request_id AS "requestId", audit_canonical_json(details) AS "detailsJson", prev_hash AS "prevHash", hash
    FROM audit_events
    WHERE organization_id = ${actor.organizationId} AND seq > ${afterSeq} AND seq <= ${untilSeq}
    ORDER BY seq LIMIT ${limit}`.execute(db);
  return rows;
}
