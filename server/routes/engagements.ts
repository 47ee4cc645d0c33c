import { z } from 'zod';
import { idParams, text } from '../../shared/schemas/common';
import { createEngagementBody, engagementDto, engagementListDto, providerDto, updateEngagementBody } from '../../shared/schemas/engagement';
import { changeEngagement, createEngagement } from '../commands/engagement';
import { notFound } from '../errors';
import { defineRoute, Reply } from '../http/route';
import { authorize } from '../policies';
import { engagementSubject, presentEngagement, presentEngagementList } from '../presenters/engagement';
import { presentProvider } from '../presenters/provider';
import { findEngagement, listEngagements } from '../repositories/engagement';
import { searchProviders } from '../repositories/provider';

const tag = 'Engagements';
const one = z.object({ engagement: engagementDto });

export const engagementRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/providers',
    tag,
    summary: 'Provider organizations you may pick, by name or alias (buyers)',
    description: 'Providers someone joined, providers you invited and providers you already work with; another buyer\'s invitee that nobody joined is not listed. Each carries what tells namesakes apart: verified administrator email domains, whether an administrator joined, who invited it.',
    access: 'authenticated',
    query: z.strictObject({ q: text(100, { min: 2 }).optional() }),
    responses: { 200: { description: 'Up to 50 providers', schema: z.object({ providers: z.array(providerDto) }) } },
    handler: async ({ deps, actor, query }) => {
      authorize(actor, 'provider.search');
      return { providers: (await searchProviders(deps.db, actor, query.q)).map(presentProvider) };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/engagements',
    tag,
    summary: 'Engagements of your organization (as buyer or as provider)',
    access: 'authenticated',
    responses: { 200: { description: 'Newest first, with whether you may create one', schema: engagementListDto } },
    handler: async ({ deps, actor }) => {
      authorize(actor, 'engagement.list');
      return presentEngagementList(actor, await listEngagements(deps.db, actor));
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/engagements',
    tag,
    summary: 'Create an engagement with a provider (buyer administrators and analysts)',
    description: 'Give `providerOrganizationId` for a provider on Scopewise, or `newProvider` to invite one: its organization is created and its administrator receives an invitation by email. A `newProvider` named like a provider you can see is refused (400 naming `newProvider.confirmNewOrganization`, with `similarProviders` in the details) unless `confirmNewOrganization` is true.',
    access: 'authenticated',
    body: createEngagementBody,
    responses: { 201: { description: 'The engagement, with its computed risk tier', schema: one }, 400: { description: 'Invalid, or a `newProvider` named like a visible provider without `confirmNewOrganization`' } },
    handler: async ({ deps, actor, body, origin }) => {
      authorize(actor, 'engagement.create');
      const id = await createEngagement(deps, actor, body, origin);
      return new Reply(201, { engagement: presentEngagement(actor, (await findEngagement(deps.db, actor, id))!) });
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/engagements/:id',
    tag,
    summary: 'One engagement',
    access: 'authenticated',
    params: idParams,
    responses: { 200: { description: 'The engagement', schema: one } },
    handler: async ({ deps, actor, params }) => {
      const e = await findEngagement(deps.db, actor, params.id);
      if (!e) throw notFound('Engagement');
      return { engagement: presentEngagement(actor, e) };
    },
  }),
  defineRoute({
    method: 'patch',
    path: '/api/engagements/:id',
    tag,
    summary: 'Change an engagement or override its risk tier (buyer administrators and analysts)',
    description: 'A risk override needs a reason of at least 10 characters and is audited; `riskOverride: null` returns to the computed tier.',
    access: 'authenticated',
    params: idParams,
    body: updateEngagementBody,
    responses: { 200: { description: 'The updated engagement', schema: one } },
    handler: async ({ deps, actor, params, body, origin }) => {
      const e = await findEngagement(deps.db, actor, params.id);
      if (!e) throw notFound('Engagement');
      authorize(actor, 'engagement.update', engagementSubject(e));
      if (body.riskOverride !== undefined) authorize(actor, 'engagement.overrideRisk', engagementSubject(e));
      await changeEngagement(deps, actor, e, body, origin);
      return { engagement: presentEngagement(actor, (await findEngagement(deps.db, actor, params.id))!) };
    },
  }),
];
