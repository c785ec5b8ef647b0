// Helpers for the videoconference tests: the Test rooms provider switched on, its fault controls, and the
// common requests.
import { testRoomsControls } from '../../src/server/vc/providers/test';
import type { TestRoomsControls } from '../../src/server/vc/providers/test/controls';
import { setTestRoomsEnabled } from '../../src/server/vc/providers/test/settings';
import type { Agent, TestApp } from './app';

export async function enableTestRooms(t: TestApp, enabled = true): Promise<void> {
  await setTestRoomsEnabled(t.deps.db, enabled, new Date());
}

/** The fault-injection controls of the app's Test rooms provider. */
export function testRooms(t: TestApp): TestRoomsControls {
  return testRoomsControls(t.app.vc.providers.get('test'));
}

export type Target =
  | { type: 'event' }
  | { type: 'contribution'; contributionId: number }
  | { type: 'block'; blockId: number };

export function createRoomRequest(
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
    provider: 'test',
    name: body.name ?? 'Weekly meeting',
    target: body.target ?? { type: 'event' },
    show: body.show ?? true,
    form: body.form ?? {},
    linkForm: body.linkForm ?? {},
  });
}

export interface CreatedRoom {
  linkId: number;
  roomId: number;
}

/** Creates a room through the API and returns its ids (fails the test on anything but 201). */
export async function createRoom(
  agent: Agent,
  eventId: number,
  body: Parameters<typeof createRoomRequest>[2] = {},
): Promise<CreatedRoom> {
  const res = await createRoomRequest(agent, eventId, body);
  if (res.statusCode !== 201) throw new Error(`create answered ${res.statusCode}: ${res.body}`);
  const { room } = res.json();
  return { linkId: room.linkId, roomId: room.roomId };
}

export function attachRoomRequest(
  agent: Agent,
  eventId: number,
  body: { roomId: number; target?: Target; show?: boolean; linkForm?: Record<string, unknown> },
) {
  return agent.post(`/api/events/${eventId}/vc/links`, {
    roomId: body.roomId,
    target: body.target ?? { type: 'event' },
    show: body.show ?? true,
    linkForm: body.linkForm ?? {},
  });
}
