import type { NodePgQueryResultHKT } from 'drizzle-orm/node-postgres';
import type { PgDatabase } from 'drizzle-orm/pg-core';
import type { Db } from './client';
import type * as schema from './schema';

/** A transaction handle, as passed to the callback of db.transaction(). */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** The database or a transaction on it: services and hooks take either, so callers choose the transaction. */
export type DbOrTx = PgDatabase<NodePgQueryResultHKT, typeof schema>;
