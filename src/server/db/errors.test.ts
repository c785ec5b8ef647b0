import { DrizzleQueryError } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { isUniqueViolation, loggableError } from './errors';

describe('database errors', () => {
  const pgError = Object.assign(new Error('duplicate key value violates unique constraint'), {
    code: '23505',
  });

  it('recognises a unique violation wrapped by Drizzle', () => {
    expect(isUniqueViolation(new DrizzleQueryError('insert …', ['x'], pgError))).toBe(true);
    expect(isUniqueViolation(new Error('other'))).toBe(false);
  });

  it('logs a failed query without its parameters, which may hold password hashes', () => {
    const err = new DrizzleQueryError(
      'update "users" set "password_hash" = $1',
      ['$argon2id$v=19$secret'],
      pgError,
    );
    const logged = loggableError(err) as Error;
    expect(logged.message).toBe('Failed query: update "users" set "password_hash" = $1');
    expect(`${logged.message}${logged.stack}`).not.toContain('argon2id');
    expect(logged.cause).toBe(pgError);
  });
});
