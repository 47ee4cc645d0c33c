import { findingChange } from '../../shared/findings/workflow';
import type { FindingAction } from '../../shared/schemas/finding';
import type { Deps } from '../deps';
import { AppError, invalid, notFound } from '../errors';
import { authorize } from '../policies';
import type { Actor } from '../policies/actor';
import { findingPolicyOf } from '../policies/finding';
import { findingSubject } from '../presenters/finding';
import type { RequestOrigin } from '../repositories/audit';
import { findFinding, updateFinding } from '../repositories/finding';
import { runWrite } from './write';

/**
 * Moves a finding through its workflow (shared/findings/workflow.ts) on
 * `today` (YYYY-MM-DD). The finding is locked and the action judged again on
 * what is stored now, so of two changes racing on one finding (resolve and
 * dismiss, or two reopenings) the second sees the first's outcome and is
 * refused. Its status weighs on the engagement's summary and score.
 */
export async function changeFinding(deps: Deps, actor: Actor, id: string, body: FindingAction, today: string, origin: RequestOrigin): Promise<void> {
  await runWrite(deps, origin, async ({ trx, audit, affects }) => {
    const f = await findFinding(trx, actor, id, { lock: true });
    if (!f) throw notFound('Finding');
    const subject = findingSubject(f);
    authorize(actor, findingPolicyOf[body.action], subject);
    const change = findingChange(subject.status, body, today);
    if ('refused' in change) throw new AppError('INVALID_STATE', change.refused);
    if ('invalid' in change) throw invalid(change.invalid);
    await updateFinding(trx, actor, f.id, change.set);
    await audit({ action: `finding.${body.action}`, organizationId: actor.organizationId, targetType: 'finding', targetId: f.id, details: { code: f.code, from: f.status, to: change.to, ...body } });
    affects(f.engagement_id);
  });
}
