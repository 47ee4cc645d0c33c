import { z } from 'zod';
import { unknownVariables } from '../clauses/fill';
import { findingCodes } from '../findings/codes';
import { dataCategory } from './engagement-profile';
import { id, text } from './common';
import { controlId } from './template';

const condition = z.union(
  [
    z.literal('always'),
    z.strictObject({
      dataCategories: z.array(dataCategory).max(6).optional(),
      usesCloud: z.literal(true).optional(),
      remoteWork: z.literal(true).optional(),
      subcontractors: z.literal(true).optional(),
      developsSoftware: z.literal(true).optional(),
    }),
  ],
  { message: 'must be "always" or an object of conditions (dataCategories, usesCloud, remoteWork, subcontractors, developsSoftware)' },
);

const clauseText = text(8000, { min: 20 }).superRefine((t, ctx) => {
  const unknown = unknownVariables(t);
  if (unknown.length) ctx.addIssue({ code: 'custom', message: `uses unknown variables: ${unknown.map((v) => `{{${v}}}`).join(', ')}` });
});

const fields = {
  title: text(200, { min: 1 }),
  text: clauseText,
  controlIds: z.array(controlId).max(20).default([]),
  findingCodes: z.array(z.enum(findingCodes, { message: 'is not a finding code' })).max(findingCodes.length).default([]),
  when: condition.default({}),
};

/** A new clause of the buyer's library (legal). */
export const createClauseBody = z
  .strictObject({ key: z.string().min(3).max(80).regex(/^[a-z0-9-]+$/, { message: 'may hold only lower-case letters, digits and "-"' }), ...fields })
  .meta({ id: 'CreateClauseRequest' });

/** An edit makes a new version; `disabled` takes the clause out of new schedules. */
export const updateClauseBody = z
  .strictObject({
    title: fields.title.optional(),
    text: clauseText.optional(),
    controlIds: z.array(controlId).max(20).optional(),
    findingCodes: z.array(z.enum(findingCodes, { message: 'is not a finding code' })).max(findingCodes.length).optional(),
    when: condition.optional(),
    disabled: z.boolean().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'give at least one field to change', path: ['title'] })
  .meta({ id: 'UpdateClauseRequest' });

export const clauseDto = z
  .object({
    id,
    key: z.string(),
    version: z.number().int(),
    title: z.string(),
    text: z.string(),
    controlIds: z.array(z.string()),
    findingCodes: z.array(z.string()),
    when: z.unknown(),
    disabled: z.boolean(),
    updatedAt: z.string(),
    abilities: z.object({ edit: z.boolean() }),
  })
  .meta({ id: 'Clause' });
export type ClauseDto = z.infer<typeof clauseDto>;
