import { z } from 'zod';
import { id, text } from './common';

export const documentKinds = ['certificate', 'scope_statement', 'soa', 'policy', 'audit_report', 'evidence', 'other'] as const;
export type DocumentKind = (typeof documentKinds)[number];
export const documentKindLabels: Record<DocumentKind, string> = {
  certificate: 'ISO/IEC 27001 certificate',
  scope_statement: 'Scope statement',
  soa: 'Statement of Applicability',
  policy: 'Policy',
  audit_report: 'Audit report',
  evidence: 'Evidence',
  other: 'Other',
};

/** The text fields sent with an upload (multipart). `replaces`: upload a new version of that document. */
export const uploadDocumentFields = z
  .strictObject({
    kind: z.enum(documentKinds, { message: `must be one of ${documentKinds.join(', ')}` }),
    title: text(200, { min: 1 }).optional(),
    replaces: id.optional(),
  })
  .meta({ id: 'UploadDocumentFields' });
export type UploadDocumentFields = z.infer<typeof uploadDocumentFields>;

export const documentQuery = z.strictObject({
  kind: z.enum(documentKinds, { message: `must be one of ${documentKinds.join(', ')}` }).optional(),
});

export const shareBody = z
  .strictObject({ documentIds: z.array(id).min(1, { message: 'needs at least one document' }).max(50, { message: 'must hold at most 50 documents' }) })
  .meta({ id: 'ShareDocumentsRequest' });

export const documentDto = z
  .object({
    id,
    seriesId: id,
    version: z.number().int(),
    latestVersion: z.number().int(),
    kind: z.enum(documentKinds),
    title: z.string(),
    originalName: z.string(),
    mime: z.string(),
    size: z.number().int(),
    sha256: z.string(),
    uploadedAt: z.string(),
    uploadedBy: z.string().nullable(),
    owner: z.object({ id, name: z.string() }),
    /** The provider's view only: which engagements it shared this version with. */
    sharedWith: z.array(z.object({ engagementId: id, engagementName: z.string(), buyerName: z.string(), sharedAt: z.string() })).nullable(),
    abilities: z.object({ newVersion: z.boolean(), share: z.boolean() }),
  })
  .meta({ id: 'Document' });
export type DocumentDto = z.infer<typeof documentDto>;
