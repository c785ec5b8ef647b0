import { describe, expect, it } from 'vitest';
import type { Block, Contribution, Session } from '../../../contracts/events';
import { blockDeletionEffect, buildTimetable, sessionDeletionEffect } from './timetable';

const session: Session = { id: 1, title: 'Talks', colour: '#336699', version: 1 };

function makeBlock(id: number, start: string, durationMinutes = 60): Block {
  const end = new Date(Date.parse(start) + durationMinutes * 60_000).toISOString();
  return { id, sessionId: 1, title: '', start, end, day: start.slice(0, 10), durationMinutes, version: 1 };
}

function makeContribution(id: number, start: string | null, blockId: number | null = null): Contribution {
  return {
    id,
    title: `Contribution ${id}`,
    description: '',
    start,
    end: start,
    day: start?.slice(0, 10) ?? null,
    durationMinutes: 20,
    blockId,
    sessionId: blockId === null ? null : 1,
    speakers: [],
    version: 1,
  };
}

describe('building the timetable', () => {
  const page = {
    sessions: [session],
    blocks: [makeBlock(10, '2030-05-01T12:00:00Z'), makeBlock(11, '2030-05-01T22:30:00Z')],
    contributions: [
      makeContribution(1, '2030-05-01T12:20:00Z', 10),
      makeContribution(2, '2030-05-01T12:00:00Z', 10),
      makeContribution(3, '2030-05-01T08:00:00Z'),
      makeContribution(4, null),
    ],
  };

  it('puts contributions into their blocks by start and loose ones beside the blocks', () => {
    const { days, unscheduled } = buildTimetable(page, 'UTC');
    expect(days.map((d) => d.day)).toEqual(['2030-05-01']);
    const entries = days[0]?.entries ?? [];
    expect(entries.map((e) => e.kind)).toEqual(['contribution', 'block', 'block']);
    const first = entries[1];
    expect(first?.kind === 'block' && first.contributions.map((c) => c.id)).toEqual([2, 1]);
    expect(first?.kind === 'block' && first.session?.title).toBe('Talks');
    expect(unscheduled.map((c) => c.id)).toEqual([4]);
  });

  it('groups by the days of the timezone shown', () => {
    // 22:30 UTC is already the next day in Zurich.
    const { days } = buildTimetable(page, 'Europe/Zurich');
    expect(days.map((d) => [d.day, d.entries.length])).toEqual([
      ['2030-05-01', 2],
      ['2030-05-02', 1],
    ]);
  });
});

describe('saying what a deletion does', () => {
  it('tells that a block’s contributions become unscheduled', () => {
    expect(blockDeletionEffect(0)).toBe('It holds no contributions.');
    expect(blockDeletionEffect(3)).toContain('Its 3 contributions stay in the event, unscheduled');
  });

  it('tells that a session’s blocks go and their contributions stay', () => {
    expect(sessionDeletionEffect(2, 5)).toBe(
      'Its 2 session blocks are deleted too; the 5 contributions in them stay in the event, unscheduled.',
    );
    expect(sessionDeletionEffect(1, 0)).toBe('Its session block is deleted too.');
  });
});
