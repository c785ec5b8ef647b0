// The timetable as days of entries, computed on the client from the display payload so that switching the
// shown timezone regroups the days (the server's `day` fields are in the event's timezone only).
import type { Block, Contribution, EventPage, Session } from '../../../contracts/events';
import { dayIn } from './time';

export interface BlockEntry {
  kind: 'block';
  start: string;
  block: Block;
  session: Session | undefined;
  contributions: Contribution[];
}

export interface ContributionEntry {
  kind: 'contribution';
  start: string;
  contribution: Contribution;
}

export type TimetableEntry = BlockEntry | ContributionEntry;

export interface TimetableDay {
  /** YYYY-MM-DD in the timezone the timetable was built for. */
  day: string;
  entries: TimetableEntry[];
}

export interface Timetable {
  days: TimetableDay[];
  /** Contributions without a start, in the order the server sent them. */
  unscheduled: Contribution[];
}

const byStart = (a: { start: string }, b: { start: string }) => Date.parse(a.start) - Date.parse(b.start);

/** Days in order, each with its blocks (holding their contributions) and loose contributions by start. */
export function buildTimetable(
  page: Pick<EventPage, 'sessions' | 'blocks' | 'contributions'>,
  timezone: string,
): Timetable {
  const sessions = new Map(page.sessions.map((s) => [s.id, s]));
  const blockEntries = new Map<number, BlockEntry>(
    page.blocks.map((block) => [
      block.id,
      { kind: 'block', start: block.start, block, session: sessions.get(block.sessionId), contributions: [] },
    ]),
  );
  const entries: TimetableEntry[] = [...blockEntries.values()];
  const unscheduled: Contribution[] = [];
  for (const contribution of page.contributions) {
    if (contribution.start === null) {
      unscheduled.push(contribution);
      continue;
    }
    const parent = contribution.blockId !== null ? blockEntries.get(contribution.blockId) : undefined;
    if (parent) parent.contributions.push(contribution);
    else entries.push({ kind: 'contribution', start: contribution.start, contribution });
  }
  for (const entry of blockEntries.values()) {
    entry.contributions.sort((a, b) => byStart({ start: a.start ?? '' }, { start: b.start ?? '' }));
  }
  entries.sort(byStart);

  const days: TimetableDay[] = [];
  for (const entry of entries) {
    const day = dayIn(entry.start, timezone);
    const last = days[days.length - 1];
    if (last?.day === day) last.entries.push(entry);
    else days.push({ day, entries: [entry] });
  }
  return { days, unscheduled };
}

/** What deleting a session block does to the timetable, in words for the confirmation. */
export function blockDeletionEffect(contributionCount: number): string {
  if (contributionCount === 0) return 'It holds no contributions.';
  const n =
    contributionCount === 1 ? 'Its contribution stays' : `Its ${contributionCount} contributions stay`;
  return `${n} in the event, unscheduled: you can schedule ${contributionCount === 1 ? 'it' : 'them'} again later.`;
}

/** What deleting a session does, in words for the confirmation. */
export function sessionDeletionEffect(blockCount: number, contributionCount: number): string {
  if (blockCount === 0) return 'It has no session blocks.';
  const blocks = blockCount === 1 ? 'Its session block is' : `Its ${blockCount} session blocks are`;
  if (contributionCount === 0) return `${blocks} deleted too.`;
  const contributions =
    contributionCount === 1
      ? 'the contribution in it stays'
      : `the ${contributionCount} contributions in them stay`;
  return `${blocks} deleted too; ${contributions} in the event, unscheduled.`;
}
