import { sql } from 'kysely';
import { z } from 'zod';
import { AppError } from '../errors';
import { defineRoute } from '../http/route';

export const systemRoutes = [
  defineRoute({
    method: 'get',
    path: '/healthz',
    tag: 'System',
    summary: 'Liveness: the process is up',
    access: 'public',
    responses: { 200: { description: 'Up', schema: z.object({ status: z.literal('ok') }) } },
    handler: async () => ({ status: 'ok' as const }),
  }),
  defineRoute({
    method: 'get',
    path: '/readyz',
    tag: 'System',
    summary: 'Readiness: the database answers',
    access: 'public',
    responses: { 200: { description: 'Ready', schema: z.object({ status: z.literal('ready') }) }, 503: { description: 'The database does not answer' } },
    handler: async ({ deps }) => {
      try {
        await sql`SELECT 1`.execute(deps.db);
      } catch {
        throw new AppError('SERVICE_UNAVAILABLE', 'The database is not reachable');
      }
      return { status: 'ready' as const };
    },
  }),
];
