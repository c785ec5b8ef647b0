import type { Db } from './client';

/** A transaction handle, as passed to the callback of db.transaction(). */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
