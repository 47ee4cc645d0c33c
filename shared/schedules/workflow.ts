/**
 * A security schedule's life: a draft is edited and finalised; a final
 * schedule never changes (a new one is generated instead) and may be shared
 * once with the engagement's provider. Who may act is the policies' business;
 * this says only what each state allows.
 */
export const scheduleStates = ['draft', 'final', 'shared'] as const;
export type ScheduleState = (typeof scheduleStates)[number];

export const scheduleActions = ['edit', 'finalize', 'share'] as const;
export type ScheduleAction = (typeof scheduleActions)[number];

/** The outcome of an action: the state it leads to, or why the schedule's state refuses it. */
export type ScheduleStep = { to: ScheduleState } | { refused: string };

const finalNeverChanges = 'The schedule is final: generate a new one';

const steps: Record<ScheduleState, Record<ScheduleAction, ScheduleStep>> = {
  draft: { edit: { to: 'draft' }, finalize: { to: 'final' }, share: { refused: 'Finalise the schedule before sharing it' } },
  final: { edit: { refused: finalNeverChanges }, finalize: { refused: finalNeverChanges }, share: { to: 'shared' } },
  shared: { edit: { refused: finalNeverChanges }, finalize: { refused: finalNeverChanges }, share: { refused: 'The schedule is already shared' } },
};

/** Where a stored schedule stands: sharing is only ever recorded on a final one, so a draft is a draft whatever else it says. */
export function scheduleState(s: { status: 'draft' | 'final'; shared: boolean }): ScheduleState {
  return s.status === 'draft' ? 'draft' : s.shared ? 'shared' : 'final';
}

/** What `action` does to a schedule in `state`. */
export function scheduleStep(state: ScheduleState, action: ScheduleAction): ScheduleStep {
  return steps[state][action];
}
