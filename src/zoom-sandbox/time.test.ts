import { describe, expect, it } from 'vitest';
import { nextUtcMidnight, zoomTime } from './clock';
import { isValidTimeZone, parseStartTime } from './time';

describe('times', () => {
  it('parse UTC start times and local ones in a time zone', () => {
    expect(parseStartTime('2026-03-02T10:00:00Z', 'Asia/Tokyo')).toBe(Date.parse('2026-03-02T10:00:00Z'));
    expect(parseStartTime('2026-03-02T10:00:00', 'Asia/Tokyo')).toBe(Date.parse('2026-03-02T01:00:00Z'));
    expect(parseStartTime('2026-10-25T02:30:00', 'Europe/Zurich')).toBe(Date.parse('2026-10-25T01:30:00Z'));
    expect(parseStartTime('2026-02-29T10:00:00Z', 'UTC')).toBeUndefined();
    expect(parseStartTime('2026-03-02T24:00:00Z', 'UTC')).toBeUndefined();
  });

  it('write instants as Zoom does, without milliseconds', () => {
    expect(zoomTime(Date.parse('2026-03-02T10:00:00.123Z'))).toBe('2026-03-02T10:00:00Z');
  });

  it('find the next UTC midnight', () => {
    expect(nextUtcMidnight(Date.parse('2026-12-31T23:59:59Z'))).toBe(Date.parse('2027-01-01T00:00:00Z'));
  });

  it('know IANA time zones', () => {
    expect(isValidTimeZone('America/Los_Angeles')).toBe(true);
    expect(isValidTimeZone('Nowhere/Special')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });
});
