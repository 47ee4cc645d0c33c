import { statusLabels, type AssessmentSummaryDto } from '../../../../shared/schemas/assessment';
import type { FindingsBasisDto } from '../../../../shared/schemas/finding';
import { dayLabel } from '../../lib/dates';

/**
 * The questionnaire sent after the one whose answers were checked and not
 * yet submitted: its answers are not checked, and the panel says so.
 */
export function pendingQuestionnaire(basis: FindingsBasisDto, assessments: readonly AssessmentSummaryDto[]): AssessmentSummaryDto | null {
  const checked = basis.answers;
  const open = assessments
    .filter((a) => a.status === 'sent' || a.status === 'in_progress' || a.status === 'returned')
    // Returned for changes: what was checked is its earlier submission. Otherwise only one sent after the checked submission.
    .filter((a) => !checked || a.id === checked.assessmentId || (a.sentAt ?? a.createdAt) > checked.submittedAt)
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
  return open[0] ?? null;
}

export interface BasisLine {
  /** What was read, one phrase per kind of fact, for "Rests on …". */
  checked: string[];
  /** What was not read (nothing of that kind shared, or answers not submitted). */
  unchecked: string[];
}

/** The facts behind the findings in words: each certificate, the SoA, the answers, and what is missing. */
export function describeBasis(basis: FindingsBasisDto, pending: AssessmentSummaryDto | null, locale?: string): BasisLine {
  const checked: string[] = [];
  const unchecked: string[] = [];
  for (const c of basis.certificates) checked.push(`certificate ${c.certificateNumber} (${c.certificationBody}, until ${dayLabel(c.expiryDate, locale)})`);
  if (!basis.certificates.length) unchecked.push('no certificate is shared with this engagement');
  if (basis.soa) {
    const version = [basis.soa.version && `version ${basis.soa.version}`, basis.soa.date && `of ${dayLabel(basis.soa.date, locale)}`].filter(Boolean).join(' ');
    checked.push(`SoA “${basis.soa.documentTitle}”${version ? ` (${version})` : ''}`);
  } else unchecked.push('no SoA is shared with this engagement');
  if (basis.answers) checked.push(`the answers to “${basis.answers.title}”, submitted ${dayLabel(basis.answers.submittedAt, locale)}`);
  if (pending) {
    const status = statusLabels[pending.status].toLowerCase();
    unchecked.push(
      `the answers to “${pending.title}” are not checked yet: it is ${status}, ${pending.progress.answered} of ${pending.progress.total} answered; findings on its answers and evidence follow its submission`,
    );
  } else if (!basis.answers) unchecked.push('no questionnaire has been submitted, so no answer has been checked');
  return { checked, unchecked };
}

/**
 * What to say when the rules raise nothing. "Covered" only when every kind
 * of fact was read; otherwise it says what was not, so an empty list is never
 * taken for a clean bill of health.
 */
export function emptyVerdict(line: BasisLine): { complete: boolean; text: string } {
  if (line.unchecked.length === 0) return { complete: true, text: 'No finding: the certificate, SoA and answers checked cover this engagement.' };
  return { complete: false, text: `No finding from what has been checked so far. Not checked: ${line.unchecked.join('; ')}.` };
}
