// Helpers for the Zoom rooms tests: the in-process sandbox's state, people with (or without) a Zoom account,
// and the common requests.
import { eq } from 'drizzle-orm';
import type { ZoomSettingsValues } from '../../src/contracts/vc-zoom';
import { mailOutbox } from '../../src/server/mail/schema';
import { settings } from '../../src/server/settings/schema';
import { vcRooms } from '../../src/server/vc/schema';
import type { ZoomRoomData } from '../../src/server/vc/zoom/rooms/room-data';
import type { SandboxUserSeed } from '../../src/zoom-sandbox/types';
import type { Agent, TestApp } from './app';
import { type MadeUser, makeUser } from './factories';
import type { Target } from './vc';

export function sandboxOf(t: TestApp) {
  const sandbox = t.app.zoomSandbox;
  if (!sandbox) throw new Error('the Zoom sandbox is not running');
  return sandbox.state;
}

/**
 * The sandbox adopts local accounts' primary e-mails at most once a second of the app's clock: call this
 * first, with a clock that stands still, so that only the Zoom users tests add with `zoomPerson` exist.
 */
export async function settleSandboxUsers(t: TestApp): Promise<void> {
  await (await t.app.zoom.client()).getToken();
}

/**
 * Moves the app's clock on by two seconds and lets the sandbox adopt the local accounts that exist now: its
 * per-second rate limits refill on the app's clock, so a test that calls Zoom a lot starts with this. Users
 * made afterwards in the same test are not adopted (the clock then stands still).
 */
export async function nextSecond(t: TestApp, clock: { advance(ms: number): void }): Promise<void> {
  clock.advance(2000);
  await t.app.inject({ method: 'GET', url: '/zoom-sandbox/v2/users/me' });
}

/** A Convene user who is also a Zoom user of the account (licensed, active). */
export async function zoomPerson(
  t: TestApp,
  name: string,
  opts: { email?: string; isAdmin?: boolean; seed?: Partial<SandboxUserSeed> } = {},
): Promise<MadeUser> {
  const email = opts.email ?? `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@zoom.example`;
  const user = await makeUser(t.deps.db, { name, email, isAdmin: opts.isAdmin ?? false });
  const [first = name, ...rest] = name.split(' ');
  sandboxOf(t).addUser({ email, firstName: first, lastName: rest.join(' '), type: 2, ...opts.seed });
  return user;
}

export function createZoomRoomRequest(
  agent: Agent,
  eventId: number,
  body: {
    name?: string;
    target?: Target;
    show?: boolean;
    form?: Record<string, unknown>;
    linkForm?: Record<string, unknown>;
  } = {},
) {
  return agent.post(`/api/events/${eventId}/vc/rooms`, {
    provider: 'zoom',
    name: body.name ?? 'Weekly meeting',
    target: body.target ?? { type: 'event' },
    show: body.show ?? true,
    form: { passcode: '12345678', ...body.form },
    linkForm: body.linkForm ?? {},
  });
}

export async function createZoomRoom(
  t: TestApp,
  agent: Agent,
  eventId: number,
  body: Parameters<typeof createZoomRoomRequest>[2] = {},
): Promise<{ linkId: number; roomId: number; data: ZoomRoomData }> {
  const res = await createZoomRoomRequest(agent, eventId, body);
  if (res.statusCode !== 201) throw new Error(`create answered ${res.statusCode}: ${res.body}`);
  const { room } = res.json();
  return { linkId: room.linkId, roomId: room.roomId, data: await roomData(t, room.roomId) };
}

export async function roomRow(t: TestApp | { deps: TestApp['deps'] }, roomId: number) {
  const [row] = await t.deps.db.select().from(vcRooms).where(eq(vcRooms.id, roomId));
  if (!row) throw new Error(`no room ${roomId}`);
  return row;
}

export async function roomData(
  t: TestApp | { deps: TestApp['deps'] },
  roomId: number,
): Promise<ZoomRoomData> {
  return (await roomRow(t, roomId)).data as ZoomRoomData;
}

export async function outbox(t: TestApp) {
  return t.deps.db.select().from(mailOutbox).where(eq(mailOutbox.module, 'zoom')).orderBy(mailOutbox.id);
}

/** Sets some of the administrator's Zoom settings (the rest keep their stored values or defaults). */
export async function writeZoomSettings(t: TestApp, values: Partial<ZoomSettingsValues>): Promise<void> {
  for (const [key, value] of Object.entries(values)) {
    await t.deps.db
      .insert(settings)
      .values({ module: 'zoom', key, value, updatedAt: new Date() })
      .onConflictDoUpdate({ target: [settings.module, settings.key], set: { value } });
  }
}

/** Edit through the API: the stored form values with `changes` applied (room fields under `form`). */
export async function editZoomRoom(
  agent: Agent,
  eventId: number,
  linkId: number,
  changes: { name?: string; form?: Record<string, unknown>; linkForm?: Record<string, unknown> } = {},
) {
  const values = (await agent.get(`/api/events/${eventId}/vc/links/${linkId}/form`)).json();
  return agent.patch(`/api/events/${eventId}/vc/links/${linkId}`, {
    room: { name: changes.name ?? values.name, form: { ...values.form, ...changes.form } },
    link: { target: values.target, show: values.show, linkForm: { ...values.linkForm, ...changes.linkForm } },
  });
}

/** Calls the sandbox made between two counts, by method and route. */
export function requestsSince(t: TestApp, from: number): string[] {
  return sandboxOf(t)
    .requests.entries.slice(from)
    .filter((e) => e.route !== '/oauth/token')
    .map((e) => `${e.method} ${e.route}`);
}
