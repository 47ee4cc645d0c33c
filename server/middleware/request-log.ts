import crypto from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';

declare module 'http' {
  interface IncomingMessage {
    /** This request's id: the caller's X-Request-Id when it is sane, else a new UUID. Echoed in the response. */
    id: string;
  }
}

const SANE_ID = /^[\w.-]{1,64}$/;

/**
 * Gives each request an id (echoed as X-Request-Id, quoted in 500 errors and
 * logs) and logs one line when it ends: info, warn for 4xx, error for 5xx,
 * with method, path (never the query string), status and duration. A line is
 * only built when its level is enabled.
 */
export function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const incoming = req.headers['x-request-id'];
    req.id = typeof incoming === 'string' && SANE_ID.test(incoming) ? incoming : crypto.randomUUID();
    res.setHeader('X-Request-Id', req.id);
    const started = process.hrtime.bigint();
    const done = () => {
      res.off('finish', done);
      res.off('close', done);
      const status = res.writableFinished ? res.statusCode : 499;
      const level = status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info';
      if (!logger.isLevelEnabled(level)) return;
      const ms = Math.round(Number(process.hrtime.bigint() - started) / 1e4) / 100;
      logger[level]({ reqId: req.id, method: req.method, path: req.originalUrl.split('?')[0], status, ms }, status === 499 ? 'request aborted' : 'request completed');
    };
    res.on('finish', done);
    res.on('close', done);
    next();
  };
}
