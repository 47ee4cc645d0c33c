import type { CertificateProposal } from './proposal';

/** The warning a document that does not read as a certificate gets (the route and the review form look for it). */
export const NOT_A_CERTIFICATE_WARNING = 'This does not look like a certificate';

export interface CertificateFeatures {
  /** Sum of the feature weights below; see docs/documents.md. */
  score: number;
  features: string[];
}

// Wording only a certificate uses about its holder; "ISO 27001 certified" in a flyer is not it.
const CERTIFY_WORDING =
  /\b(?:this\s+is\s+to\s+certify|(?:hereby\s+)?certif(?:y|ies)\s+that|has\s+been\s+(?:assessed|audited|registered|approved|found\s+to\s+conform)|is\s+(?:hereby\s+)?(?:certified|registered)\s+(?:to|as|by|for)|certificate\s+of\s+(?:registration|approval|conformity)|is\s+compliant\s+with\s+the\s+requirements|(?:conforms?|complies)\s+(?:to|with)\s+the\s+requirements|is\s+in\s+compliance\s+with|è\s+conforme)\b/i;
const NOT_CERTIFICATE_WORDING = /\b(?:audit\s+report|it\s+is\s+not\s+a\s+certificate|does\s+not\s+(?:by\s+itself\s+)?confer\s+certification|proposal|quotation|brochure)\b/i;

/**
 * How much `text` reads as a certificate: a certificate number (2), holder
 * wording such as "certifies that" (2), an expiry date read from its label (1),
 * an issue or original date read from its label (1), a known certification
 * body (1); report or marketing wording takes 2 off. Mentions of ISO 27001
 * alone score nothing.
 */
export function certificateFeatures(text: string, p: CertificateProposal): CertificateFeatures {
  const features: string[] = [];
  let score = 0;
  const add = (w: number, f: string) => ((score += w), features.push(f));
  if (p.certificateNumber) add(2, 'certificate number');
  if (CERTIFY_WORDING.test(text)) add(2, 'certification wording');
  if (p.expiryDate && p.expiryDate.confidence !== 'low') add(1, 'labelled expiry date');
  if ((p.issueDate && p.issueDate.confidence !== 'low') || p.originalCertificationDate) add(1, 'labelled issue date');
  if (p.certificationBody && p.certificationBody.confidence !== 'low') add(1, 'certification body');
  if (NOT_CERTIFICATE_WORDING.test(text)) add(-2, 'report or marketing wording');
  return { score, features };
}

/** At or above this score a document reads as a certificate; below `NOT_A_CERTIFICATE_SCORE` it is refused. */
export const CERTIFICATE_SCORE = 4;
export const NOT_A_CERTIFICATE_SCORE = 2;
