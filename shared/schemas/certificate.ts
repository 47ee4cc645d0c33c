import { z } from 'zod';
import { isoDate } from './assessment';
import { id, text } from './common';

export const editions = ['2022', '2013'] as const;

// Most certificates list a site by its city and country only: the street address is optional, but a site says where it is.
const certificateSite = z
  .strictObject({
    name: text(200).optional(),
    address: text(500).default(''),
    city: text(120).optional(),
    country: text(80).optional(),
  })
  .refine((s) => Boolean(s.address || s.city), { message: 'give the city or the street address', path: ['city'] });

const certificateFields = {
  documentId: id,
  standard: z.literal('ISO/IEC 27001', { message: 'must be "ISO/IEC 27001" (ISO/IEC 27002 is guidance: nobody is certified to it)' }),
  edition: z.enum(editions, { message: 'must be 2022 or 2013' }),
  certificateNumber: text(100, { min: 1 }),
  certificationBody: text(200, { min: 1 }),
  /** null: the certificate names no accreditation body (weaker assurance). */
  accreditationBody: text(200, { min: 1 }).nullable(),
  legalEntity: text(300, { min: 1 }),
  issueDate: isoDate,
  expiryDate: isoDate,
  originalCertificationDate: isoDate.nullable().default(null),
  scopeText: text(10000, { min: 1 }),
  sites: z.array(certificateSite).max(100, { message: 'must hold at most 100 sites' }).default([]),
  services: z.array(text(300, { min: 1 })).max(100, { message: 'must hold at most 100 services' }).default([]),
  soaReference: z.strictObject({ version: text(50).optional(), date: isoDate.optional() }).nullable().default(null),
};

const datesInOrder = (b: { issueDate?: string; expiryDate?: string }) => !b.issueDate || !b.expiryDate || b.expiryDate > b.issueDate;

/** The confirmed facts of a certificate (`POST /api/certificates`). */
export const certificateInput = z
  .strictObject(certificateFields)
  .refine(datesInOrder, { message: 'must be after the issue date', path: ['expiryDate'] })
  .meta({ id: 'CertificateInput' });
export type CertificateInput = z.infer<typeof certificateInput>;

/** Corrections (`PATCH /api/certificates/:id`): any field but the document. */
export const certificatePatch = z
  .strictObject(Object.fromEntries(Object.entries(certificateFields).filter(([k]) => k !== 'documentId').map(([k, v]) => [k, (v as z.ZodType).optional()])) as {
    [K in Exclude<keyof typeof certificateFields, 'documentId'>]: z.ZodOptional<(typeof certificateFields)[K]>;
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'give at least one field to change', path: ['edition'] })
  .refine(datesInOrder, { message: 'must be after the issue date', path: ['expiryDate'] })
  .meta({ id: 'CertificatePatch' });

export const certificateDto = z
  .object({
    id,
    documentId: id,
    owner: z.object({ id, name: z.string() }),
    standard: z.string(),
    edition: z.enum(editions),
    certificateNumber: z.string(),
    certificationBody: z.string(),
    accreditationBody: z.string().nullable(),
    legalEntity: z.string(),
    issueDate: z.string(),
    expiryDate: z.string(),
    originalCertificationDate: z.string().nullable(),
    scopeText: z.string(),
    sites: z.array(z.object({ name: z.string().optional(), address: z.string(), city: z.string().optional(), country: z.string().optional() })),
    services: z.array(z.string()),
    soaReference: z.object({ version: z.string().optional(), date: z.string().optional() }).nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    abilities: z.object({ update: z.boolean() }),
  })
  .meta({ id: 'Certificate' });
export type CertificateDto = z.infer<typeof certificateDto>;

const span = z.object({ snippet: z.string(), start: z.number().int(), end: z.number().int() }).nullable();
// `warning`: what a person should check about this field (two conflicting readings, an issuer we do not know).
const proposed = <T extends z.ZodType>(value: T) => z.object({ value, source: span, confidence: z.enum(['high', 'medium', 'low']), warning: z.string().optional() }).nullable();

/** What `extract-certificate` proposes: every field with the text it was read from, for a person to confirm. */
export const certificateProposalDto = z
  .object({
    pages: z.number().int(),
    truncated: z.boolean(),
    fields: z.object({
      standard: proposed(z.string()),
      edition: proposed(z.enum(editions)),
      certificateNumber: proposed(z.string()),
      certificationBody: proposed(z.string()),
      accreditationBody: proposed(z.string()),
      accreditationNumber: proposed(z.string()),
      legalEntity: proposed(z.string()),
      issueDate: proposed(z.string()),
      expiryDate: proposed(z.string()),
      originalCertificationDate: proposed(z.string()),
      scopeText: proposed(z.string()),
      soaReference: proposed(z.object({ version: z.string().optional(), date: z.string().optional() })),
      sites: z.array(z.object({ value: z.object({ name: z.string().optional(), address: z.string(), city: z.string().optional(), country: z.string().optional() }), source: span, confidence: z.enum(['high', 'medium', 'low']) })),
      services: z.array(z.object({ value: z.string(), source: span, confidence: z.enum(['high', 'medium', 'low']) })),
    }),
    warnings: z.array(z.string()),
  })
  .meta({ id: 'CertificateProposal' });
