import { describeBasis, emptyVerdict, pendingQuestionnaire } from '../../client/src/features/engagements/findings-basis';
import type { AssessmentSummaryDto } from '../../shared/schemas/assessment';
import type { FindingsBasisDto } from '../../shared/schemas/finding';

/** An empty findings list is never shown as "covered" unless the certificate, the SoA and submitted answers were all read. */

const cert = { id: '00000000-0000-4000-8000-000000000001', certificateNumber: 'IS 123456', certificationBody: 'BSI', expiryDate: '2028-01-09' };
const soa = { documentTitle: 'Acme SoA', version: '3.1', date: '2026-02-01' };
const answers = { assessmentId: '00000000-0000-4000-8000-0000000000a1', title: 'BPO essentials — 2025 review', submittedAt: '2025-12-10T16:30:00.000Z' };

function questionnaire(fields: Partial<AssessmentSummaryDto>): AssessmentSummaryDto {
  return {
    id: '00000000-0000-4000-8000-0000000000b1',
    title: 'BPO essentials — 2026',
    status: 'in_progress',
    dueDate: '2027-01-15',
    progress: { answered: 9, total: 34 },
    sentAt: '2026-11-20T09:00:00.000Z',
    submittedAt: null,
    completedAt: null,
    createdAt: '2026-11-20T08:00:00.000Z',
    ...fields,
  } as AssessmentSummaryDto;
}

test.each<[string, FindingsBasisDto, AssessmentSummaryDto[], boolean, RegExp]>([
  ['everything read, nothing pending', { certificates: [cert], soa, answers }, [], true, /cover this engagement/],
  ['a questionnaire 9/34 answered, never submitted', { certificates: [cert], soa, answers: null }, [questionnaire({})], false, /not checked yet: it is in progress, 9 of 34 answered/],
  ['a newer questionnaire in progress after a submitted one', { certificates: [cert], soa, answers }, [questionnaire({})], false, /“BPO essentials — 2026” are not checked yet/],
  ['no questionnaire at all', { certificates: [cert], soa, answers: null }, [], false, /no questionnaire has been submitted/],
  ['no SoA shared', { certificates: [cert], soa: null, answers }, [], false, /no SoA is shared/],
  ['no certificate shared', { certificates: [], soa, answers }, [], false, /no certificate is shared/],
  ['the checked questionnaire returned for changes', { certificates: [cert], soa, answers }, [questionnaire({ id: answers.assessmentId, status: 'returned', createdAt: '2025-11-20T08:00:00.000Z', sentAt: '2025-11-20T09:00:00.000Z' })], false, /it is returned/i],
])('when %s, then the empty verdict says so', (_, basis, list, complete, text) => {
  const verdict = emptyVerdict(describeBasis(basis, pendingQuestionnaire(basis, list), 'en-GB'));
  expect(verdict.complete).toBe(complete);
  expect(verdict.text).toMatch(text);
  if (!complete) expect(verdict.text).not.toMatch(/cover this engagement/);
});

test('when an older questionnaire was never submitted but a later one was checked, then it is not reported as pending', () => {
  const basis = { certificates: [cert], soa, answers };
  expect(pendingQuestionnaire(basis, [questionnaire({ createdAt: '2025-01-01T00:00:00.000Z', sentAt: '2025-01-02T00:00:00.000Z' })])).toBeNull();
});

test('when the basis is described, then it names the certificate, its body and expiry, the SoA version and the submission day', () => {
  const line = describeBasis({ certificates: [cert], soa, answers }, null, 'en-GB');
  expect(line.checked).toEqual(['certificate IS 123456 (BSI, until 9 Jan 2028)', 'SoA “Acme SoA” (version 3.1 of 1 Feb 2026)', 'the answers to “BPO essentials — 2025 review”, submitted 10 Dec 2025']);
  expect(line.unchecked).toEqual([]);
});
