// Who may create events: anyone logged in, unless an admin restricted it to listed users
// (settings row module 'events', key 'creators'). Admins always may.
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { CreatorsSetting, UpdateCreatorsBody } from '../../contracts/events';
import { Forbidden } from '../errors';
import { settings } from '../settings/schema';
import type { DbOrTx, Viewer } from './db-types';
import { findUsers, requireUsers } from './write-helpers';

const CreatorsValue = z.object({ restricted: z.boolean(), userIds: z.array(z.number().int()) });
type CreatorsValue = z.infer<typeof CreatorsValue>;
const OPEN: CreatorsValue = { restricted: false, userIds: [] };

const where = and(eq(settings.module, 'events'), eq(settings.key, 'creators'));

async function readCreators(db: DbOrTx): Promise<CreatorsValue> {
  const [row] = await db.select({ value: settings.value }).from(settings).where(where);
  const parsed = CreatorsValue.safeParse(row?.value);
  // A missing or malformed value means the default: creation is open.
  return parsed.success ? parsed.data : OPEN;
}

export async function mayCreateEvents(db: DbOrTx, viewer: Viewer): Promise<boolean> {
  if (!viewer) return false;
  if (viewer.isAdmin) return true;
  const value = await readCreators(db);
  return !value.restricted || value.userIds.includes(viewer.id);
}

export async function assertMayCreateEvents(db: DbOrTx, viewer: NonNullable<Viewer>): Promise<void> {
  if (!(await mayCreateEvents(db, viewer))) {
    throw new Forbidden('Only the users an administrator listed may create events.');
  }
}

export async function getCreatorsSetting(db: DbOrTx): Promise<CreatorsSetting> {
  const value = await readCreators(db);
  const found = await findUsers(db, value.userIds);
  // Users deleted since they were listed simply drop out.
  const users = value.userIds.flatMap((id) => {
    const user = found.get(id);
    return user ? [user] : [];
  });
  return { restricted: value.restricted, users };
}

export async function setCreatorsSetting(db: DbOrTx, body: UpdateCreatorsBody, at: Date): Promise<void> {
  await requireUsers(db, body.userIds, 'userIds');
  const value: CreatorsValue = { restricted: body.restricted, userIds: [...new Set(body.userIds)] };
  await db
    .insert(settings)
    .values({ module: 'events', key: 'creators', value, updatedAt: at })
    .onConflictDoUpdate({ target: [settings.module, settings.key], set: { value, updatedAt: at } });
}
