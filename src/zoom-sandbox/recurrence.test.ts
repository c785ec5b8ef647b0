import { describe, expect, it } from 'vitest';
import { computeOccurrences } from './recurrence';

const starts = (...args: Parameters<typeof computeOccurrences>) =>
  computeOccurrences(...args).map((o) => o.start_time);

describe('occurrences of recurring meetings with a fixed time', () => {
  it('repeat daily every repeat_interval days, end_times times', () => {
    expect(
      starts({ type: 1, repeat_interval: 2, end_times: 3 }, Date.parse('2026-03-02T10:00:00Z'), 30, 'UTC'),
    ).toEqual(['2026-03-02T10:00:00Z', '2026-03-04T10:00:00Z', '2026-03-06T10:00:00Z']);
  });

  it('keep the local time across a daylight-saving change', () => {
    expect(
      starts(
        { type: 2, weekly_days: '2', end_times: 3 },
        Date.parse('2026-03-16T08:00:00Z'),
        60,
        'Europe/Zurich',
      ),
    ).toEqual(['2026-03-16T08:00:00Z', '2026-03-23T08:00:00Z', '2026-03-30T07:00:00Z']);
  });

  it('stop at end_date_time', () => {
    const out = starts(
      { type: 1, end_date_time: '2026-03-04T12:00:00Z' },
      Date.parse('2026-03-02T10:00:00Z'),
      30,
      'UTC',
    );
    expect(out).toEqual(['2026-03-02T10:00:00Z', '2026-03-03T10:00:00Z', '2026-03-04T10:00:00Z']);
  });

  it('fall on a day of the month, or on the nth (or last) weekday of the month', () => {
    const start = Date.parse('2026-01-15T09:00:00Z');
    expect(starts({ type: 3, monthly_day: 31, end_times: 3 }, start, 60, 'UTC')).toEqual([
      '2026-01-31T09:00:00Z',
      '2026-03-31T09:00:00Z',
      '2026-05-31T09:00:00Z',
    ]);
    expect(
      starts({ type: 3, monthly_week: -1, monthly_week_day: 6, end_times: 2 }, start, 60, 'UTC'),
    ).toEqual(['2026-01-30T09:00:00Z', '2026-02-27T09:00:00Z']);
    expect(starts({ type: 3, monthly_week: 1, monthly_week_day: 2, end_times: 2 }, start, 60, 'UTC')).toEqual(
      ['2026-02-02T09:00:00Z', '2026-03-02T09:00:00Z'],
    );
  });

  it('stop after 365 occurrences and never loop on a series that cannot match', () => {
    expect(computeOccurrences({ type: 1, end_date_time: '2099-01-01T00:00:00Z' }, 0, 30, 'UTC')).toHaveLength(
      365,
    );
    expect(
      computeOccurrences(
        { type: 3, monthly_day: 31, repeat_interval: 12, end_times: 5 },
        Date.parse('2026-04-01T00:00:00Z'),
        30,
        'UTC',
      ),
    ).toEqual([]);
  });
});
