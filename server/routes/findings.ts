import { z } from 'zod';
import { idParams } from '../../shared/schemas/common';
import { scopeJudgementDto } from '../../shared/schemas/engagement';
import { findingAction, findingDto, findingsBasisDto } from '../../shared/schemas/finding';
import { changeFinding } from '../commands/finding';
import { notFound } from '../errors';
import { scopeJudgement } from '../findings/derive';
import { refreshIfStale } from '../findings/summary';
import { defineRoute } from '../http/route';
import { authorize } from '../policies';
import { findingPolicyOf } from '../policies/finding';
import { findingSubject, presentFinding, presentFindingsBasis } from '../presenters/finding';
import { findEngagement } from '../repositories/engagement';
import { findFinding, listFindings } from '../repositories/finding';
import { findingsBasis } from '../repositories/finding-facts';

const tag = 'Findings';

export const findingRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/engagements/:id/findings',
    tag,
    summary: "The engagement's findings, recomputed from the current facts",
    description:
      'The rules run on what the provider shared with the engagement (certificates, SoA, the latest submitted questionnaire). Each finding keeps its workflow state under a stable key across recomputations; ' +
      '`includeInactive=true` also lists findings the rules no longer raise.',
    access: 'authenticated',
    params: idParams,
    query: z.strictObject({ includeInactive: z.enum(['true', 'false']).optional() }),
    responses: { 200: { description: 'Most severe first, with what the rules read (`basis`)', schema: z.object({ findings: z.array(findingDto), basis: findingsBasisDto }) } },
    handler: async ({ deps, actor, params, query }) => {
      const e = await findEngagement(deps.db, actor, params.id);
      if (!e) throw notFound('Engagement');
      await refreshIfStale(deps.db, e);
      const rows = await listFindings(deps.db, actor, e.id, { includeInactive: query.includeInactive === 'true' });
      return { findings: rows.map((f) => presentFinding(actor, f)), basis: presentFindingsBasis(await findingsBasis(deps.db, e.id)) };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/engagements/:id/scope',
    tag,
    summary: 'Each contracted site and service against every certificate shared',
    description:
      'Coverage is the union of the valid certificates shared with the engagement: each site and service says which certificate covers it, and what each other certificate says; ' +
      'an expired, superseded or 2013-edition certificate covers nothing and says why. Findings are raised from the same judgement.',
    access: 'authenticated',
    params: idParams,
    responses: { 200: { description: 'The scope table', schema: z.object({ scope: scopeJudgementDto }) } },
    handler: async ({ deps, actor, params }) => {
      const e = await findEngagement(deps.db, actor, params.id);
      if (!e) throw notFound('Engagement');
      return { scope: await scopeJudgement(deps.db, e) };
    },
  }),
  defineRoute({
    method: 'patch',
    path: '/api/findings/:id',
    tag,
    summary: 'Move a finding through its workflow',
    description:
      'Actions: `plan_remediation` {owner, dueDate, plan} (either side), `respond` {response} (provider), `resolve` {note?}, `dismiss` {reason}, `accept_risk` {justification, approver, expiresAt} and `reopen` (buyer administrators and analysts). Every change is audited.',
    access: 'authenticated',
    params: idParams,
    body: findingAction,
    responses: { 200: { description: 'The finding', schema: z.object({ finding: findingDto }) }, 409: { description: 'Not possible in its current state' } },
    handler: async ({ deps, actor, params, body, origin }) => {
      const today = new Date().toISOString().slice(0, 10);
      const f = await findFinding(deps.db, actor, params.id);
      if (!f) throw notFound('Finding');
      authorize(actor, findingPolicyOf[body.action], findingSubject(f));
      await changeFinding(deps, actor, f.id, body, today, origin);
      return { finding: presentFinding(actor, (await findFinding(deps.db, actor, f.id))!, today) };
    },
  }),
];
