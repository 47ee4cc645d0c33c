import type { Request, RequestHandler, Response } from 'express';
import type { z } from 'zod';
import type { Deps } from '../deps';
import type { Actor } from '../policies/actor';
import type { RequestOrigin } from '../repositories/audit';

export type { RequestOrigin };

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Access = 'public' | 'authenticated';
type Schema = z.ZodType;
type Out<S> = S extends z.ZodType ? z.output<S> : undefined;


export interface Ctx<A extends Access, B, Q, P> {
  req: Request;
  res: Response;
  deps: Deps;
  actor: A extends 'authenticated' ? Actor : Actor | null;
  body: Out<B>;
  query: Out<Q>;
  params: Out<P>;
  origin: RequestOrigin;
}

/** A response with an explicit status (otherwise a returned value is sent as 200 JSON). */
export class Reply {
  constructor(
    readonly status: number,
    readonly body?: unknown,
  ) {}
}

/** A 200 response whose JSON is already serialized (a cached score, say), with its gzip when worth having. */
export class SerializedJson {
  constructor(
    readonly body: Buffer,
    readonly gzip: Buffer | null,
  ) {}

  get size(): number {
    return this.body.length + (this.gzip?.length ?? 0);
  }
}

export interface ResponseSpec {
  description: string;
  schema?: Schema;
  /** Defaults to application/json when a schema is given. */
  contentType?: string;
}

export interface RouteSpec<A extends Access = Access, B = unknown, Q = unknown, P = unknown> {
  method: Method;
  /** Express path, e.g. `/api/users/:id`. */
  path: string;
  summary: string;
  description?: string;
  tag: string;
  access: A;
  body?: B;
  /** How the body arrives: JSON (default) or multipart form data (documents, imports). */
  bodyType?: 'json' | 'multipart';
  query?: Q;
  params?: P;
  responses: Record<number, ResponseSpec>;
  /** A role check run right after authentication, before route middleware (throws like `authorize`). */
  gate?: (actor: Actor) => void;
  /** Route-specific middleware run before validation (rate limits, multipart parsing), built once per app. */
  before?: (deps: Deps) => RequestHandler[];
  handler: (ctx: Ctx<A, B, Q, P>) => Promise<unknown>;
}

/** Declares a route; the same object mounts the handler and documents it in OpenAPI. */
export function defineRoute<A extends Access, B extends Schema | undefined = undefined, Q extends Schema | undefined = undefined, P extends Schema | undefined = undefined>(
  spec: RouteSpec<A, B, Q, P>,
): RouteSpec<A, B, Q, P> {
  return spec;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRoute = RouteSpec<any, any, any, any>;
