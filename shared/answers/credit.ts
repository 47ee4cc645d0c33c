import type { AnswerValue } from '../schemas/answer';
import { yesNoCredit, type Question } from '../schemas/template';

/**
 * The credit an answer earns before caps (evidence, review verdict): yes 1,
 * partial 0.5, no 0; a choice its option's credit; several choices the mean
 * of their credits. null when the answer is n.a. or the type is not scored.
 */
export function rawCredit(q: Pick<Question, 'answerType' | 'options'>, value: AnswerValue): number | null {
  if (value === null) return null;
  if (q.answerType === 'yes_no') return value === 'na' ? null : (yesNoCredit[value as keyof typeof yesNoCredit] ?? null);
  const credit = (k: string) => q.options.find((o) => o.key === k)?.credit ?? null;
  if (q.answerType === 'single_choice') return typeof value === 'string' ? credit(value) : null;
  if (q.answerType === 'multiple_choice' && Array.isArray(value)) {
    const credits = value.map(credit).filter((c): c is number => c !== null);
    return credits.length ? credits.reduce((s, c) => s + c, 0) / credits.length : null;
  }
  return null;
}
