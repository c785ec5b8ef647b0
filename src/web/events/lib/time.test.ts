import { describe, expect, it } from 'vitest';
import {
  dayIn,
  formatDuration,
  formatSpan,
  formatTime,
  fromWallTime,
  isWallTime,
  timezoneNames,
  toWallTime,
} from './time';

describe('wall-clock times of an event timezone', () => {
  it('reads a Zurich summer morning as UTC two hours earlier', () => {
    expect(fromWallTime('2030-05-01T09:00', 'Europe/Zurich')).toBe('2030-05-01T07:00:00.000Z');
  });

  it('reads a Zurich winter morning as UTC one hour earlier', () => {
    expect(fromWallTime('2030-01-15T09:00', 'Europe/Zurich')).toBe('2030-01-15T08:00:00.000Z');
  });

  it('reads times west of Greenwich and across midnight', () => {
    expect(fromWallTime('2030-05-01T22:30', 'America/New_York')).toBe('2030-05-02T02:30:00.000Z');
    expect(fromWallTime('2030-05-01T01:00', 'Asia/Tokyo')).toBe('2030-04-30T16:00:00.000Z');
  });

  it('moves a time skipped by the spring-forward change past the gap', () => {
    // Zurich jumps from 02:00 to 03:00 on 31 March 2030: 02:30 does not exist and becomes 03:30.
    const iso = fromWallTime('2030-03-31T02:30', 'Europe/Zurich');
    expect(iso).toBe('2030-03-31T01:30:00.000Z');
    expect(toWallTime(iso ?? '', 'Europe/Zurich')).toBe('2030-03-31T03:30');
    expect(toWallTime(fromWallTime('2030-03-10T02:30', 'America/New_York') ?? '', 'America/New_York')).toBe(
      '2030-03-10T03:30',
    );
  });

  it('gives back the wall time it read, on both sides of a change', () => {
    for (const zone of ['Europe/Zurich', 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata', 'UTC']) {
      for (const wall of ['2030-01-10T08:15', '2030-07-10T23:45', '2030-10-27T12:00']) {
        expect(toWallTime(fromWallTime(wall, zone) ?? '', zone)).toBe(wall);
      }
    }
  });

  it('refuses what is not a complete date and time', () => {
    expect(fromWallTime('', 'UTC')).toBeUndefined();
    expect(fromWallTime('2030-05-01', 'UTC')).toBeUndefined();
    expect(isWallTime('2030-05-01T09:00')).toBe(true);
    expect(isWallTime('2030-05-01 09:00')).toBe(false);
  });

  it('puts an instant on the calendar day of the zone', () => {
    expect(dayIn('2030-05-01T23:30:00Z', 'Europe/Zurich')).toBe('2030-05-02');
    expect(dayIn('2030-05-01T23:30:00Z', 'UTC')).toBe('2030-05-01');
  });
});

describe('formatting for people', () => {
  it('shows 24-hour times in the zone asked for', () => {
    expect(formatTime('2030-05-01T07:00:00Z', 'Europe/Zurich')).toBe('09:00');
    expect(formatTime('2030-05-01T07:00:00Z', 'America/New_York')).toBe('03:00');
  });

  it('shows a one-day event with one date and a multi-day event with both', () => {
    expect(formatSpan('2030-05-01T07:00:00Z', '2030-05-01T15:00:00Z', 'Europe/Zurich')).toBe(
      'Wed, 1 May 2030, 09:00–17:00',
    );
    expect(formatSpan('2030-05-01T07:00:00Z', '2030-05-03T15:00:00Z', 'Europe/Zurich')).toBe(
      'Wed, 1 May 2030, 09:00 – Fri, 3 May 2030, 17:00',
    );
  });

  it('writes durations in hours and minutes', () => {
    expect(formatDuration(20)).toBe('20 min');
    expect(formatDuration(60)).toBe('1 h');
    expect(formatDuration(90)).toBe('1 h 30 min');
  });

  it('offers UTC among the known zones', () => {
    expect(timezoneNames()).toContain('UTC');
    expect(timezoneNames()).toContain('Europe/Zurich');
  });
});
