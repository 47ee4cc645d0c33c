import type { SoaInput } from '../../shared/schemas/soa';
import type { Deps } from '../deps';
import type { Actor } from '../policies/actor';
import type { RequestOrigin } from '../repositories/audit';
import { engagementsSharingDocument } from '../repositories/engagement';
import { insertSoa } from '../repositories/soa';
import { runWrite } from './write';

/** Records a reviewed SoA on one of the provider's SoA documents, with its audit event; the engagements it is shared with are refreshed. Returns its id. */
export async function recordSoa(deps: Deps, actor: Actor, body: SoaInput, origin: RequestOrigin): Promise<string> {
  return runWrite(deps, origin, async ({ trx, audit, affects }) => {
    const soaId = await insertSoa(trx, actor, body);
    const excluded = body.rows.filter((r) => r.applicable === false).length;
    await audit({ action: 'soa.recorded', organizationId: actor.organizationId, targetType: 'soa', targetId: soaId, details: { documentId: body.documentId, version: body.version, excluded } });
    affects(...(await engagementsSharingDocument(trx, body.documentId)));
    return soaId;
  });
}
