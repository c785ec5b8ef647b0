import { and, type SQL, sql } from 'drizzle-orm';

export type { DbOrTx } from '../db/types';

/** Who is looking or acting; undefined for an anonymous visitor. A SessionUser fits. */
export type Viewer = { id: number; isAdmin: boolean } | undefined;

/** Who made a change; null for the system (jobs, webhooks). */
export type Actor = { id: number; isAdmin: boolean } | null;

/**
 * Awaits Drizzle queries one after the other, with Promise.all's typing. Drizzle queries run only when
 * awaited, and one connection (a transaction) must not run two at once: pg deprecates queueing them.
 */
export async function inTurn<T extends readonly unknown[]>(
  ...queries: { [K in keyof T]: PromiseLike<T[K]> }
): Promise<T> {
  const results: unknown[] = [];
  for (const query of queries) results.push(await query);
  return results as unknown as T;
}

/** `and` of the conditions, as SQL (Drizzle's `and` may return undefined when given none). */
export function allOf(...conditions: Array<SQL | undefined>): SQL {
  return and(...conditions) ?? sql`true`;
}
