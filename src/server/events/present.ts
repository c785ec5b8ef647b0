// Presenters: rows → what a given viewer may see. Speakers' e-mails reach managers only.
import type { Block, Contribution, Event, EventSummary, Session, Speaker } from '../../contracts/events';
import type { BlockRow, ContributionRow, EventRow, SessionRow, SpeakerRow } from './schema';
import { addMinutes, dayIn } from './time';

export interface EventCanFlags {
  manage: boolean;
}

export function presentEventSummary(e: EventRow, can: EventCanFlags): EventSummary {
  return {
    id: e.id,
    title: e.title,
    start: e.startAt.toISOString(),
    end: e.endAt.toISOString(),
    timezone: e.timezone,
    location: e.location,
    roomName: e.roomName,
    protectionMode: e.protectionMode,
    can: { manage: can.manage },
  };
}

export function presentEvent(e: EventRow, can: EventCanFlags): Event {
  return {
    ...presentEventSummary(e, can),
    description: e.description,
    // The end is exclusive: an event ending at midnight ends on the day before.
    startDay: dayIn(e.startAt, e.timezone),
    endDay: dayIn(new Date(e.endAt.getTime() - 1), e.timezone),
    version: e.version,
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
  };
}

export function presentSession(s: SessionRow): Session {
  return { id: s.id, title: s.title, colour: s.colour, version: s.version };
}

export function presentBlock(b: BlockRow, timezone: string): Block {
  return {
    id: b.id,
    sessionId: b.sessionId,
    title: b.title,
    start: b.startAt.toISOString(),
    end: addMinutes(b.startAt, b.durationMinutes).toISOString(),
    day: dayIn(b.startAt, timezone),
    durationMinutes: b.durationMinutes,
    version: b.version,
  };
}

export function presentSpeaker(s: SpeakerRow, showEmail: boolean): Speaker {
  return { id: s.id, userId: s.userId, name: s.name, email: showEmail ? s.email : null };
}

export interface ContributionContext {
  timezone: string;
  /** Session id of each block the contributions may sit in. */
  sessionOfBlock: Map<number, number>;
  /** Speakers of each contribution, in order. */
  speakersOf: Map<number, SpeakerRow[]>;
  showEmails: boolean;
}

export function presentContribution(c: ContributionRow, ctx: ContributionContext): Contribution {
  return {
    id: c.id,
    title: c.title,
    description: c.description,
    start: c.startAt?.toISOString() ?? null,
    end: c.startAt ? addMinutes(c.startAt, c.durationMinutes).toISOString() : null,
    day: c.startAt ? dayIn(c.startAt, ctx.timezone) : null,
    durationMinutes: c.durationMinutes,
    blockId: c.blockId,
    sessionId: c.blockId !== null ? (ctx.sessionOfBlock.get(c.blockId) ?? null) : null,
    speakers: (ctx.speakersOf.get(c.id) ?? []).map((s) => presentSpeaker(s, ctx.showEmails)),
    version: c.version,
  };
}

/** Groups rows by a key, keeping their order. */
export function groupBy<T>(rows: T[], key: (row: T) => number): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}
