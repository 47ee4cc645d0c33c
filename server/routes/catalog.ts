import { z } from 'zod';
import { catalogVersion, filterControls } from '../../shared/catalog';
import { controlDto, controlQuery } from '../../shared/schemas/catalog';
import { defineRoute } from '../http/route';

export const catalogRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/controls',
    tag: 'Catalog',
    summary: 'The ISO/IEC 27002:2022 controls, filtered by theme and attributes',
    description:
      'Repeat a parameter for OR within it (`theme=People&theme=Physical`); different parameters AND together. ' +
      '`controlType=Preventive&capability=Identity_and_access_management` gives every preventive control tied to identity. ' +
      '`q` matches the id, the title or a 2013 predecessor id.',
    access: 'authenticated',
    query: controlQuery,
    responses: { 200: { description: 'Matching controls in catalog order', schema: z.object({ catalog: z.string(), controls: z.array(controlDto) }) } },
    handler: async ({ query }) => ({
      catalog: catalogVersion,
      controls: filterControls(query).map((c) => ({ id: c.id, theme: c.theme, title: c.title, newIn2022: c.newIn2022, iso2013: [...c.iso2013], attributes: c.attributes })),
    }),
  }),
];
