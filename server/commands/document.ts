import type { DocumentKind } from '../../shared/schemas/document';
import type { Deps } from '../deps';
import { AppError, notFound } from '../errors';
import type { Actor } from '../policies/actor';
import type { RequestOrigin } from '../repositories/audit';
import { deleteShare, insertDocument, insertShares } from '../repositories/document';
import { settleUpload, type ReceivedFile } from '../uploads/receive';
import { runWrite } from './write';

/** Records an uploaded file as a document (or the next version of one) in the provider's library. Returns its id. */
export async function recordDocument(
  deps: Deps,
  actor: Actor,
  file: ReceivedFile,
  d: { kind: DocumentKind; title: string; series?: { seriesId: string; version: number } },
  origin: RequestOrigin,
): Promise<string> {
  const version = d.series?.version ?? 1;
  return runWrite(deps, origin, async ({ trx, audit }) => {
    await settleUpload(trx, file.storageKey);
    const documentId = await insertDocument(trx, actor, { ...file, size: file.size, seriesId: d.series?.seriesId, version, kind: d.kind, title: d.title });
    await audit({
      action: 'document.uploaded',
      organizationId: actor.organizationId,
      targetType: 'document',
      targetId: documentId,
      details: { kind: d.kind, title: d.title, version, sha256: file.sha256, size: file.size, mime: file.mime },
    });
    return documentId;
  }).catch((err: { code?: string }) => {
    if (err.code === '23505') throw new AppError('CONFLICT', 'Another version of this document was uploaded at the same time: reload and try again');
    throw err;
  });
}

/** Shares documents of the provider's library with an engagement; its findings move with them. */
export async function shareDocuments(deps: Deps, actor: Actor, engagementId: string, documentIds: string[], origin: RequestOrigin): Promise<void> {
  await runWrite(deps, origin, async ({ trx, audit, affects }) => {
    const added = await insertShares(trx, actor, engagementId, documentIds);
    await audit({ action: 'document.shared', organizationId: actor.organizationId, targetType: 'engagement', targetId: engagementId, details: { documentIds, added } });
    affects(engagementId);
  });
}

/** Stops sharing one document with an engagement. */
export async function unshareDocument(deps: Deps, actor: Actor, engagementId: string, documentId: string, origin: RequestOrigin): Promise<void> {
  await runWrite(deps, origin, async ({ trx, audit, affects }) => {
    if (!(await deleteShare(trx, engagementId, documentId))) throw notFound('Share');
    await audit({ action: 'document.unshared', organizationId: actor.organizationId, targetType: 'engagement', targetId: engagementId, details: { documentId } });
    affects(engagementId);
  });
}
