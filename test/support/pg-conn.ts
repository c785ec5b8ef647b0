import pg from 'pg';

/** How the test files reach the run's PostgreSQL: the embedded server's socket, or TEST_DATABASE_URL. */
export type PgTarget = { url: string } | { host: string; port: number; user: string };

export function connFor(target: PgTarget, database: string): pg.ClientConfig {
  if ('url' in target) {
    const u = new URL(target.url);
    u.pathname = `/${database}`;
    return { connectionString: u.toString() };
  }
  return { host: target.host, port: target.port, user: target.user, database };
}

export async function adminQuery(target: PgTarget, sql: string): Promise<void> {
  const client = new pg.Client(connFor(target, adminDatabase(target)));
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** The database used to create and drop others: the one in TEST_DATABASE_URL, else `postgres`. */
export function adminDatabase(target: PgTarget): string {
  if ('url' in target) return new URL(target.url).pathname.replace(/^\//, '') || 'postgres';
  return 'postgres';
}
