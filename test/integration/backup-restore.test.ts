// Backup and restore (src/server/db/backup.ts): a world backed up while the server serves requests comes
// back row for row in a fresh embedded database and in a database on the run's PostgreSQL server; damaged
// files are refused before anything is written.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { listTables, writeBackup } from '../../src/server/db/backup';
import { BackupError, type BackupHeader, verifyBackup } from '../../src/server/db/backup-file';
import { installPoolErrorHandlers } from '../../src/server/db/client';
import { openMaintenanceTarget } from '../../src/server/db/maintenance';
import { restoreBackup } from '../../src/server/db/restore';
import { fakeClock, useTestApp } from '../support/app';
import { makeBlock, makeContribution, makeEvent } from '../support/event-factories';
import { agentFor } from '../support/factories';
import { adminQuery, connFor } from '../support/pg-conn';
import {
  createZoomRoom,
  createZoomRoomRequest,
  nextSecond,
  settleSandboxUsers,
  zoomPerson,
} from '../support/zoom-rooms';

type Rows = Map<string, string[]>;

/** Every row of every backed-up table, as JSON text in UTC, sorted: what "row for row" compares. */
async function readAll(conn: pg.ClientConfig, tables: BackupHeader['tables']): Promise<Rows> {
  const client = new pg.Client(conn);
  await client.connect();
  try {
    await client.query(`SET TIME ZONE 'UTC'`);
    const out: Rows = new Map();
    for (const t of tables) {
      const cols = t.columns.map((c) => `"${c}"`).join(', ');
      const { rows } = await client.query<{ r: string }>(
        `SELECT to_jsonb(x)::text AS r FROM (SELECT ${cols} FROM ${t.name}) x`,
      );
      out.set(t.name, rows.map((r) => r.r).sort());
    }
    return out;
  } finally {
    await client.end();
  }
}

