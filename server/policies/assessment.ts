import type { AssessmentStatus } from '../../shared/schemas/assessment';
import { isBuyer, isBuyerManager, isProviderMember, type Actor } from './actor';
import { allowIf, badState, forbid, type Decision } from './decision';

export interface AssessmentSubject {
  buyerOrgId: string;
  providerOrgId: string;
  status: AssessmentStatus;
}

const buyerManager = (a: Actor, s: AssessmentSubject) => isBuyerManager(a) && s.buyerOrgId === a.organizationId;
const providerMember = (a: Actor, s: AssessmentSubject) => isProviderMember(a) && s.providerOrgId === a.organizationId;
const onlyBuyer = forbid('Only buyer administrators and analysts can do this');
const onlyProvider = forbid('Only the provider answers the questionnaire');
const answerable: readonly AssessmentStatus[] = ['sent', 'in_progress', 'returned'];

/** Status rules of the questionnaire workflow: draft → sent → in_progress → submitted → (returned ↔ in_progress) → completed, or cancelled. */
export const assessmentPolicy = {
  'assessment.create': (a: Actor, e: { buyerOrgId: string }): Decision => allowIf(isBuyerManager(a) && e.buyerOrgId === a.organizationId, onlyBuyer),
  'assessment.send': (a: Actor, s: AssessmentSubject): Decision => (!buyerManager(a, s) ? onlyBuyer : allowIf(s.status === 'draft', badState('Only a draft can be sent'))),
  'assessment.answer': (a: Actor, s: AssessmentSubject): Decision =>
    !providerMember(a, s) ? onlyProvider : allowIf(answerable.includes(s.status), badState(s.status === 'submitted' ? 'The questionnaire was submitted: answers can change only if the buyer returns it' : `Answers cannot change while the questionnaire is ${s.status.replace('_', ' ')}`)),
  'assessment.submit': (a: Actor, s: AssessmentSubject): Decision => (!providerMember(a, s) ? onlyProvider : allowIf(answerable.includes(s.status), badState('Only a questionnaire being answered can be submitted'))),
  'assessment.review': (a: Actor, s: AssessmentSubject): Decision => (!buyerManager(a, s) ? onlyBuyer : allowIf(s.status === 'submitted', badState('Answers are reviewed once the provider has submitted'))),
  'assessment.return': (a: Actor, s: AssessmentSubject): Decision => (!buyerManager(a, s) ? onlyBuyer : allowIf(s.status === 'submitted', badState('Only a submitted questionnaire can be returned'))),
  'assessment.complete': (a: Actor, s: AssessmentSubject): Decision => (!buyerManager(a, s) ? onlyBuyer : allowIf(s.status === 'submitted', badState('Only a submitted questionnaire can be completed'))),
  'assessment.cancel': (a: Actor, s: AssessmentSubject): Decision =>
    !buyerManager(a, s) ? onlyBuyer : allowIf(s.status !== 'completed' && s.status !== 'cancelled', badState(`A ${s.status} questionnaire cannot be cancelled`)),
  'assessment.score': (a: Actor, s: AssessmentSubject): Decision => allowIf(isBuyer(a) && s.buyerOrgId === a.organizationId, forbid("The score is the buyer's assessment")),
  'assessment.comment': (a: Actor, s: AssessmentSubject): Decision => {
    // Every buyer role of the engagement's buyer (legal too) and the provider's members may comment.
    const member = isBuyer(a) ? s.buyerOrgId === a.organizationId : providerMember(a, s);
    if (!member) return forbid('You cannot comment on this questionnaire');
    return allowIf(s.status !== 'draft' && s.status !== 'cancelled', badState(`Comments are closed while the questionnaire is ${s.status}`));
  },
};
