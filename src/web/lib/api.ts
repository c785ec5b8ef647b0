// The one way the web client calls the API: JSON in and out, the CSRF token echoed, errors typed.
import type { ApiErrorBody } from '../../contracts/errors';

export type FieldError = NonNullable<ApiErrorBody['error']['fields']>[number];

/** An API answer other than 2xx, in the server's error shape; `fields` go next to the form's inputs. */
export class ApiError extends Error {
  override name = 'ApiError';
  readonly status: number;
  readonly code: string;
  readonly fields: FieldError[];
  readonly details: Record<string, unknown>;

  constructor(status: number, body: ApiErrorBody['error']) {
    super(body.message);
    this.status = status;
    this.code = body.code;
    this.fields = body.fields ?? [];
    this.details = body.details ?? {};
  }
}

const CSRF_COOKIE = 'convene_csrf';
const CSRF_HEADER = 'x-csrf-token';

function readCookie(name: string): string | undefined {
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

function isErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return typeof error === 'object' && error !== null && 'message' in error && 'code' in error;
}

async function toApiError(res: Response): Promise<ApiError> {
  const body: unknown = await res.json().catch(() => undefined);
  if (isErrorBody(body)) return new ApiError(res.status, body.error);
  const message =
    res.status >= 500
      ? 'The server could not answer. Please try again in a moment.'
      : `The request failed (HTTP ${res.status}).`;
  return new ApiError(res.status, { code: res.status >= 500 ? 'UNAVAILABLE' : 'BAD_REQUEST', message });
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

async function send(
  method: Method,
  path: string,
  body: unknown,
  csrf: string | undefined,
): Promise<Response> {
  try {
    return await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: {
        accept: 'application/json',
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(method !== 'GET' && csrf ? { [CSRF_HEADER]: csrf } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  } catch {
    throw new ApiError(0, {
      code: 'NETWORK',
      message: 'The server cannot be reached. Check your connection and try again.',
    });
  }
}

async function isCsrfRefusal(res: Response): Promise<boolean> {
  const body: unknown = await res
    .clone()
    .json()
    .catch(() => undefined);
  return isErrorBody(body) && body.error.details?.reason === 'csrf';
}

export async function apiRequest<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const unsafe = method !== 'GET';
  // The server hands out the CSRF cookie with any API answer; the session query normally got it already.
  if (unsafe && !readCookie(CSRF_COOKIE)) await fetch('/api/auth/session', { credentials: 'same-origin' });
  let res = await send(method, path, body, readCookie(CSRF_COOKIE));
  // A first visit's parallel requests each receive a fresh CSRF cookie, so the one read just before sending
  // can be replaced in flight; the server then refuses with reason "csrf": send once more with the cookie now set.
  if (unsafe && res.status === 403 && (await isCsrfRefusal(res))) {
    res = await send(method, path, body, readCookie(CSRF_COOKIE));
  }
  if (!res.ok) throw await toApiError(res);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

export const api = {
  get: <T>(path: string) => apiRequest<T>('GET', path),
  post: <T>(path: string, body?: unknown) => apiRequest<T>('POST', path, body),
  patch: <T>(path: string, body?: unknown) => apiRequest<T>('PATCH', path, body),
  put: <T>(path: string, body?: unknown) => apiRequest<T>('PUT', path, body),
  delete: <T>(path: string) => apiRequest<T>('DELETE', path),
};

/** A query string from the defined, non-empty values. */
export function queryString(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') search.set(k, String(v));
  const s = search.toString();
  return s ? `?${s}` : '';
}

/** What to show a person for any error thrown by a query or a mutation. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  return 'Something went wrong. Please try again.';
}