async function tableCount(pool: pg.Pool): Promise<number> {
  const { rows } = await pool.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_tables WHERE schemaname IN ('public', 'drizzle', 'graphile_worker')`,
  );
  return rows[0]?.n ?? -1;
}

describe('backup and restore', () => {
  const clock = fakeClock();
  const t = useTestApp({ clock });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'convene-backup-test-'));
  const file = path.join(dir, 'convene.backup.gz');
  const { target } = inject('pg');
  const databases: string[] = [];
  let header: BackupHeader;
  let before: Rows;
  let after: Rows;

  /** A new, empty database on the run's PostgreSQL server. */
  async function emptyDatabase(): Promise<{ pool: pg.Pool; conn: pg.ClientConfig }> {
    const name = `restore_${randomBytes(5).toString('hex')}`;
    await adminQuery(target, `CREATE DATABASE ${name}`);
    databases.push(name);
    const conn = connFor(target, name);
    const pool = new pg.Pool({ ...conn, max: 2 });
    installPoolErrorHandlers(pool, () => undefined);
    return { pool, conn };
  }

  beforeAll(async () => {
    // The world: users and their sessions, events with a timetable, Zoom rooms linked to them, the log.
    await settleSandboxUsers(t);
    const ada = await zoomPerson(t, 'Ada Lovelace', { isAdmin: true });
    const grace = await zoomPerson(t, 'Grace Hopper');
    const agent = await agentFor(t.app, t.deps.db, ada, clock());
    await agentFor(t.app, t.deps.db, grace, clock());
    for (const title of ['Summer school', 'Winter “meeting”\nwith a newline and a \\ backslash']) {
      const event = await makeEvent(t.deps.db, { creator: ada, title, managers: [grace] });
      const block = await makeBlock(t.deps.db, { event });
      const talk = await makeContribution(t.deps.db, { block, speakers: ['Alan Turing', grace] });
      await nextSecond(t, clock);
      await createZoomRoom(t, agent, event.id, { name: `${title} plenary` });
      await createZoomRoom(t, agent, event.id, {
        name: 'Talk room',
        target: { type: 'contribution', contributionId: talk.id },
      });
    }
    const event = await makeEvent(t.deps.db, { creator: ada, title: 'Written while the backup runs' });

    const poolConn = t.database.pool.options as pg.ClientConfig;
    const client = await t.deps.pool.connect();
    try {
      let first = true;
      await writeBackup(client, file, {
        conveneVersion: 'test',
        progress: async () => {
          if (!first) return;
          first = false;
          // The state the snapshot holds: nothing was written since it was taken.
          before = await readAll(poolConn, await listTables(client));
          // The snapshot is taken: the server goes on serving reads and writes, which the backup must not see.
          await nextSecond(t, clock);
          const res = await createZoomRoomRequest(agent, event.id, { name: 'Made during the backup' });
          expect(res.statusCode).toBe(201);
          const page = await agent.get(`/api/events/${event.id}`);
          expect(page.statusCode).toBe(200);
        },
      });
    } finally {
      client.release();
    }
    header = (await verifyBackup(file)).header;
    after = await readAll(poolConn, header.tables);
  }, 120_000);

  afterAll(async () => {
    for (const name of databases) await adminQuery(target, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('is one snapshot: what the server wrote during the backup is not in it', async () => {
    const made = (rows: Rows) =>
      (rows.get('public.vc_rooms') ?? []).some((r) => r.includes('Made during the backup'));
    expect(made(after)).toBe(true);
    expect(made(before)).toBe(false);
    expect(header.tables.map((x) => x.name)).toEqual([...before.keys()]);
    expect(header.migrations.length).toBeGreaterThan(0);
    expect(header.tables.map((x) => x.name)).toEqual(
      expect.arrayContaining([
        'public.users',
        'public.sessions',
        'public.event_log',
        'public.vc_room_links',
        'graphile_worker._private_jobs',
      ]),
    );
    for (const table of [
      'public.users',
      'public.sessions',
      'public.events',
      'public.session_blocks',
      'public.contributions',
      'public.vc_rooms',
      'public.vc_room_links',
      'public.event_log',
    ])
      expect(before.get(table)?.length, table).toBeGreaterThan(0);
  });

  it('restores into a database on the PostgreSQL server, row for row', async () => {
    const { pool, conn } = await emptyDatabase();
    try {
      await restoreBackup(pool, file);
      const expected = before;
      expect(await readAll(conn, header.tables)).toEqual(expected);
      // Sequences continue after the restored rows: a new row gets a fresh id.
      const made = await pool.query<{ id: number }>(
        `INSERT INTO users (name) VALUES ('After the restore') RETURNING id`,
      );
      const ids = (expected.get('public.users') ?? []).map((r) => (JSON.parse(r) as { id: number }).id);
      expect(made.rows[0]?.id).toBeGreaterThan(Math.max(...ids));
    } finally {
      await pool.end();
    }
  });

  it('restores into a fresh embedded database, row for row', async () => {
    const dataDir = fs.mkdtempSync(path.join(dir, 'embedded-'));
    const embedded = await openMaintenanceTarget({ databaseUrl: undefined, dataDir, create: true });
    try {
      expect(embedded.serverRunning).toBe(false);
      await restoreBackup(embedded.pool, file);
      const conn = embedded.pool.options as pg.ClientConfig;
      expect(await readAll(conn, header.tables)).toEqual(before);
    } finally {
      await embedded.close();
    }
  }, 120_000);

  it('refuses a database that holds data unless told to replace it', async () => {
    const { pool, conn } = await emptyDatabase();
    try {
      await restoreBackup(pool, file);
      await pool.query(`UPDATE users SET name = 'Changed after the restore'`);
      await expect(restoreBackup(pool, file)).rejects.toThrow(/already holds data.*--replace/);
      await restoreBackup(pool, file, { replace: true });
      expect(await readAll(conn, header.tables)).toEqual(before);
    } finally {
      await pool.end();
    }
  });

  it('refuses a file whose checksum was recomputed around a table name that is not a plain name', async () => {
    const text = zlib.gunzipSync(fs.readFileSync(file)).toString('utf8');
    const body = text
      .slice(0, text.lastIndexOf('{"end":'))
      .replaceAll('public.settings', 'public.settings; DROP TABLE users');
    const sha256 = createHash('sha256').update(body).digest('hex');
    const crafted = path.join(dir, 'crafted.gz');
    fs.writeFileSync(crafted, zlib.gzipSync(`${body}${JSON.stringify({ end: true, sha256 })}\n`));
    const { pool } = await emptyDatabase();
    try {
      await expect(restoreBackup(pool, crafted)).rejects.toThrow(/is not a table name/);
      expect(await tableCount(pool)).toBe(0);
    } finally {
      await pool.end();
    }
  });

  it('refuses a truncated file and writes nothing', async () => {
    const bytes = fs.readFileSync(file);
    const truncated = path.join(dir, 'truncated.gz');
    fs.writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    const { pool } = await emptyDatabase();
    try {
      await expect(restoreBackup(pool, truncated)).rejects.toThrow(BackupError);
      await expect(restoreBackup(pool, truncated)).rejects.toThrow(/truncated/);
      expect(await tableCount(pool)).toBe(0);
    } finally {
      await pool.end();
    }
  });

  it('refuses a file whose content was altered (re-compressed or not) and writes nothing', async () => {
    const text = zlib.gunzipSync(fs.readFileSync(file)).toString('utf8');
    expect(text).toContain('Grace Hopper');
    const altered = path.join(dir, 'altered.gz');
    fs.writeFileSync(altered, zlib.gzipSync(text.replace('Grace Hopper', 'Grace Hacker')));
    const flipped = path.join(dir, 'flipped.gz');
    const raw = fs.readFileSync(file);
    const middle = Math.floor(raw.length / 2);
    raw.writeUInt8((raw.readUInt8(middle) ^ 0x20) & 0xff, middle);
    fs.writeFileSync(flipped, raw);
    const { pool } = await emptyDatabase();
    try {
      await expect(restoreBackup(pool, altered)).rejects.toThrow(/altered: its checksum does not match/);
      await expect(restoreBackup(pool, flipped)).rejects.toThrow(BackupError);
      expect(await tableCount(pool)).toBe(0);
    } finally {
      await pool.end();
    }
  });
});
