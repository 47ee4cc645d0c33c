import { z } from 'zod';
import { verificationOutcomes } from '../certificate/verification';
import { isoDate } from './assessment';
import { id, text } from './common';

const httpsUrl = z
  .string({ message: 'must be a string' })
  .trim()
  .max(2000, { message: 'must be at most 2000 characters' })
  .pipe(z.url({ protocol: /^https$/, message: 'must be an https:// address (the directory page you checked)' }));

/** What an analyst saw when looking a certificate up in a public directory (`POST /api/certificates/:id/verifications`). */
export const verificationInput = z
  .strictObject({
    outcome: z.enum(verificationOutcomes, { message: 'must be verified, not_found or mismatch' }),
    /** The directory page checked: the result page if it has its own address, else the directory's search page. */
    directoryUrl: httpsUrl,
    /** The directory's name; by default read from the address (the proposed directory's name on its host, else the host). */
    directoryName: text(200, { min: 1 }).optional(),
    checkedOn: isoDate,
    note: text(2000).default(''),
  })
  .refine((v) => v.outcome === 'verified' || v.note.length > 0, { message: 'say what the directory showed (not found, or which facts differ)', path: ['note'] })
  .meta({ id: 'VerificationInput' });
export type VerificationInput = z.infer<typeof verificationInput>;

const checkedFacts = z.object({ certificateNumber: z.string(), certificationBody: z.string(), legalEntity: z.string(), expiryDate: z.string() });

export const verificationDto = z
  .object({
    id,
    certificateId: id,
    outcome: z.enum(verificationOutcomes),
    directoryName: z.string(),
    directoryUrl: z.string(),
    checkedOn: z.string(),
    note: z.string(),
    /** The certificate's facts when it was checked. */
    checkedFacts,
    /** The facts the certificate has changed since (empty: the check is of the certificate as it is). */
    changedSince: z.array(z.object({ field: z.enum(['certificateNumber', 'certificationBody', 'legalEntity', 'expiryDate']), checked: z.string(), now: z.string() })),
    recordedBy: z.object({ id, name: z.string() }).nullable(),
    recordedAt: z.string(),
    evidence: z.object({ name: z.string(), mime: z.string(), sizeBytes: z.number().int(), sha256: z.string() }).nullable(),
    abilities: z.object({ attachEvidence: z.boolean() }),
  })
  .meta({ id: 'CertificateVerification' });
export type VerificationDto = z.infer<typeof verificationDto>;

/** A certificate's checks by the caller's organization, with where to look it up and what the latest check says now. */
export const verificationsDto = z
  .object({
    certificateId: id,
    /** unverified: never checked; stale: checked, but of facts since changed; failed: the directory did not confirm it. */
    state: z.enum(['unverified', 'stale', 'verified', 'failed']),
    lookup: z.object({ certificationBody: z.string(), knownBody: z.boolean(), directoryName: z.string(), directoryUrl: z.string(), iafCertSearchUrl: z.string() }),
    verifications: z.array(verificationDto),
    abilities: z.object({ verify: z.boolean() }),
  })
  .meta({ id: 'CertificateVerifications' });
export type VerificationsDto = z.infer<typeof verificationsDto>;
