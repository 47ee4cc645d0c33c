import type { DocumentDto } from '../../shared/schemas/document';
import { can } from '../policies';
import { isProvider, type Actor } from '../policies/actor';
import type { DocumentRow, sharesOf } from '../repositories/document';
import { neutralizeFileName } from '../uploads/file-name';

type Share = Awaited<ReturnType<typeof sharesOf>>[number];

/** Row → DTO; shares are the provider's business and are not shown to buyers. */
export function presentDocument(actor: Actor, d: DocumentRow, shares: Share[] = []): DocumentDto {
  return {
    id: d.id,
    seriesId: d.series_id,
    version: d.version,
    latestVersion: d.latest_version,
    kind: d.kind,
    title: d.title,
    originalName: neutralizeFileName(d.original_name),
    mime: d.mime,
    size: Number(d.size_bytes),
    sha256: d.sha256,
    uploadedAt: d.uploaded_at.toISOString(),
    uploadedBy: d.uploaded_by_name,
    owner: { id: d.organization_id, name: d.owner_name },
    sharedWith: isProvider(actor)
      ? shares.filter((s) => s.document_id === d.id).map((s) => ({ engagementId: s.engagement_id, engagementName: s.engagement_name, buyerName: s.buyer_name, sharedAt: s.shared_at.toISOString() }))
      : null,
    abilities: {
      newVersion: can(actor, 'document.newVersion', { organizationId: d.organization_id }),
      share: isProvider(actor) && can(actor, 'document.upload'),
    },
  };
}
