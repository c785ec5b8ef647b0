import { ApiErrorBody } from '../../contracts/errors';

type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 422 | 429;

/** Response schemas for the error statuses a route returns: `response: { 200: X, ...errorResponses(401, 422) }`. */
export function errorResponses<S extends ErrorStatus>(...statuses: S[]): Record<S, typeof ApiErrorBody> {
  return Object.fromEntries(statuses.map((s) => [s, ApiErrorBody])) as Record<S, typeof ApiErrorBody>;
}

/** What every state-changing route can answer: malformed JSON, a missing CSRF token, an invalid field. */
export const WRITE_ERRORS = [400, 403, 422] as const;
