import type { ScheduleDto } from '../../shared/schemas/schedule';
import { can } from '../policies';
import type { Actor } from '../policies/actor';
import { scheduleSubject } from '../policies/schedule';
import type { ScheduleClauseRow, ScheduleRow } from '../repositories/schedule';

/** Row → DTO, with the actions the actor may take on it now. */
export function presentSchedule(actor: Actor, s: ScheduleRow, clauses: readonly ScheduleClauseRow[]): ScheduleDto {
  const subject = scheduleSubject(s);
  return {
    id: s.id,
    engagement: { id: s.engagement_id, name: s.engagement_name },
    title: s.title,
    status: s.status,
    variables: s.variables,
    score: s.score,
    findings: s.findings,
    clauses: clauses.map((c) => ({ key: c.clause_key, title: c.title, text: c.text, reasons: c.reasons, missing: c.missing, included: c.included })),
    createdAt: s.created_at.toISOString(),
    finalizedAt: s.finalized_at?.toISOString() ?? null,
    sharedAt: s.shared_at?.toISOString() ?? null,
    abilities: { edit: can(actor, 'schedule.edit', subject), finalize: can(actor, 'schedule.finalize', subject), share: can(actor, 'schedule.share', subject) },
  };
}
