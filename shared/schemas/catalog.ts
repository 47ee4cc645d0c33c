import { z } from 'zod';
import { controlTypes, cybersecurityConcepts, operationalCapabilities, securityDomains, securityProperties, themes } from '../catalog';
import { repeatedQuery } from './common';

const oneOf = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { message: `must be one of ${values.join(', ')}` });

/** `GET /api/controls`: repeat a parameter for OR; different parameters AND together. */
export const controlQuery = z.strictObject({
  theme: repeatedQuery(oneOf(themes)),
  controlType: repeatedQuery(oneOf(controlTypes)),
  property: repeatedQuery(oneOf(securityProperties)),
  concept: repeatedQuery(oneOf(cybersecurityConcepts)),
  capability: repeatedQuery(oneOf(operationalCapabilities as unknown as readonly [string, ...string[]])),
  domain: repeatedQuery(oneOf(securityDomains)),
  q: z.string().trim().max(100, { message: 'must be at most 100 characters' }).optional(),
});
export type ControlQuery = z.infer<typeof controlQuery>;

export const controlDto = z
  .object({
    id: z.string(),
    theme: z.enum(themes),
    title: z.string(),
    newIn2022: z.boolean(),
    iso2013: z.array(z.string()),
    attributes: z.object({
      controlType: z.array(z.string()),
      properties: z.array(z.string()),
      concepts: z.array(z.string()),
      capabilities: z.array(z.string()),
      domains: z.array(z.string()),
    }),
  })
  .meta({ id: 'Control' });
export type ControlDto = z.infer<typeof controlDto>;
