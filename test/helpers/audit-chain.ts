import crypto from 'node:crypto';

/** One exported (or stored) event, with the time as the database printed it. */
export interface ChainedEvent {
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
  details: unknown;
  prevHash: string | null;
  hash: string;
}

/** JSON with object keys in code point order and no whitespace: the auditor's side of docs/security.md "The audit chain". */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** An event's hash recomputed outside the database, from the documented canonical form. */
export function recomputeHash(e: ChainedEvent): string {
  const text = canonicalJson(['scopewise-audit-v1', e.organizationId, e.seq, e.id, e.occurredAt, e.action, e.targetType, e.targetId, e.actorUserId, e.actorEmail, e.ip, e.requestId, e.details, e.prevHash]);
  return crypto.createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The seq of the first event that does not follow from the one before it, or null when the whole chain holds. */
export function firstBroken(events: readonly ChainedEvent[]): number | null {
  let prev: ChainedEvent | undefined;
  for (const e of events) {
    const expectedSeq = prev ? prev.seq + 1 : 1;
    if (e.seq !== expectedSeq || e.prevHash !== (prev?.hash ?? null) || recomputeHash(e) !== e.hash) return e.seq;
    prev = e;
  }
  return null;
}
