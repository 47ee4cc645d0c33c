import { AppError } from '../errors';
import type { Actor } from './actor';
import type { Decision } from './decision';
import { apiTokenPolicy } from './api-token';
import { assessmentPolicy } from './assessment';
import { certificatePolicy } from './certificate';
import { documentPolicy } from './document';
import { findingPolicy } from './finding';
import { schedulePolicy } from './schedule';
import { scoringPolicy } from './scoring';
import { soaPolicy } from './soa';
import { engagementPolicy } from './engagement';
import { templatePolicy } from './template';
import { userPolicy } from './user';

/** Every policy rule, by action name. */
const rules = {
  ...userPolicy,
  ...apiTokenPolicy,
  ...engagementPolicy,
  ...templatePolicy,
  ...assessmentPolicy,
  ...documentPolicy,
  ...certificatePolicy,
  ...soaPolicy,
  ...findingPolicy,
  ...schedulePolicy,
  ...scoringPolicy,
};

type Rules = typeof rules;
export type Action = keyof Rules;
type SubjectOf<A extends Action> = Parameters<Rules[A]> extends [Actor, infer S] ? S : undefined;
type SubjectArgs<A extends Action> = SubjectOf<A> extends undefined ? [] : [SubjectOf<A>];

function decide<A extends Action>(actor: Actor, action: A, subject: SubjectOf<A> | undefined): Decision {
  return (rules[action] as (a: Actor, s: unknown) => Decision)(actor, subject);
}

/** Throws FORBIDDEN or INVALID_STATE unless `actor` may do `action` to the already-loaded subject. */
export function authorize<A extends Action>(actor: Actor, action: A, ...subject: SubjectArgs<A>): void {
  const decision = decide(actor, action, subject[0]);
  if (decision !== true) throw new AppError(decision.code, decision.message);
}

/** Whether `actor` may do `action` now: what presenters attach as abilities. */
export function can<A extends Action>(actor: Actor, action: A, ...subject: SubjectArgs<A>): boolean {
  return decide(actor, action, subject[0]) === true;
}
