import type { Selectable } from 'kysely';
import type { AuditEventDto } from '../../shared/schemas/audit';
import type { AuditEvents } from '../db/types';

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
