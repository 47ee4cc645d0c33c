import { z } from 'zod';
import { isControlId } from '../catalog';
import { text } from './common';

/**
 * Answer types. `yes_no` takes yes / partial / no (and n.a. when allowed);
 * choices carry a credit per option (null: the option means "not
 * applicable"); text, date and number answers are informational and not scored.
 */
export const answerTypes = ['yes_no', 'single_choice', 'multiple_choice', 'text', 'date', 'number'] as const;
export type AnswerType = (typeof answerTypes)[number];
export const scoredAnswerTypes: readonly AnswerType[] = ['yes_no', 'single_choice', 'multiple_choice'];

export const evidencePolicies = ['none', 'optional', 'required'] as const;
export type EvidencePolicy = (typeof evidencePolicies)[number];

/** Credit of the yes/partial/no answers (SPEC: yes 1, partial 0.5, no 0). */
export const yesNoCredit = { yes: 1, partial: 0.5, no: 0 } as const;
export const yesNoValues = ['yes', 'partial', 'no', 'na'] as const;

const key = z
  .string({ message: 'must be a string' })
  .trim()
  .min(1, { message: 'is required' })
  .max(40, { message: 'must be at most 40 characters' })
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, { message: 'may hold only letters, digits, ".", "_" and "-"' });

export const controlId = z.string({ message: 'must be a string' }).refine(isControlId, { message: 'is not an ISO/IEC 27002:2022 control id (5.1 … 8.34)' });

export const choiceOption = z.strictObject({
  key,
  label: text(300, { min: 1 }),
  /** 0…1; null marks the option as "not applicable" (excluded from the score, needs a justification). */
  credit: z.number({ message: 'must be a number or null' }).min(0).max(1).nullable(),
});
export type ChoiceOption = z.infer<typeof choiceOption>;

export const questionCondition = z.strictObject({
  /** Key of an earlier question in the template. */
  questionKey: key,
  /** Shown only when that question's answer is one of these values (option keys, or yes/partial/no/na). */
  anyOf: z.array(z.string().min(1).max(40)).min(1, { message: 'needs at least one value' }).max(20),
});
export type QuestionCondition = z.infer<typeof questionCondition>;

export const question = z.strictObject({
  key,
  text: text(2000, { min: 1 }),
  /** What a good answer says and which evidence satisfies it. */
  guidance: text(4000).default(''),
  answerType: z.enum(answerTypes, { message: `must be one of ${answerTypes.join(', ')}` }),
  options: z.array(choiceOption).max(30).default([]),
  controlIds: z.array(controlId).max(20).default([]),
  weight: z.number({ message: 'must be a number' }).min(0).max(10).default(1),
  evidence: z.enum(evidencePolicies, { message: `must be one of ${evidencePolicies.join(', ')}` }).default('none'),
  allowNa: z.boolean().default(true),
  condition: questionCondition.nullable().default(null),
});
export type Question = z.infer<typeof question>;

export const section = z.strictObject({
  key,
  title: text(200, { min: 1 }),
  description: text(2000).default(''),
  questions: z.array(question).min(1, { message: 'needs at least one question' }).max(300),
});
export type Section = z.infer<typeof section>;

