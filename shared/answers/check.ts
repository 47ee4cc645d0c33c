import type { AnswerValue } from '../schemas/answer';
import { allQuestions, yesNoValues, type Question, type TemplateContent } from '../schemas/template';

const isRealDate = (s: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};

/** Whether the value means "not applicable" for this question. */
export function isNotApplicable(q: Question, value: AnswerValue): boolean {
  if (q.answerType === 'yes_no') return value === 'na';
  const naKeys = q.options.filter((o) => o.credit === null).map((o) => o.key);
  if (q.answerType === 'single_choice') return typeof value === 'string' && naKeys.includes(value);
  if (q.answerType === 'multiple_choice') return Array.isArray(value) && value.length === 1 && naKeys.includes(value[0]!);
  return false;
}

/**
 * Whether a (non-null) value fits the question, and an n.a. answer carries a
 * justification. Returns the field at fault and why, or null when it is fine.
 */
export function checkAnswer(q: Question, input: { value: AnswerValue; comment?: string | null }): null | { field: 'value' | 'comment'; message: string } {
  const { value } = input;
  const bad = (message: string) => ({ field: 'value' as const, message });
  const optionKeys = q.options.map((o) => o.key);
  switch (q.answerType) {
    case 'yes_no': {
      const allowed = q.allowNa ? yesNoValues : yesNoValues.filter((v) => v !== 'na');
      if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) return bad(`must be one of ${allowed.join(', ')}`);
      break;
    }
    case 'single_choice':
      if (typeof value !== 'string' || !optionKeys.includes(value)) return bad(`must be one of ${optionKeys.join(', ')}`);
      break;
    case 'multiple_choice': {
      if (!Array.isArray(value) || value.length === 0) return bad(`must be a non-empty list of ${optionKeys.join(', ')}`);
      const unknown = value.filter((v) => !optionKeys.includes(v));
      if (unknown.length) return bad(`holds unknown options ${unknown.join(', ')}; allowed: ${optionKeys.join(', ')}`);
      if (new Set(value).size !== value.length) return bad('must not repeat an option');
      const na = q.options.filter((o) => o.credit === null && value.includes(o.key));
      if (na.length && value.length > 1) return bad(`"${na[0]!.key}" means not applicable and cannot be combined with other options`);
      break;
    }
    case 'text':
      if (typeof value !== 'string' || value.trim() === '') return bad('must be a non-empty text');
      break;
    case 'date':
      if (typeof value !== 'string' || !isRealDate(value)) return bad('must be a real calendar date (YYYY-MM-DD)');
      break;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return bad('must be a number');
      break;
  }
  if (isNotApplicable(q, value)) {
    if (!q.allowNa && q.answerType !== 'yes_no') return bad('cannot be not applicable for this question');
    if (!input.comment?.trim()) return { field: 'comment', message: 'an n.a. answer needs a justification' };
  }
  return null;
}

/**
 * The questions shown under the given answers, in template order. A
 * condition holds when the earlier question is shown and answered with one of
 * its values (any chosen option, for multiple choice).
 */
export function visibleQuestionKeys(content: TemplateContent, answers: ReadonlyMap<string, AnswerValue>): Set<string> {
  const visible = new Set<string>();
  for (const q of allQuestions(content)) {
    const c = q.condition;
    if (!c) {
      visible.add(q.key);
      continue;
    }
    if (!visible.has(c.questionKey)) continue;
    const v = answers.get(c.questionKey);
    const chosen = Array.isArray(v) ? v : typeof v === 'string' ? [v] : [];
    if (chosen.some((x) => c.anyOf.includes(x))) visible.add(q.key);
  }
  return visible;
}

/** Answered and total questions among those shown. */
export function answerProgress(content: TemplateContent, answers: ReadonlyMap<string, AnswerValue>): { answered: number; total: number } {
  const visible = visibleQuestionKeys(content, answers);
  let answered = 0;
  for (const key of visible) if (answers.has(key) && answers.get(key) !== null) answered++;
  return { answered, total: visible.size };
}
