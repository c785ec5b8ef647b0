// Zoom's failures as typed errors whose messages a person can act on; the provider maps them to form fields.
import { type FieldError, ProviderError } from '../../errors';

export type ZoomErrorKind =
  /** The credentials or the app are refused by the token endpoint (invalid client/grant, 47xx). */
  | 'credentials'
  /** The API refused the token even after one fresh token (code 124). */
  | 'token'
  /** The app lacks scopes (code 4711); `missingScopes` names them. */
  | 'scope'
  /** No such user on the account, or the invitation is pending/expired (1001, 1120, 1010). */
  | 'user-not-found'
  /** The meeting or webinar does not exist (any more) on Zoom (3001, or 404 without a code). */
  | 'meeting-not-found'
  /** Zoom refused the request's content (300); `fields` says which. */
  | 'validation'
  /** The host has no webinar licence (200). */
  | 'webinar-license'
  /** 429: per-second, the account's daily quota, or the host's 100 creates/updates a day; see `retryAt`. */
  | 'rate-limited'
  /** Zoom refused for another stated reason (e.g. 3000, 3002 meeting in progress, 3003 not the host). */
  | 'refused'
  /** No answer within the timeout. */
  | 'timeout'
  /** Zoom unreachable or failing (network error, 5xx). */
  | 'unavailable'
  /** Zoom answered something we cannot read (unexpected status or body). */
  | 'bad-response';

/** A Zoom field refused by a 300 "Validation Failed.", named both as Zoom and as Convene's forms say it. */
export interface ZoomFieldError extends FieldError {
  zoomField: string;
}

export type RateLimit = 'per-second' | 'daily-account' | 'daily-host';

export interface ZoomErrorOptions {
  httpStatus?: number;
  zoomCode?: number | string;
  fields?: ZoomFieldError[];
  missingScopes?: string[];
  retryAt?: Date;
  rateLimit?: RateLimit;
  /** The injected clock's now, so that the Retry-After header we pass on is computed on the same time line. */
  now?: Date;
  cause?: unknown;
}

const STATUS_OF_KIND: Partial<
  Record<ZoomErrorKind, 'VALIDATION_FAILED' | 'TOO_MANY_REQUESTS' | 'UNAVAILABLE' | 'PROVIDER_ERROR'>
> = {
  validation: 'VALIDATION_FAILED',
  'rate-limited': 'TOO_MANY_REQUESTS',
  timeout: 'UNAVAILABLE',
  unavailable: 'UNAVAILABLE',
};

export class ZoomError extends ProviderError {
  override name = 'ZoomError';
  readonly kind: ZoomErrorKind;
  readonly httpStatus: number | undefined;
  readonly zoomCode: number | string | undefined;
  override readonly fields: ZoomFieldError[] | undefined;
  readonly missingScopes: string[];
  /** When a rate-limited call may be tried again. */
  readonly retryAt: Date | undefined;
  readonly rateLimit: RateLimit | undefined;

  constructor(kind: ZoomErrorKind, message: string, opts: ZoomErrorOptions = {}) {
    const retryAfterSeconds = opts.retryAt
      ? Math.max(0, Math.ceil((opts.retryAt.getTime() - (opts.now ?? new Date()).getTime()) / 1000))
      : undefined;
    super('zoom', message, {
      providerCode: opts.zoomCode,
      status: STATUS_OF_KIND[kind] ?? 'PROVIDER_ERROR',
      details: {
        kind,
        ...(opts.missingScopes?.length ? { missingScopes: opts.missingScopes } : {}),
        ...(opts.retryAt ? { retryAt: opts.retryAt.toISOString() } : {}),
      },
      headers: retryAfterSeconds !== undefined ? { 'retry-after': String(retryAfterSeconds) } : undefined,
      cause: opts.cause,
    });
    this.kind = kind;
    this.httpStatus = opts.httpStatus;
    this.zoomCode = opts.zoomCode;
    this.fields = opts.fields?.length ? opts.fields : undefined;
    this.missingScopes = opts.missingScopes ?? [];
    this.retryAt = opts.retryAt;
    this.rateLimit = opts.rateLimit;
  }
}

export function isZoomError(err: unknown, kind?: ZoomErrorKind): err is ZoomError {
  return err instanceof ZoomError && (kind === undefined || err.kind === kind);
}
