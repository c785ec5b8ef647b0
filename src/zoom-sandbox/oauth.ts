// POST /oauth/token: Server-to-Server OAuth with grant_type=account_credentials (zoom_api.md §1).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { oauthErrors } from './errors';
import type { SandboxState } from './state';
import { TOKEN_TTL_SECONDS } from './tokens';

interface TokenParams {
  grantType: string | undefined;
  accountId: string | undefined;
  fromQuery: boolean;
}

function stringRecord(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null) return {};
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(value)) if (typeof v === 'string') out[k] = v;
  return out;
}

/** Parameters from the form body, else (as Indico sends them) from the query string (zoom_api.md §1). */
function tokenParams(request: FastifyRequest): TokenParams {
  const body = stringRecord(request.body);
  const query = stringRecord(request.query);
  const grantType = body.grant_type ?? query.grant_type;
  const accountId = body.account_id ?? query.account_id;
  const fromQuery = body.grant_type === undefined && query.grant_type !== undefined;
  return { grantType, accountId, fromQuery };
}

function basicCredentials(header: string | undefined): { id: string; secret: string } | undefined {
  const match = /^Basic\s+(\S+)\s*$/i.exec(header ?? '');
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { id: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
}

export function registerOAuthRoutes(app: FastifyInstance, state: SandboxState): void {
  app.post('/oauth/token', async (request, reply) => {
    state.tokens.requestCount++;
    const client = basicCredentials(request.headers.authorization);
    const credentials = client
      ? state.credentials.find((c) => c.clientId === client.id && c.clientSecret === client.secret)
      : undefined;
    if (!credentials) throw oauthErrors.invalidClient();
    const params = tokenParams(request);
    if (!params.grantType) throw oauthErrors.missingGrantType();
    if (params.grantType !== 'account_credentials') throw oauthErrors.unsupportedGrantType();
    if (!params.accountId) throw oauthErrors.missingAccountId();
    if (params.accountId !== credentials.accountId) throw oauthErrors.unknownAccount();
    if (params.fromQuery) {
      // Zoom has started refusing query-style token requests (zoom_api.md §1); accepted here, with a warning.
      request.log.warn('Zoom sandbox: /oauth/token parameters sent in the query string; send a form body');
    }
    const issued = state.tokens.issue(
      credentials.accountId,
      credentials.clientId,
      state.grantedScopes(credentials),
      state.clock.nowMs(),
    );
    reply.header('cache-control', 'no-store');
    return {
      access_token: issued.token,
      token_type: 'bearer',
      expires_in: TOKEN_TTL_SECONDS,
      scope: [...issued.scopes].join(' '),
      api_url: state.publicUrl,
    };
  });
}
