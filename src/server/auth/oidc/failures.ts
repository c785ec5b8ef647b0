// What went wrong in a login through an identity provider, from openid-client's errors: one SSO_ERRORS code
// for the page, and a line for the log (error codes and messages, never a token or an authorization code).
import * as oidc from 'openid-client';
import { SsoFailure } from './accounts';

function causeOf(err: unknown): Record<string, unknown> {
  const cause = err instanceof Error ? err.cause : undefined;
  return typeof cause === 'object' && cause !== null ? (cause as Record<string, unknown>) : {};
}

function isNetworkFailure(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (e.name === 'TimeoutError' || e.name === 'AbortError') return true;
    if (e instanceof TypeError && /fetch failed/i.test(e.message)) return true;
    const code = (e as { code?: unknown }).code;
    if (
      typeof code === 'string' &&
      /^(ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|UND_ERR)/.test(code)
    )
      return true;
  }
  return false;
}

/** openid-client wraps the failed check (an oauth4webapi error with a code and a cause) in a ClientError. */
function unwrap(err: unknown): unknown {
  let e = err;
  for (let depth = 0; depth < 3 && e instanceof oidc.ClientError && e.cause instanceof Error; depth++)
    e = e.cause;
  return e;
}

export function ssoFailureOf(outer: unknown): SsoFailure {
  if (outer instanceof SsoFailure) return outer;
  const err = unwrap(outer);
  const message = err instanceof Error ? err.message : String(err);
  if (err instanceof oidc.AuthorizationResponseError) {
    return err.error === 'access_denied'
      ? new SsoFailure('cancelled', `${err.error}: ${err.error_description ?? ''}`)
      : new SsoFailure('provider_error', `${err.error}: ${err.error_description ?? ''}`);
  }
  if (err instanceof oidc.ResponseBodyError) {
    return err.error === 'invalid_grant'
      ? new SsoFailure('code', `token endpoint: ${err.error}: ${err.error_description ?? ''}`)
      : new SsoFailure('provider_error', `token endpoint: ${err.error}: ${err.error_description ?? ''}`);
  }
  const code = (err as { code?: unknown }).code;
  const cause = causeOf(err);
  if (code === 'OAUTH_JWT_CLAIM_COMPARISON_FAILED') {
    if (cause.claim === 'aud') return new SsoFailure('wrong_audience', message);
    if (cause.claim === 'nonce') return new SsoFailure('nonce', message);
    return new SsoFailure('invalid_token', message);
  }
  if (code === 'OAUTH_JWT_TIMESTAMP_CHECK_FAILED') return new SsoFailure('token_expired', message);
  if (/"state"/.test(message)) return new SsoFailure('state', message);
  if (isNetworkFailure(outer)) return new SsoFailure('unavailable', message);
  if (typeof code === 'string' && code.startsWith('OAUTH_')) return new SsoFailure('invalid_token', message);
  return new SsoFailure('failed', message);
}
