import { z } from 'zod';
import { NOT_A_CERTIFICATE_SCORE } from '../../shared/certificate/certificate-features';
import { readCertificate } from '../../shared/certificate/extract';
import { certificateDto, certificateInput, certificatePatch, certificateProposalDto } from '../../shared/schemas/certificate';
import { idParams, id as uuid } from '../../shared/schemas/common';
import { MAX_PDF_BYTES, readPdfText } from '../certificate/pdf-text';
import type { Deps } from '../deps';
import { AppError, invalid, notFound } from '../errors';
import { defineRoute, Reply } from '../http/route';
import { authorize } from '../policies';
import type { Actor } from '../policies/actor';
import { presentCertificate } from '../presenters/certificate';
import { findCertificate, listCertificates } from '../repositories/certificate';
import { findDocument } from '../repositories/document';
import { correctCertificate, recordCertificate } from '../commands/certificate';

const tag = 'Certificates';
const one = z.object({ certificate: certificateDto });

async function loadCertificate(deps: Deps, actor: Actor, id: string) {
  const c = await findCertificate(deps.db, actor, id);
  if (!c) throw notFound('Certificate');
  return { certificate: presentCertificate(actor, c) };
}

/** A stored file as one buffer, refusing to read more than `limit` bytes. */
async function readStored(deps: Deps, storageKey: string, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of await deps.storage.get(storageKey)) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new AppError('PAYLOAD_TOO_LARGE', `Only PDFs up to ${limit / 1024 / 1024} MB are read`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export const certificateRoutes = [
  defineRoute({
    method: 'post',
    path: '/api/documents/:id/extract-certificate',
    tag,
    summary: "Read a certificate PDF's text and propose its facts (provider)",
    description:
      'Nothing is saved: every proposed field carries the text it was read from and a confidence, for a person to confirm or correct and then POST /api/certificates. ' +
      'A scanned PDF without a text layer, or a PDF with no ISO/IEC 27001 certificate wording, answers 422 saying so.',
    access: 'authenticated',
    params: idParams,
    responses: { 200: { description: 'The proposal', schema: certificateProposalDto }, 422: { description: 'No text layer, or not a certificate' } },
    handler: async ({ deps, actor, params }) => {
      authorize(actor, 'certificate.create');
      const d = await findDocument(deps.db, actor, params.id);
      if (!d) throw notFound('Document');
      authorize(actor, 'certificate.update', { organizationId: d.organization_id });
      if (d.mime !== 'application/pdf') throw new AppError('UNPROCESSABLE', `Certificate facts are read from PDFs; "${d.original_name}" is ${d.mime}. Enter the facts by hand.`);
      const pdf = await readPdfText(await readStored(deps, d.storage_key, MAX_PDF_BYTES));
      if (!pdf.hasTextLayer) {
        throw new AppError('UNPROCESSABLE', 'This PDF has no text layer (it is a scanned image), so there is no text to read. Enter the certificate facts by hand.', { reason: 'no_text_layer', pages: pdf.pages });
      }
      const { proposal: fields, likeness } = readCertificate(pdf.text);
      if ((!fields.standard && !fields.certificateNumber && !fields.certificationBody) || likeness.score < NOT_A_CERTIFICATE_SCORE) {
        throw new AppError(
          'UNPROCESSABLE',
          `This PDF does not look like an ISO/IEC 27001 certificate (found: ${likeness.features.join(', ') || 'no certificate number, certification wording or labelled certificate dates'}). Check that this is the certificate.`,
          { reason: 'not_a_certificate', score: likeness.score, features: likeness.features },
        );
      }
      const { warnings, ...rest } = fields;
      return { pages: pdf.pages, truncated: pdf.truncated, fields: rest, warnings };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/certificates',
    tag,
    summary: 'Record the confirmed facts of a certificate (provider)',
    access: 'authenticated',
    body: certificateInput,
    responses: { 201: { description: 'The certificate', schema: one } },
    handler: async ({ deps, actor, body, origin }) => {
      authorize(actor, 'certificate.create');
      const d = await findDocument(deps.db, actor, body.documentId);
      if (!d || d.organization_id !== actor.organizationId) throw invalid([{ path: 'documentId', message: 'is not a document of your library' }]);
      if (d.kind !== 'certificate') throw invalid([{ path: 'documentId', message: `is a ${d.kind.replace('_', ' ')}, not a certificate` }]);
      const id = await recordCertificate(deps, actor, body, origin);
      return new Reply(201, await loadCertificate(deps, actor, id));
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/certificates',
    tag,
    summary: "Certificates you may see: your own, or those shared with your engagements",
    access: 'authenticated',
    query: z.strictObject({ documentId: uuid.optional() }),
    responses: { 200: { description: 'Latest expiry first', schema: z.object({ certificates: z.array(certificateDto) }) } },
    handler: async ({ deps, actor, query }) => ({ certificates: (await listCertificates(deps.db, actor, query)).map((c) => presentCertificate(actor, c)) }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/certificates/:id',
    tag,
    summary: 'One certificate',
    access: 'authenticated',
    params: idParams,
    responses: { 200: { description: 'The certificate', schema: one } },
    handler: async ({ deps, actor, params }) => loadCertificate(deps, actor, params.id),
  }),
  defineRoute({
    method: 'patch',
    path: '/api/certificates/:id',
    tag,
    summary: "Correct a certificate's facts (provider)",
    access: 'authenticated',
    params: idParams,
    body: certificatePatch,
    responses: { 200: { description: 'The corrected certificate', schema: one } },
    handler: async ({ deps, actor, params, body, origin }) => {
      const c = await findCertificate(deps.db, actor, params.id);
      if (!c) throw notFound('Certificate');
      authorize(actor, 'certificate.update', { organizationId: c.organization_id });
      if ((body.issueDate ?? c.issue_date) >= (body.expiryDate ?? c.expiry_date)) throw invalid([{ path: 'expiryDate', message: 'must be after the issue date' }]);
      await correctCertificate(deps, actor, c, body, origin);
      return loadCertificate(deps, actor, params.id);
    },
  }),
];
