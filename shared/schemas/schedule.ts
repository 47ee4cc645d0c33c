import { z } from 'zod';
import { id, text } from './common';

const clauseKey = z.string().min(1).max(80).regex(/^[a-z0-9-]+$/, { message: 'is not a clause key' });

/** `POST /api/engagements/:id/security-schedules`: values for clause variables the engagement cannot give (notification hours, data locations…). */
export const createScheduleBody = z
  .strictObject({
    title: text(200, { min: 1 }).optional(),
    variables: z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9]*$/, { message: 'is not a variable name' }), text(1000)).default({}),
  })
  .meta({ id: 'CreateScheduleRequest' });

/** Deselect or add clauses of a draft schedule. */
export const updateScheduleBody = z
  .strictObject({ include: z.array(clauseKey).max(100).default([]), exclude: z.array(clauseKey).max(100).default([]) })
  .refine((b) => b.include.length + b.exclude.length > 0, { message: 'give clauses to include or exclude', path: ['include'] })
  .meta({ id: 'UpdateScheduleRequest' });

export const scheduleDto = z
  .object({
    id,
    engagement: z.object({ id, name: z.string() }),
    title: z.string(),
    status: z.enum(['draft', 'final']),
    variables: z.record(z.string(), z.string()),
    score: z.object({ overall: z.number(), rating: z.string(), residualRisk: z.string() }).nullable(),
    findings: z.array(z.object({ code: z.string(), severity: z.string(), title: z.string(), dueDate: z.string().nullable() })),
    clauses: z.array(z.object({ key: z.string(), title: z.string(), text: z.string(), reasons: z.array(z.string()), missing: z.array(z.string()), included: z.boolean() })),
    createdAt: z.string(),
    finalizedAt: z.string().nullable(),
    /** When the buyer shared the final schedule with the provider. */
    sharedAt: z.string().nullable(),
    abilities: z.object({ edit: z.boolean(), finalize: z.boolean(), share: z.boolean() }),
  })
  .meta({ id: 'SecuritySchedule' });
export type ScheduleDto = z.infer<typeof scheduleDto>;
