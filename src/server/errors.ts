// Typed errors of the domain, mapped to HTTP in one place (see app.ts's error handler).

export type ErrorCode =
  | 'BAD_REQUEST'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'VALIDATION_FAILED'
  | 'TOO_MANY_REQUESTS'
  | 'PROVIDER_ERROR'
  | 'UNAVAILABLE'
  | 'INTERNAL';

export const STATUS_OF: Record<ErrorCode, number> = {
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  VALIDATION_FAILED: 422,
  TOO_MANY_REQUESTS: 429,
  PROVIDER_ERROR: 502,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

/** One field's problem, as the client shows it next to the input. */
export interface FieldError {
  field: string;
  message: string;
}

export class AppError extends Error {
  override name = 'AppError';
  readonly code: ErrorCode;
  readonly fields: FieldError[] | undefined;
  /** Extra machine-readable details (e.g. the current version on a 409, retryAfter on a 429). */
  readonly details: Record<string, unknown> | undefined;
  readonly headers: Record<string, string> | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    opts: {
      fields?: FieldError[];
      details?: Record<string, unknown>;
      headers?: Record<string, string>;
      cause?: unknown;
    } = {},
  ) {
    super(message, { cause: opts.cause });
    this.code = code;
    this.fields = opts.fields;
    this.details = opts.details;
    this.headers = opts.headers;
  }

  get status(): number {
    return STATUS_OF[this.code];
  }
}

export class NotFound extends AppError {
  constructor(what = 'This page', opts: { cause?: unknown } = {}) {
    super('NOT_FOUND', `${what} does not exist or you may not see it.`, opts);
  }
}

export class Forbidden extends AppError {
  constructor(message = 'You are not allowed to do this.') {
    super('FORBIDDEN', message);
  }
}

export class Unauthenticated extends AppError {
  constructor(message = 'Please log in.') {
    super('UNAUTHENTICATED', message);
  }
}

export class Conflict extends AppError {
  constructor(message: string, opts: { fields?: FieldError[]; details?: Record<string, unknown> } = {}) {
    super('CONFLICT', message, opts);
  }
}

export class ValidationFailed extends AppError {
  constructor(fields: FieldError[], message?: string) {
    super('VALIDATION_FAILED', message ?? fields.map((f) => `${f.field}: ${f.message}`).join('; '), {
      fields,
    });
  }

  static field(field: string, message: string): ValidationFailed {
    return new ValidationFailed([{ field, message }]);
  }
}

/** A videoconference provider refused or failed; carries the provider's own code and message. */
export class ProviderError extends AppError {
  readonly provider: string;
  readonly providerCode: string | number | undefined;

  constructor(
    provider: string,
    message: string,
    opts: {
      providerCode?: string | number;
      field?: string;
      status?: 'PROVIDER_ERROR' | 'VALIDATION_FAILED' | 'TOO_MANY_REQUESTS' | 'UNAVAILABLE';
      details?: Record<string, unknown>;
      headers?: Record<string, string>;
      cause?: unknown;
    } = {},
  ) {
    super(opts.status ?? (opts.field ? 'VALIDATION_FAILED' : 'PROVIDER_ERROR'), message, {
      fields: opts.field ? [{ field: opts.field, message }] : undefined,
      details: { provider, providerCode: opts.providerCode, ...opts.details },
      headers: opts.headers,
      cause: opts.cause,
    });
    this.provider = provider;
    this.providerCode = opts.providerCode;
  }
}
