import express, { type Express, type RequestHandler } from 'express';
import helmet from 'helmet';
import type { Deps } from './deps';
import { mountApiDocs, mountClient } from './http/client';
import { mountRoutes } from './http/mount';
import { apiTokenAuth } from './middleware/api-token';
import { requireCsrfToken } from './middleware/csrf';
import { apiNotFound, errorHandler } from './middleware/error-handler';
import { limitJsonDepth } from './middleware/json-depth';
import { requestLog } from './middleware/request-log';
import { sessionMiddleware } from './middleware/session';
import { routeTable } from './routes';

const JSON_LIMIT = '2mb';
/** Deeper than any request body Scopewise takes; checked before parsing, so deep nesting costs one scan. */
const JSON_MAX_DEPTH = 32;

/** Builds the Express application without listening: main.ts and the tests both use it. */
export function createApp(deps: Deps): Express {
  const { config, logger } = deps;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy ? 1 : false);
  app.set('query parser', 'simple');
  // API answers are never cached (Cache-Control: no-store), so hashing each body for an ETag is wasted work.
  app.set('etag', false);

  app.use(requestLog(logger));
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          // The component library sets CSS variables in <style> elements.
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          frameAncestors: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          ...(config.cookieSecure ? { upgradeInsecureRequests: [] } : {}),
        },
      },
      strictTransportSecurity: config.cookieSecure ? { maxAge: 31536000, includeSubDomains: true } : false,
      referrerPolicy: { policy: 'no-referrer' },
    }),
  );

  // A request with an API token has no session and needs no CSRF token (no browser sends it on its own).
  const unlessToken = (mw: RequestHandler): RequestHandler => (req, res, next) => (req.viaApiToken ? next() : mw(req, res, next));
  app.use('/api', express.json({ limit: JSON_LIMIT, verify: limitJsonDepth(JSON_MAX_DEPTH) }), apiTokenAuth(deps), ...sessionMiddleware(deps).map(unlessToken), unlessToken(requireCsrfToken(config)));
  app.use('/api', (_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  mountApiDocs(app);
  mountRoutes(app, routeTable, deps);
  app.use('/api', apiNotFound);
  mountClient(app, config.clientDist);
  app.use(errorHandler(logger));
  return app;
}
