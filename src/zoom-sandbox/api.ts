// The pipeline in front of every /v2 route, in Zoom's order: bearer token (124), scope (4711),
// then the account's rate limit (429), whose headers also go on successful answers (zoom_api.md §3).
import type { FastifyInstance, FastifyReply, FastifyRequest, HTTPMethods } from 'fastify';
import type { z } from 'zod';
import { zoomErrors } from './errors';
import { isSatisfied, type ScopeRequirement } from './scopes';
import type { SandboxState } from './state';
import type { IssuedToken } from './tokens';
import type { RateLabel } from './types';

export interface ApiAuth {
  token: IssuedToken;
  accountId: string;
}

export interface ApiCall<P, Q> {
  request: FastifyRequest;
  reply: FastifyReply;
  auth: ApiAuth;
  params: P;
  query: Q;
}

export interface ApiRoute<P, Q> {
  method: HTTPMethods;
  url: string;
  scopes: ScopeRequirement;
  label: RateLabel;
  params: z.ZodType<P>;
  query: z.ZodType<Q>;
  handler: (call: ApiCall<P, Q>) => Promise<unknown>;
}

function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}

export function authenticate(state: SandboxState, authorization: string | undefined): ApiAuth {
  const token = bearerToken(authorization);
  if (!token) throw zoomErrors.invalidToken();
  const check = state.tokens.check(token, state.clock.nowMs());
  if (!check.ok) throw check.reason === 'expired' ? zoomErrors.expiredToken() : zoomErrors.invalidToken();
  return { token: check.token, accountId: check.token.accountId };
}

/** Path and query values Zoom cannot read fail like any invalid field. */
function read<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw zoomErrors.invalidField(parsed.error.issues[0]?.path.join('.') ?? 'query');
}

export function apiRoute<P, Q>(app: FastifyInstance, state: SandboxState, route: ApiRoute<P, Q>): void {
  const auths = new WeakMap<FastifyRequest, ApiAuth>();
  app.route({
    method: route.method,
    url: route.url,
    onRequest: async (request, reply) => {
      const auth = authenticate(state, request.headers.authorization);
      if (!isSatisfied(route.scopes, auth.token.scopes)) throw zoomErrors.missingScopes(route.scopes.anyOf);
      reply.headers(state.rateLimiter.consume(auth.accountId, route.label));
      auths.set(request, auth);
    },
    handler: async (request, reply) => {
      const auth = auths.get(request);
      if (!auth) throw zoomErrors.invalidToken();
      const params = read(route.params, request.params);
      const query = read(route.query, request.query);
      const body = await route.handler({ request, reply, auth, params, query });
      if (!reply.sent) await reply.send(body);
      return reply;
    },
  });
}
