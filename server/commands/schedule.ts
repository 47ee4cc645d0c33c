import type { z } from 'zod';
import { countsAsOpen } from '../../shared/schemas/finding';
import type { createScheduleBody, updateScheduleBody } from '../../shared/schemas/schedule';
import type { Deps } from '../deps';
import { invalid, notFound } from '../errors';
import { refreshEngagement } from '../findings/summary';
import { authorize } from '../policies';
import type { Actor } from '../policies/actor';
import { scheduleSubject } from '../policies/schedule';
import type { RequestOrigin } from '../repositories/audit';
import { ensureLibrary, listClauses } from '../repositories/clause';
import type { EngagementRow } from '../repositories/engagement';
import { listFindings } from '../repositories/finding';
import { findSchedule, insertSchedule, listScheduleClauses, markScheduleFinal, markScheduleShared, setClausesIncluded, type ScheduleRow } from '../repositories/schedule';
import { draftClauses } from '../schedules/generate';
import { runWrite, type Write } from './write';

// A schedule is not one of the facts findings and scores are derived from, so
// no schedule write calls `affects()`: no engagement's derived state moves.

/**
 * Generates a draft schedule for the engagement from its current findings and
 * score (brought up to date first), the buyer's clause library and the given
 * variables; the score and open findings are frozen into it. Returns its id.
 */
export async function generateSchedule(deps: Deps, actor: Actor, e: EngagementRow, body: z.infer<typeof createScheduleBody>, origin: RequestOrigin): Promise<string> {
  const { row } = await refreshEngagement(deps.db, e);
  const today = new Date().toISOString().slice(0, 10);
  const open = (await listFindings(deps.db, actor, e.id)).filter((f) => countsAsOpen(f.status, f.risk_expires, today));
  await ensureLibrary(deps.db, e.buyer_org_id);
  const clauses = draftClauses(await listClauses(deps.db, { organizationId: e.buyer_org_id }), e, open, body.variables);
  return runWrite(deps, origin, async ({ trx, audit }) => {
    const scheduleId = await insertSchedule(trx, actor, {
      engagementId: e.id,
      title: body.title ?? `Information security schedule — ${e.name}`,
      variables: body.variables,
      score: row.overall !== null && row.rating && row.residual_risk ? { overall: row.overall, rating: row.rating, residualRisk: row.residual_risk } : null,
      findings: open.map((f) => ({ code: f.code, severity: f.severity, title: f.title, dueDate: f.remediation_due })),
      clauses,
    });
    await audit({ action: 'schedule.generated', organizationId: actor.organizationId, targetType: 'security_schedule', targetId: scheduleId, details: { engagementId: e.id, clauses: clauses.filter((c) => c.included).length } });
    return scheduleId;
  });
}

/**
 * Locks the schedule for this transaction and checks the action again on what
 * is stored now: of two requests racing on one draft (finalise and edit, or
 * two finalisations), the second sees the first's outcome and is refused.
 */
async function lockFor(trx: Write['trx'], actor: Actor, id: string, action: 'schedule.edit' | 'schedule.finalize' | 'schedule.share'): Promise<ScheduleRow> {
  const s = await findSchedule(trx, actor, id, { lock: true });
  if (!s) throw notFound('Security schedule');
  authorize(actor, action, scheduleSubject(s));
  return s;
}

/** Includes or excludes clauses of a draft; a key that is not one of its clauses is a 400 naming the field. */
export async function editSchedule(deps: Deps, actor: Actor, id: string, body: z.infer<typeof updateScheduleBody>, origin: RequestOrigin): Promise<void> {
  await runWrite(deps, origin, async ({ trx, audit }) => {
    const s = await lockFor(trx, actor, id, 'schedule.edit');
    const known = new Set((await listScheduleClauses(trx, s.id)).map((c) => c.clause_key));
    const named = [...body.include.map((key, i) => ({ key, path: `include.${i}` })), ...body.exclude.map((key, i) => ({ key, path: `exclude.${i}` }))];
    const unknown = named.filter((x) => !known.has(x.key));
    if (unknown.length) throw invalid(unknown.map((x) => ({ path: x.path, message: `"${x.key}" is not a clause of this schedule` })));
    await setClausesIncluded(trx, actor, s.id, body);
    await audit({ action: 'schedule.edited', organizationId: actor.organizationId, targetType: 'security_schedule', targetId: s.id, details: body });
  });
}

/** Finalises a draft: its clauses, score and findings never change afterwards. */
export async function finalizeSchedule(deps: Deps, actor: Actor, id: string, origin: RequestOrigin): Promise<void> {
  await runWrite(deps, origin, async ({ trx, audit }) => {
    const s = await lockFor(trx, actor, id, 'schedule.finalize');
    await markScheduleFinal(trx, actor, s.id, new Date());
    await audit({ action: 'schedule.finalized', organizationId: actor.organizationId, targetType: 'security_schedule', targetId: s.id });
  });
}

/** Shares a final schedule with the engagement's provider, who can then read and download it. */
export async function shareSchedule(deps: Deps, actor: Actor, id: string, origin: RequestOrigin): Promise<void> {
  await runWrite(deps, origin, async ({ trx, audit }) => {
    const s = await lockFor(trx, actor, id, 'schedule.share');
    await markScheduleShared(trx, actor, s.id, new Date());
    await audit({ action: 'schedule.shared', organizationId: actor.organizationId, targetType: 'security_schedule', targetId: s.id });
  });
}
