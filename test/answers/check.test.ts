import { answerProgress, checkAnswer, isNotApplicable, visibleQuestionKeys } from '../../shared/answers/check';
import type { AnswerValue } from '../../shared/schemas/answer';
import { allQuestions, templateContent } from '../../shared/schemas/template';
import { smallTemplate } from '../helpers/template-fixture';

const content = templateContent.parse(smallTemplate);
const q = (key: string) => allQuestions(content).find((x) => x.key === key)!;

describe('checkAnswer', () => {
  test.each<[string, AnswerValue, string | null, null | 'value' | 'comment']>([
    ['screening', 'yes', null, null],
    ['screening', 'partial', null, null],
    ['screening', 'na', 'No agents touch client data', null],
    ['screening', 'na', '   ', 'comment'],
    ['screening', 'maybe', null, 'value'],
    ['screening', 1, null, 'value'],
    ['remote-allowed', 'na', 'because', 'value'],
    ['training-frequency', 'yearly', null, null],
    ['training-frequency', 'weekly', null, 'value'],
    ['training-frequency', ['yearly'], null, 'value'],
    ['remote-controls', ['vdi', 'camera'], null, null],
    ['remote-controls', [], null, 'value'],
    ['remote-controls', ['vdi', 'vdi'], null, 'value'],
    ['remote-controls', ['vdi', 'teleport'], null, 'value'],
    ['remote-controls', 'vdi', null, 'value'],
    ['last-review', '2026-03-01', null, null],
    ['last-review', '2026-02-30', null, 'value'],
    ['last-review', '2025-02-29', null, 'value'],
    ['last-review', '01/03/2026', null, 'value'],
    ['home-workers', 120, null, null],
    ['home-workers', '120', null, 'value'],
    ['notes', 'Two sites share one SOC', null, null],
    ['notes', '   ', null, 'value'],
  ])('when %s is answered %j (comment %j), then the problem is on %s', (key, value, comment, field) => {
    const problem = checkAnswer(q(key), { value, comment });
    expect(problem?.field ?? null).toBe(field);
    if (problem) expect(problem.message.length).toBeGreaterThan(8);
  });

  test('when a choice option has no credit, then choosing it alone is n.a. and needs a justification; mixing it is refused', () => {
    const question = { ...q('remote-controls'), options: [...q('remote-controls').options, { key: 'not-permitted', label: 'Home work is not permitted', credit: null }] };
    expect(isNotApplicable(question, ['not-permitted'])).toBe(true);
    expect(checkAnswer(question, { value: ['not-permitted'], comment: null })?.field).toBe('comment');
    expect(checkAnswer(question, { value: ['not-permitted'], comment: 'Office only' })).toBeNull();
    expect(checkAnswer(question, { value: ['not-permitted', 'vdi'], comment: 'x' })?.field).toBe('value');
  });
});

describe('visibility and progress', () => {
  test('when the question a condition depends on is answered with a listed value, then the dependent question shows and counts', () => {
    const none = new Map<string, AnswerValue>();
    expect(visibleQuestionKeys(content, none).has('remote-controls')).toBe(false);
    expect(answerProgress(content, none)).toEqual({ answered: 0, total: 6 });
    const yes = new Map<string, AnswerValue>([['remote-allowed', 'yes']]);
    expect(visibleQuestionKeys(content, yes).has('remote-controls')).toBe(true);
    expect(answerProgress(content, yes)).toEqual({ answered: 1, total: 7 });
    const no = new Map<string, AnswerValue>([['remote-allowed', 'no'], ['remote-controls', ['vdi']]]);
    expect(visibleQuestionKeys(content, no).has('remote-controls')).toBe(false);
    expect(answerProgress(content, no)).toEqual({ answered: 1, total: 6 });
  });
});
