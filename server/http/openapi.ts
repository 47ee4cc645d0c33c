import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { errorCodes } from '../../shared/errors';
import type { AnyRoute } from './route';

const errorBody = z
  .object({ error: z.object({ code: z.enum(errorCodes), message: z.string(), details: z.unknown().optional() }) })
  .meta({ id: 'Error' });

const standardErrors: Record<number, string> = {
  400: 'Invalid input: the message and details name each field',
  401: 'Not signed in',
  403: 'Your role may not do this, or the CSRF token is missing',
  404: 'Not found (or not yours)',
  409: 'Not allowed in the current state',
};

/** `/api/users/:id` → `/api/users/{id}` */
const openApiPath = (path: string) => path.replace(/:(\w+)/g, '{$1}');

/** The OpenAPI 3.1 document, generated from the route table's zod schemas. */
export function buildOpenApi(routes: readonly AnyRoute[], { version }: { version: string }) {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'session', { type: 'apiKey', in: 'cookie', name: 'scopewise.sid' });
  registry.registerComponent('securitySchemes', 'csrf', { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' });
  for (const route of routes) {
    const responses: Record<string, { description: string; content?: Record<string, { schema: z.ZodType }> }> = {};
    for (const [status, r] of Object.entries(route.responses)) {
      responses[status] = { description: r.description };
      if (r.schema) responses[status].content = { [r.contentType ?? 'application/json']: { schema: r.schema } };
      else if (r.contentType) responses[status].content = { [r.contentType]: { schema: z.string() } };
    }
    for (const [status, description] of Object.entries(standardErrors)) {
      if (status === '401' && route.access === 'public') continue;
      responses[status] ??= { description };
      responses[status].content ??= { 'application/json': { schema: errorBody } };
    }
    const writes = route.method !== 'get';
    registry.registerPath({
      method: route.method,
      path: openApiPath(route.path),
      summary: route.summary,
      description: route.description,
      tags: [route.tag],
      security: route.access === 'public' ? [] : writes ? [{ session: [], csrf: [] }] : [{ session: [] }],
      request: {
        params: route.params,
        query: route.query,
        body: route.body
          ? route.bodyType === 'multipart'
            ? { required: true, content: { 'multipart/form-data': { schema: withFileField(route.body) } } }
            : { required: true, content: { 'application/json': { schema: route.body } } }
          : undefined,
      },
      responses,
    });
  }
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Scopewise API',
      version,
      description:
        'Vendor due diligence against ISO/IEC 27002:2022. JSON over HTTPS with a session cookie; every state-changing request carries the X-CSRF-Token header from GET /api/auth/csrf. Errors are `{ "error": { "code", "message", "details"? } }`.',
    },
    servers: [{ url: '/' }],
  });
}

/** A multipart body: its text fields plus the required binary `file`. */
function withFileField(schema: z.ZodType): z.ZodType {
  const file = z.string().meta({ format: 'binary', description: 'The file' });
  return schema instanceof z.ZodObject ? schema.extend({ file }) : z.object({ file });
}
