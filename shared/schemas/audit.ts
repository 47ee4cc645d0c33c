import { z } from 'zod';
import { pageQuery, text } from './common';

export const auditQuery = z.strictObject({ ...pageQuery, action: text(100).optional() }).meta({ id: 'AuditQuery' });

export const auditEventDto = z
  .object({
    id: z.number(),
    occurredAt: z.string(),
    action: z.string(),
    actorEmail: z.string().nullable(),
    targetType: z.string().nullable(),
    targetId: z.string().nullable(),
    ip: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'AuditEvent' });
export type AuditEventDto = z.infer<typeof auditEventDto>;

export const auditPage = z
  .object({ events: z.array(auditEventDto), total: z.number(), page: z.number(), pageSize: z.number() })
  .meta({ id: 'AuditEventPage' });

export const auditVerification = z
  .object({
    events: z.number().describe('Events in the organization’s chain'),
    firstBrokenAt: z.number().nullable().describe('Sequence number of the first event that does not follow from the one before it; null when the chain holds'),
    problem: z.string().nullable().describe('What is wrong at firstBrokenAt'),
    headSeq: z.number().describe('Sequence number of the last event (0 when there is none)'),
    headHash: z.string().nullable().describe('Hash of the last event: note it to check later that the trail only grew'),
  })
  .meta({ id: 'AuditVerification' });
export type AuditVerification = z.infer<typeof auditVerification>;
