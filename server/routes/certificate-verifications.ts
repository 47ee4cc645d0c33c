import { z } from 'zod';
import { idParams } from '../../shared/schemas/common';
import { verificationDto, verificationInput, verificationsDto } from '../../shared/schemas/certificate-verification';
import { attachVerificationScreenshot, verifyCertificate } from '../commands/certificate';
import type { Deps } from '../deps';
import { AppError, invalid, notFound } from '../errors';
import { defineRoute, Reply } from '../http/route';
import { authorize } from '../policies';
import type { Actor } from '../policies/actor';
import { presentVerification, presentVerifications } from '../presenters/certificate-verification';
import { findCertificate } from '../repositories/certificate';
import { findVerification, listVerifications } from '../repositories/certificate-verification';
import { serveStoredFile } from '../storage/serve';
import { receiveUpload, withReceivedFile } from '../uploads/receive';

const tag = 'Certificates';
/** A screenshot of a directory page: an image or a PDF print of it, never more than 10 MB. */
const SCREENSHOT_TYPES = new Set(['image/png', 'image/jpeg', 'application/pdf']);
const MAX_SCREENSHOT_BYTES = 10 * 1024 * 1024;
const one = z.object({ verification: verificationDto });

async function certificateOf(deps: Deps, actor: Actor, id: string) {
  const c = await findCertificate(deps.db, actor, id);
  if (!c) throw notFound('Certificate');
  return c;
}

/** A check by the actor's organization, with the certificate it is of (which the actor must still see). */
async function verificationOf(deps: Deps, actor: Actor, id: string) {
  const v = await findVerification(deps.db, actor, id);
  const c = v && (await findCertificate(deps.db, actor, v.certificate_id));
  if (!v || !c) throw notFound('Verification');
  return { v, c };
}

const today = () => new Date().toISOString().slice(0, 10);
const addDays = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86400000).toISOString().slice(0, 10);

export const certificateVerificationRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/certificates/:id/verifications',
    tag,
    summary: "Your organization's checks of a certificate in public directories (buyer)",
    description: 'Newest first, with the state the latest check gives the certificate as it is now (a check of facts since corrected is `stale`) and where to look it up: the certification body\'s register, its accreditation body\'s directory, or IAF CertSearch.',
    access: 'authenticated',
    params: idParams,
    responses: { 200: { description: 'The checks', schema: verificationsDto } },
    handler: async ({ deps, actor, params }) => {
      authorize(actor, 'certificate.readVerifications');
      const c = await certificateOf(deps, actor, params.id);
      return presentVerifications(actor, c, await listVerifications(deps.db, actor, c.id));
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/certificates/:id/verifications',
    tag,
    summary: 'Record what a public directory showed for a certificate (buyer admin or analyst)',
    description:
      'Records who checked, when (`checkedOn`), where (`directoryUrl`, `directoryName`) and what was found: `verified`, `not_found` or `mismatch` (then `note` says what differed). ' +
      "The certificate's number, body, holder and expiry are recorded as checked: a later correction of any of them, or a new version of the certificate, needs a new check. Audited.",
    access: 'authenticated',
    params: idParams,
    body: verificationInput,
    responses: { 201: { description: 'The check', schema: one } },
    handler: async ({ deps, actor, params, body, origin }) => {
      authorize(actor, 'certificate.verify');
      const c = await certificateOf(deps, actor, params.id);
      if (body.checkedOn > addDays(today(), 1)) throw invalid([{ path: 'checkedOn', message: 'is in the future' }]);
      if (body.checkedOn < c.issue_date) throw invalid([{ path: 'checkedOn', message: `is before the certificate was issued (${c.issue_date})` }]);
      const id = await verifyCertificate(deps, actor, c, body, origin);
      const v = await findVerification(deps.db, actor, id);
      return new Reply(201, { verification: presentVerification(actor, c, v!) });
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/certificate-verifications/:id/evidence',
    tag,
    summary: 'Attach the screenshot of what the directory showed to a check (buyer admin or analyst)',
    description: `multipart/form-data with \`file\`: a PNG, JPEG or PDF up to ${MAX_SCREENSHOT_BYTES / 1024 / 1024} MB. Once per check: a check's evidence is not replaced.`,
    access: 'authenticated',
    params: idParams,
    bodyType: 'multipart',
    body: z.strictObject({}),
    gate: (actor) => authorize(actor, 'certificate.verify'),
    before: (deps) => receiveUpload(deps, Math.min(deps.config.maxUploadBytes, MAX_SCREENSHOT_BYTES)),
    responses: { 200: { description: 'The check with its evidence', schema: one }, 409: { description: 'The check already has its screenshot' }, 415: { description: 'Not a PNG, JPEG or PDF' } },
    handler: async ({ req, deps, actor, params, origin }) =>
      withReceivedFile(req, deps, async (file) => {
        const { v, c } = await verificationOf(deps, actor, params.id);
        if (!SCREENSHOT_TYPES.has(file.mime)) throw new AppError('UNSUPPORTED_MEDIA_TYPE', `A screenshot is a PNG, JPEG or PDF; this file is ${file.mime}`, { fields: [{ path: 'file', message: 'must be a PNG, JPEG or PDF' }] });
        await attachVerificationScreenshot(deps, actor, v, file, origin);
        return { verification: presentVerification(actor, c, (await findVerification(deps.db, actor, v.id))!) };
      }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/certificate-verifications/:id/evidence',
    tag,
    summary: "Download a check's screenshot (buyer)",
    description: "Served as an attachment with its detected type, `X-Content-Type-Options: nosniff` and `Content-Security-Policy: default-src 'none'; sandbox`, after checking the stored bytes still match the recorded SHA-256.",
    access: 'authenticated',
    params: idParams,
    responses: { 200: { description: 'The file', contentType: 'application/octet-stream' } },
    handler: async ({ req, res, deps, actor, params }) => {
      authorize(actor, 'certificate.readVerifications');
      const { v } = await verificationOf(deps, actor, params.id);
      if (!v.evidence_storage_key) throw notFound('Screenshot');
      await serveStoredFile(req, res, deps, { storageKey: v.evidence_storage_key, sha256: v.evidence_sha256!, mime: v.evidence_mime!, size: v.evidence_size_bytes!, name: v.evidence_name! }, { verificationId: v.id });
    },
  }),
];
