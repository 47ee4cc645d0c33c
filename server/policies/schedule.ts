import { scheduleState, scheduleStep, type ScheduleAction } from '../../shared/schedules/workflow';
import { isBuyer, isBuyerLegal, type Actor } from './actor';
import { allowIf, badState, forbid, type Decision } from './decision';

/** Legal (and administrators) generate and finalise security schedules; a final schedule never changes. */
const legalTeam = (a: Actor, buyerOrgId: string) => isBuyerLegal(a) && a.organizationId === buyerOrgId;
const onlyLegal = forbid('Only legal and administrators of the buyer manage security schedules');

export interface ScheduleSubject {
  buyerOrgId: string;
  status: 'draft' | 'final';
  shared: boolean;
}

/** What the schedule rules judge: whose schedule it is and where it stands in its workflow. */
export const scheduleSubject = (s: { buyer_org_id: string; status: 'draft' | 'final'; shared_at: Date | null }): ScheduleSubject => ({ buyerOrgId: s.buyer_org_id, status: s.status, shared: s.shared_at !== null });

/** Legal of the buyer, and only what the schedule's state allows (shared/schedules/workflow.ts). */
const step = (a: Actor, s: ScheduleSubject, action: ScheduleAction): Decision => {
  if (!legalTeam(a, s.buyerOrgId)) return onlyLegal;
  const next = scheduleStep(scheduleState(s), action);
  return 'to' in next ? true : badState(next.refused);
};

export const schedulePolicy = {
  'schedule.create': (a: Actor, e: { buyerOrgId: string }): Decision => allowIf(legalTeam(a, e.buyerOrgId), onlyLegal),
  'schedule.edit': (a: Actor, s: ScheduleSubject): Decision => step(a, s, 'edit'),
  'schedule.finalize': (a: Actor, s: ScheduleSubject): Decision => step(a, s, 'finalize'),
  'schedule.share': (a: Actor, s: ScheduleSubject): Decision => step(a, s, 'share'),
  'clause.read': (a: Actor): Decision => allowIf(isBuyer(a), forbid("The clause library is the buyer's")),
  'clause.write': (a: Actor): Decision => allowIf(legalTeam(a, a.organizationId), forbid('Only legal and administrators edit the clause library')),
};
