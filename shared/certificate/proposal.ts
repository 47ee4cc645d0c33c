/**
 * The shape of a certificate reading: every field is a proposal a person
 * confirms, so each carries the text it came from and how sure the reader is.
 */

export type Confidence = 'high' | 'medium' | 'low';

/** Where a proposed value was read: `snippet === text.slice(start, end)`. */
export interface SourceSpan {
  snippet: string;
  start: number;
  end: number;
}

export interface ProposedField<T> {
  value: T;
  source: SourceSpan | null;
  confidence: Confidence;
  /** What a person should check about this value: conflicting readings (naming both), an unknown issuer. */
  warning?: string;
}

/** A proposal, or null when the text says nothing about the field. */
export type Field<T> = ProposedField<T> | null;

export type Iso27001Edition = '2022' | '2013';

export interface CertificateSite {
  name?: string;
  address: string;
  city?: string;
  country?: string;
}

export interface SoaReference {
  version?: string;
  /** ISO date, YYYY-MM-DD. */
  date?: string;
}

export interface CertificateProposal {
  standard: Field<'ISO/IEC 27001'>;
  edition: Field<Iso27001Edition>;
  certificateNumber: Field<string>;
  certificationBody: Field<string>;
  accreditationBody: Field<string>;
  /** The accreditation body's number for the certification body ("UKAS Management Systems 0012" → "0012"). */
  accreditationNumber: Field<string>;
  legalEntity: Field<string>;
  /** Dates are ISO, YYYY-MM-DD. */
  issueDate: Field<string>;
  expiryDate: Field<string>;
  originalCertificationDate: Field<string>;
  scopeText: Field<string>;
  /** One proposal per site, each with its own source. */
  sites: ProposedField<CertificateSite>[];
  /** One proposal per service phrase read from the scope. */
  services: ProposedField<string>[];
  soaReference: Field<SoaReference>;
  /** Things a person should look at: conflicting values, impossible dates. */
  warnings: string[];
}