/** Structural rules zod cannot see field by field: unique keys, options where needed, conditions on earlier questions. */
function checkTemplate(t: { sections: Section[] }, ctx: z.RefinementCtx) {
  const seen = new Map<string, Question>();
  const sectionKeys = new Set<string>();
  t.sections.forEach((s, si) => {
    if (sectionKeys.has(s.key)) ctx.addIssue({ code: 'custom', path: ['sections', si, 'key'], message: `duplicates section key "${s.key}"` });
    sectionKeys.add(s.key);
    s.questions.forEach((q, qi) => {
      const at = ['sections', si, 'questions', qi];
      if (seen.has(q.key)) ctx.addIssue({ code: 'custom', path: [...at, 'key'], message: `duplicates question key "${q.key}"` });
      const choice = q.answerType === 'single_choice' || q.answerType === 'multiple_choice';
      if (choice && q.options.length < 2) ctx.addIssue({ code: 'custom', path: [...at, 'options'], message: 'a choice question needs at least two options' });
      if (!choice && q.options.length > 0) ctx.addIssue({ code: 'custom', path: [...at, 'options'], message: `a ${q.answerType} question takes no options` });
      const optionKeys = new Set<string>();
      q.options.forEach((o, oi) => {
        if (optionKeys.has(o.key)) ctx.addIssue({ code: 'custom', path: [...at, 'options', oi, 'key'], message: `duplicates option key "${o.key}"` });
        optionKeys.add(o.key);
      });
      if (q.evidence !== 'none' && !scoredAnswerTypes.includes(q.answerType)) {
        ctx.addIssue({ code: 'custom', path: [...at, 'evidence'], message: 'evidence policies apply to yes/no and choice questions' });
      }
      if (q.condition) {
        const target = seen.get(q.condition.questionKey);
        if (!target) {
          ctx.addIssue({ code: 'custom', path: [...at, 'condition', 'questionKey'], message: `must name an earlier question; "${q.condition.questionKey}" is not one` });
        } else {
          const allowed = target.answerType === 'yes_no' ? [...yesNoValues] : target.options.map((o) => o.key);
          if (!scoredAnswerTypes.includes(target.answerType)) {
            ctx.addIssue({ code: 'custom', path: [...at, 'condition', 'questionKey'], message: 'must name a yes/no or choice question' });
          } else {
            for (const v of q.condition.anyOf) {
              if (!allowed.includes(v)) ctx.addIssue({ code: 'custom', path: [...at, 'condition', 'anyOf'], message: `"${v}" is not an answer of question "${target.key}" (${allowed.join(', ')})` });
            }
          }
        }
      }
      seen.set(q.key, q);
    });
  });
}

export const templateContent = z
  .strictObject({
    name: text(200, { min: 1 }),
    description: text(4000).default(''),
    sections: z.array(section).min(1, { message: 'needs at least one section' }).max(50),
  })
  .superRefine(checkTemplate)
  .meta({ id: 'TemplateContent' });
export type TemplateContent = z.infer<typeof templateContent>;
export type TemplateContentInput = z.input<typeof templateContent>;

/** Every question of a template in order. */
export function allQuestions(t: { sections: Section[] }): Question[] {
  return t.sections.flatMap((s) => s.questions);
}

/** A template in lists: built-in or the buyer's own, at its current version. */
export const templateSummaryDto = z
  .object({
    id: z.uuid(),
    name: z.string(),
    description: z.string(),
    builtin: z.boolean(),
    version: z.number().int(),
    questionCount: z.number().int(),
    controlCount: z.number().int(),
    updatedAt: z.string(),
    archived: z.boolean(),
    abilities: z.object({ update: z.boolean(), archive: z.boolean(), use: z.boolean() }),
  })
  .meta({ id: 'TemplateSummary' });
export type TemplateSummaryDto = z.infer<typeof templateSummaryDto>;

/** GET /api/templates: the list, and whether the actor may write (new, import) a template of their own. */
export const templateListDto = z.object({ templates: z.array(templateSummaryDto), abilities: z.object({ create: z.boolean() }) }).meta({ id: 'TemplateList' });
export type TemplateListDto = z.infer<typeof templateListDto>;

export const templateDto = templateSummaryDto
  .extend({
    content: templateContent,
    versions: z.array(z.object({ version: z.number().int(), createdAt: z.string(), questionCount: z.number().int() })),
  })
  .meta({ id: 'Template' });
export type TemplateDto = z.infer<typeof templateDto>;

/** One problem in an imported workbook, by sheet, row and column. */
export const importProblem = z.object({ sheet: z.string().optional(), row: z.number().int(), column: z.string(), message: z.string() }).meta({ id: 'ImportProblem' });
export type ImportProblem = z.infer<typeof importProblem>;
