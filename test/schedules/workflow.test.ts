import { scheduleActions, scheduleState, scheduleStates, scheduleStep, type ScheduleAction, type ScheduleState, type ScheduleStep } from '../../shared/schedules/workflow';

const final = 'The schedule is final: generate a new one';

/** Every state × every action, written out: the next state, or the refusal the user sees. */
const table: [ScheduleState, ScheduleAction, ScheduleStep][] = [
  ['draft', 'edit', { to: 'draft' }],
  ['draft', 'finalize', { to: 'final' }],
  ['draft', 'share', { refused: 'Finalise the schedule before sharing it' }],
  ['final', 'edit', { refused: final }],
  ['final', 'finalize', { refused: final }],
  ['final', 'share', { to: 'shared' }],
  ['shared', 'edit', { refused: final }],
  ['shared', 'finalize', { refused: final }],
  ['shared', 'share', { refused: 'The schedule is already shared' }],
];

describe('the schedule workflow', () => {
  test('the table covers every state and every action once', () => {
    const covered = table.map(([s, a]) => `${s}:${a}`).sort();
    expect(covered).toEqual(scheduleStates.flatMap((s) => scheduleActions.map((a) => `${s}:${a}`)).sort());
  });

  test.each(table)('when a %s schedule is asked to %s, then %j', (state, action, expected) => {
    expect(scheduleStep(state, action)).toEqual(expected);
  });

  test.each([
    [{ status: 'draft', shared: false }, 'draft'],
    [{ status: 'draft', shared: true }, 'draft'],
    [{ status: 'final', shared: false }, 'final'],
    [{ status: 'final', shared: true }, 'shared'],
  ] as const)('when a stored schedule is %j, then it is %s', (stored, state) => {
    expect(scheduleState(stored)).toBe(state);
  });
});
