import { Router, type Express, type IRouter, type Request, type RequestHandler, type Response } from 'express';
import type { Deps } from '../deps';
import { AppError } from '../errors';
import { parseOrThrow } from '../middleware/validate';
import { discardUpload } from '../uploads/receive';
import { Reply, SerializedJson, type AnyRoute, type RequestOrigin } from './route';

/** Who sent this request, for audit events. */
export function originOf(req: Request): RequestOrigin {
  return {
    ip: req.ip ?? null,
    requestId: req.id ?? null,
    actorUserId: req.user?.userId ?? null,
    actorEmail: req.user?.email ?? null,
    apiTokenId: req.user?.apiToken?.id ?? null,
  };
}

function hasBody(req: Request): boolean {
  return req.get('transfer-encoding') !== undefined || Number(req.get('content-length') ?? 0) > 0;
}

/** The literal first two segments of a route's path (`/api/assessments`), or null. */
function groupOf(path: string): string | null {
  return /^\/[^/:]+\/[^/:]+(?=\/|$)/.exec(path)?.[0] ?? null;
}

/**
 * Mounts each route: authentication, route middleware, validation of params,
 * query and body, then the handler; its return value becomes the response.
 * Routes are grouped by their first two path segments, one router per group,
 * so a request is matched against its own group's routes only.
 */
export function mountRoutes(app: Express, routes: readonly AnyRoute[], deps: Deps): void {
  const groups = new Map<string, Router>();
  const routerFor = (path: string): { target: IRouter; path: string } => {
    const group = groupOf(path);
    if (!group) return { target: app, path };
    let router = groups.get(group);
    if (!router) groups.set(group, (router = Router()));
    return { target: router, path: path.slice(group.length) || '/' };
  };
  for (const route of routes) {
    // Authentication (and a route's early role check) come before any route
    // middleware, so an upload from someone who may not upload is never stored.
    const gate: RequestHandler = (req, _res, next) => {
      if (route.access === 'authenticated' && !req.user) return next(new AppError('UNAUTHENTICATED', 'Sign in first'));
      try {
        if (route.gate && req.user) route.gate(req.user);
        next();
      } catch (err) {
        next(err);
      }
    };
    const handle = async (req: Request, res: Response) => {
      const params = route.params ? parseOrThrow(route.params, req.params) : {};
      const query = route.query ? parseOrThrow(route.query, req.query) : {};
      let body: unknown;
      if (route.body && route.bodyType !== 'multipart') {
        if (hasBody(req) && !req.is('application/json')) {
          throw new AppError('UNSUPPORTED_MEDIA_TYPE', `Send the body as JSON (Content-Type: application/json), not ${req.get('content-type') ?? 'without a content type'}`);
        }
        body = parseOrThrow(route.body, req.body ?? {});
      } else if (route.body) {
        body = parseOrThrow(route.body, req.body ?? {});
      } else if (route.bodyType !== 'multipart') {
        // Nothing reads a body here: one of another type (text, a form, multipart) is refused, not ignored.
        if (hasBody(req) && !req.is('application/json')) throw new AppError('VALIDATION_FAILED', `This request takes no body (it came as ${req.get('content-type') ?? 'a body without a content type'})`);
        if (req.body && typeof req.body === 'object' && Object.keys(req.body).length > 0) {
          throw new AppError('VALIDATION_FAILED', 'This request takes no body', { fields: Object.keys(req.body).map((k) => ({ path: k, message: 'is not an allowed field' })) });
        }
      }
      const result = await route.handler({ req, res, deps, actor: req.user ?? null, body, query, params, origin: originOf(req) });
      if (res.headersSent) return;
      if (result instanceof SerializedJson) {
        res.type('application/json');
        if (!result.gzip) {
          res.send(result.body);
        } else {
          res.vary('Accept-Encoding');
          if (req.acceptsEncodings('gzip') === 'gzip') res.setHeader('Content-Encoding', 'gzip').send(result.gzip);
          else res.send(result.body);
        }
      } else if (result instanceof Reply) {
        res.status(result.status);
        if (result.body === undefined) res.end();
        else res.json(result.body);
      } else if (result === undefined) {
        res.status(204).end();
      } else {
        res.json(result);
      }
    };
    const { target, path } = routerFor(route.path);
    target[route.method](path, gate, ...(route.before?.(deps) ?? []), async (req, res) => {
      try {
        await handle(req, res);
      } catch (err) {
        // A failed multipart request leaves no stored file behind.
        if (req.received) await discardUpload(deps, req.received.storageKey).catch(() => undefined);
        throw err;
      }
    });
  }
  for (const [group, router] of groups) app.use(group, router);
}
