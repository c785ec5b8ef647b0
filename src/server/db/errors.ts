import { DrizzleQueryError } from 'drizzle-orm';

// Drizzle wraps the driver's error (DrizzleQueryError, whose message includes the query's parameters):
// look for PostgreSQL's SQLSTATE on the error and on its causes.

function sqlState(err: unknown): string | undefined {
  let e: unknown = err;
  for (let depth = 0; depth < 5 && e && typeof e === 'object'; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/** A unique index refused the row (SQLSTATE 23505), e.g. an e-mail that another request inserted first. */
export function isUniqueViolation(err: unknown): boolean {
  return sqlState(err) === '23505';
}

/**
 * The error as it may be logged: Drizzle puts the query's parameters (password hashes, e-mails) in its
 * message, so a failed query is logged with its SQL text and the driver's error only.
 */
export function loggableError(err: unknown): unknown {
  if (err instanceof DrizzleQueryError) {
    const safe = new Error(`Failed query: ${err.query}`, { cause: err.cause });
    safe.stack = `${safe.message}\n${err.stack?.split('\n').slice(2).join('\n') ?? ''}`;
    return safe;
  }
  return err;
}
