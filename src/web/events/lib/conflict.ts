// Optimistic concurrency: every edit sends the version it was made on; a stale one gets 409 and the
// item as it is now in `error.details.current`, which the form offers to reload.
import type { z } from 'zod';
import { ApiError } from '../../lib/api';

export interface Conflict<T> {
  message: string;
  /** The item as the server has it now; undefined if the answer did not carry a readable one. */
  current: T | undefined;
}

/** The conflict in an error of a write, or undefined if the error is something else. */
export function conflictOf<T>(err: unknown, schema: z.ZodType<T>): Conflict<T> | undefined {
  if (!(err instanceof ApiError) || err.status !== 409) return undefined;
  const parsed = schema.safeParse(err.details.current);
  return { message: err.message, current: parsed.success ? parsed.data : undefined };
}
