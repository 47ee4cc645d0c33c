import { z } from 'zod';
import { controls } from '../../shared/catalog';
import { requiredControlRules } from '../../shared/engagements/required-controls';
import { scoringProfileBody, scoringTablesDto, type ScoringTablesDto } from '../../shared/schemas/scoring-profile';
import { multiplierRules, ratingThresholds, residualRiskMatrix } from '../../shared/scoring/tables';
import { saveScoringProfile } from '../commands/scoring';
import { defineRoute } from '../http/route';
import { authorize, can } from '../policies';
import { loadScoringWeights } from '../repositories/scoring-profile';

const tag = 'Scoring';

export const scoringRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/scoring',
    tag,
    summary: 'The scoring tables (multipliers, required controls, rating thresholds, residual risk) and your scoring profile (buyers)',
    access: 'authenticated',
    responses: { 200: { description: 'Tables and weights', schema: scoringTablesDto } },
    handler: async ({ deps, actor }): Promise<ScoringTablesDto> => {
      authorize(actor, 'portfolio.read');
      return {
        weights: await loadScoringWeights(deps.db, actor),
        multipliers: multiplierRules.map((r) => ({ reason: r.reason, controlIds: [...r.controlIds], factor: r.factor })),
        requiredControls: requiredControlRules.map((r) => ({ when: r.when, controlIds: [...r.controlIds] })),
        ratingThresholds: ratingThresholds.map((t) => ({ rating: t.rating, min: Number.isFinite(t.min) ? t.min : null })),
        residualRisk: residualRiskMatrix,
        controls: controls.map((c) => ({ id: c.id, title: c.title, theme: c.theme })),
        abilities: { editWeights: can(actor, 'scoring.editWeights') },
      };
    },
  }),
  defineRoute({
    method: 'put',
    path: '/api/scoring/profile',
    tag,
    summary: "Set your organization's control weights (buyer administrators and analysts)",
    description: 'Weights between 0 (the control does not count) and 10; controls not listed weigh 1. Every engagement is rescored.',
    access: 'authenticated',
    body: scoringProfileBody,
    responses: { 200: { description: 'The saved weights', schema: z.object({ weights: z.record(z.string(), z.number()) }) } },
    handler: async ({ deps, actor, body, origin }) => {
      authorize(actor, 'scoring.editWeights');
      await saveScoringProfile(deps, actor, body.weights, origin);
      return { weights: body.weights };
    },
  }),
];
