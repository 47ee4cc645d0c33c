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
