import { isBuyer, type Actor } from './actor';
import { allowIf, badState, forbid, type Decision } from './decision';

/** Legal (and administrators) generate and finalise security schedules; a final schedule never changes. */
const legalTeam = (a: Actor, buyerOrgId: string) => isBuyer(a) && a.organizationId === buyerOrgId && (a.role === 'legal' || a.role === 'admin');
const onlyLegal = forbid('Only legal and administrators of the buyer manage security schedules');

/** What the schedule rules judge: whose schedule it is and where it stands in its workflow. */
export const scheduleSubject = (s: { buyer_org_id: string; status: 'draft' | 'final'; shared_at: Date | null }) => ({ buyerOrgId: s.buyer_org_id, status: s.status, shared: s.shared_at !== null });

export const schedulePolicy = {
  'schedule.create': (a: Actor, e: { buyerOrgId: string }): Decision => allowIf(legalTeam(a, e.buyerOrgId), onlyLegal),
  'schedule.share': (a: Actor, s: { buyerOrgId: string; status: string; shared: boolean }): Decision =>
    !legalTeam(a, s.buyerOrgId) ? onlyLegal : s.status !== 'final' ? badState('Finalise the schedule before sharing it') : allowIf(!s.shared, badState('The schedule is already shared')),
  'clause.read': (a: Actor): Decision => allowIf(isBuyer(a), forbid("The clause library is the buyer's")),
  'clause.write': (a: Actor): Decision => allowIf(legalTeam(a, a.organizationId), forbid('Only legal and administrators edit the clause library')),
  'schedule.edit': (a: Actor, s: { buyerOrgId: string; status: string }): Decision => (!legalTeam(a, s.buyerOrgId) ? onlyLegal : allowIf(s.status === 'draft', badState('The schedule is final: generate a new one'))),
};
