import type { Selectable } from 'kysely';
import type { AuditEventDto } from '../../shared/schemas/audit';
import type { AuditEvents } from '../db/types';
import type { ExportedAuditEvent } from '../repositories/audit';

/** An audit event as the trail page shows it. */
export function presentAuditEvent(e: Selectable<AuditEvents>): AuditEventDto {
  return {
    id: e.id,
    occurredAt: e.occurred_at.toISOString(),
    action: e.action,
    actorEmail: e.actor_email,
    targetType: e.target_type,
    targetId: e.target_id,
    ip: e.ip,
    details: e.details as Record<string, unknown>,
  };
}

/** How an auditor recomputes the chain from the export; the same text as docs/security.md "The audit chain". */
export const auditExportReadme = [
  'Scopewise audit export: JSON Lines. This first line describes the export; each next line is one event, oldest first.',
  "Each event's hash is the SHA-256 (lowercase hex) of the UTF-8 bytes of its canonical text: the JSON array",
  '["scopewise-audit-v1", organizationId, seq, id, occurredAt, action, targetType, targetId, actorUserId, actorEmail, ip, requestId, details, prevHash]',
  'written without whitespace, object keys sorted by Unicode code point, strings escaped as JavaScript JSON.stringify does, numbers as they appear in this file;',
  'occurredAt is copied as written here (UTC, microseconds). The chain holds when seq runs 1, 2, 3… without gaps, the first prevHash is null,',
  "each next prevHash equals the hash of the event before it, and every hash recomputes. Keep headHash: a later export must contain the same event",
  'with the same hash at headSeq, or the trail was rewritten.',
].join('\n');

/** One event as a JSON Lines line; the details are spliced in as the canonical text the database hashed. */
export function auditExportLine(e: ExportedAuditEvent): string {
  const fields: [string, string][] = [
    ['organizationId', JSON.stringify(e.organizationId)],
    ['seq', JSON.stringify(e.seq)],
    ['id', JSON.stringify(e.id)],
    ['occurredAt', JSON.stringify(e.occurredAt)],
    ['action', JSON.stringify(e.action)],
    ['targetType', JSON.stringify(e.targetType)],
    ['targetId', JSON.stringify(e.targetId)],
    ['actorUserId', JSON.stringify(e.actorUserId)],
    ['actorEmail', JSON.stringify(e.actorEmail)],
    ['ip', JSON.stringify(e.ip)],
    ['requestId', JSON.stringify(e.requestId)],
    ['details', e.detailsJson],
    ['prevHash', JSON.stringify(e.prevHash)],
    ['hash', JSON.stringify(e.hash)],
  ];
  return `{${fields.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`;
}
