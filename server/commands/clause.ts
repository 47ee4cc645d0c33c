import type { z } from 'zod';
import type { createClauseBody, updateClauseBody } from '../../shared/schemas/clause';
import type { Deps } from '../deps';
import { AppError } from '../errors';
import type { Actor } from '../policies/actor';
import type { RequestOrigin } from '../repositories/audit';
import { insertClause, updateClause, type ClauseRow } from '../repositories/clause';
import { runWrite } from './write';

/** Adds a clause to the buyer's library; a taken key is a conflict naming the field. Returns the clause id. */
export async function createClause(deps: Deps, actor: Actor, body: z.infer<typeof createClauseBody>, origin: RequestOrigin): Promise<string> {
  return runWrite(deps, origin, async ({ trx, audit }) => {
    const clauseId = await insertClause(trx, actor, body);
    await audit({ action: 'clause.created', organizationId: actor.organizationId, targetType: 'clause', targetId: clauseId, details: { key: body.key } });
    return clauseId;
  }).catch((err: { code?: string }) => {
    if (err.code === '23505') throw new AppError('CONFLICT', `A clause with the key "${body.key}" exists`, { fields: [{ path: 'key', message: 'is taken' }] });
    throw err;
  });
}

/** Edits (a new version of) or disables a clause; schedules already generated keep their version. */
export async function changeClause(deps: Deps, actor: Actor, c: ClauseRow, body: z.infer<typeof updateClauseBody>, origin: RequestOrigin): Promise<void> {
  await runWrite(deps, origin, async ({ trx, audit }) => {
    await updateClause(trx, actor, c, body);
    await audit({ action: 'clause.changed', organizationId: actor.organizationId, targetType: 'clause', targetId: c.id, details: { fields: Object.keys(body), fromVersion: c.version } });
  });
}
