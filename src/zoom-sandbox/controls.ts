// What happens on zoom.us or in the Zoom client, outside the API: a host starts or ends a meeting,
// deletes it in the web portal, or converts it into a webinar. Tests drive these through the
// state object or the /_sandbox routes.
import { randomMeetingUuid } from './ids';
import { notifyDeleted, notifyEnded, notifyStarted } from './meeting-events';
import { settingsAsWebinar } from './settings';
import type { SandboxState } from './state';
import type { MeetingRecord } from './types';

export class ControlError extends Error {
  override name = 'ControlError';

  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
  }
}

function recordOf(state: SandboxState, id: number | string): MeetingRecord {
  const record = state.meetings.get(Number(id));
  if (!record) throw new ControlError(404, `No meeting or webinar ${id}`);
  return record;
}

export function startMeeting(state: SandboxState, id: number | string): MeetingRecord {
  const record = recordOf(state, id);
  if (record.status === 'started') throw new ControlError(409, `${record.id} has already started`);
  const startedAtMs = state.clock.nowMs();
  const started: MeetingRecord = { ...record, status: 'started', startedAtMs };
  state.meetings.save(started);
  notifyStarted(state, started, startedAtMs);
  return started;
}

export function endMeeting(state: SandboxState, id: number | string): MeetingRecord {
  const record = recordOf(state, id);
  if (record.status !== 'started' || record.startedAtMs === undefined) {
    throw new ControlError(409, `${record.id} is not in progress`);
  }
  notifyEnded(state, record, record.startedAtMs, state.clock.nowMs());
  // Every meeting instance has its own UUID; the next start is a new instance (zoom_api.md §2.2).
  const ended: MeetingRecord = {
    ...record,
    status: 'waiting',
    startedAtMs: undefined,
    uuid: randomMeetingUuid(),
  };
  state.meetings.save(ended);
  return ended;
}

/** The host deletes the meeting in the web portal: it is gone and *.deleted is sent. */
export function deleteOnZoom(state: SandboxState, id: number | string): MeetingRecord {
  const record = recordOf(state, id);
  state.meetings.delete(record.id);
  notifyDeleted(state, record, state.users.find(record.accountId, record.hostId));
  return record;
}

const WEBINAR_TYPE_OF: Record<number, number> = { 1: 5, 2: 5, 3: 6, 8: 9 };

/**
 * The host converts the meeting into a webinar on zoom.us: its id then answers 3000 on meeting
 * endpoints and works on webinar ones (zoom_api.md §2.1, Indico PR #256).
 */
export function convertToWebinar(state: SandboxState, id: number | string): MeetingRecord {
  const record = recordOf(state, id);
  if (record.kind === 'webinar') throw new ControlError(409, `${record.id} is already a webinar`);
  const converted: MeetingRecord = {
    ...record,
    kind: 'webinar',
    type: WEBINAR_TYPE_OF[record.type] ?? 5,
    settings: settingsAsWebinar(record.settings),
  };
  state.meetings.save(converted);
  return converted;
}
