import type { z } from 'zod';
import type { question, QuestionCondition } from '../../schemas/template';

/** A question as written in a built-in template, before `templateContent.parse` fills the defaults. */
export type QuestionInput = z.input<typeof question>;

/** Fields most questions leave at their defaults (weight 1, no evidence, n.a. allowed, no condition). */
export interface QuestionExtras {
  weight?: number;
  evidence?: 'none' | 'optional' | 'required';
  allowNa?: boolean;
  condition?: QuestionCondition;
}

/** One choice option: key, label, credit (null: the option means "not applicable"). */
export type OptionTuple = readonly [key: string, label: string, credit: number | null];

/** A yes / partial / no question evidencing the given controls. */
export function yesNo(key: string, controlIds: string[], text: string, guidance: string, extras: QuestionExtras = {}): QuestionInput {
  return { key, text, guidance, answerType: 'yes_no', controlIds, ...extras };
}

/** A single-choice question whose options carry graded credits, for controls where maturity matters. */
export function singleChoice(
  key: string,
  controlIds: string[],
  text: string,
  guidance: string,
  options: readonly OptionTuple[],
  extras: QuestionExtras = {},
): QuestionInput {
  return {
    key,
    text,
    guidance,
    answerType: 'single_choice',
    options: options.map(([k, label, credit]) => ({ key: k, label, credit })),
    controlIds,
    ...extras,
  };
}

/**
 * A scoping question that only decides which follow-up questions are shown
 * (cloud use, in-house development…). Weight 0 and no control ids, so its
 * answer never moves a score; n.a. is not offered because the follow-ups
 * need a plain yes or no.
 */
export function gate(key: string, text: string, guidance: string): QuestionInput {
  return { key, text, guidance, answerType: 'yes_no', controlIds: [], weight: 0, evidence: 'none', allowNa: false };
}

/** Condition: show the question when the gate was answered yes or partial. */
export function whenYes(questionKey: string): QuestionCondition {
  return { questionKey, anyOf: ['yes', 'partial'] };
}
