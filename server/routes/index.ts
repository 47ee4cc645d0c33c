import { z } from 'zod';
import { buildOpenApi } from '../http/openapi';
import { defineRoute, type AnyRoute } from '../http/route';
import { apiTokenRoutes } from './api-tokens';
import { auditRoutes } from './audit';
import { authRoutes } from './auth';
import { passwordRoutes } from './password';
import { catalogRoutes } from './catalog';
import { engagementRoutes } from './engagements';
import { templateRoutes } from './templates';
import { assessmentRoutes } from './assessments';
import { documentRoutes } from './documents';
import { certificateRoutes } from './certificates';
import { certificateVerificationRoutes } from './certificate-verifications';
import { soaRoutes } from './soas';
import { findingRoutes } from './findings';
import { portfolioRoutes } from './portfolio';
import { scoringRoutes } from './scoring';
import { scheduleRoutes } from './schedules';
import { clauseRoutes } from './clauses';
import { systemRoutes } from './system';
import { userRoutes } from './users';

let openApiDocument: ReturnType<typeof buildOpenApi> | undefined;

const openApiRoute = defineRoute({
  method: 'get',
  path: '/api/openapi.json',
  tag: 'System',
  summary: 'This API as an OpenAPI 3.1 document',
  access: 'public',
  responses: { 200: { description: 'The OpenAPI document', schema: z.record(z.string(), z.unknown()) } },
  handler: async () => (openApiDocument ??= buildOpenApi(routeTable, { version: process.env.npm_package_version ?? '0.1.0' })),
});

/**
 * Every route of the application. The same table mounts the handlers,
 * generates the OpenAPI document and drives the authorization matrix test.
 */
export const routeTable: readonly AnyRoute[] = [...systemRoutes, openApiRoute, ...authRoutes, ...passwordRoutes, ...userRoutes, ...apiTokenRoutes, ...auditRoutes, ...catalogRoutes, ...engagementRoutes, ...templateRoutes, ...assessmentRoutes, ...documentRoutes, ...certificateRoutes, ...certificateVerificationRoutes, ...soaRoutes, ...findingRoutes, ...portfolioRoutes, ...scoringRoutes, ...scheduleRoutes, ...clauseRoutes];
