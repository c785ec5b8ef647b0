import { describe, expect, it } from 'vitest';
import {
  changeAlternativeHosts,
  formatAlternativeHosts,
  parseAlternativeHosts,
  passcodeProblems,
  passcodeRequirementsFrom,
} from './settings-helpers';
import { parseZoomMeetingId, sameZoomId } from './zoom-schemas';

describe('alternative hosts', () => {
  it('reads semicolons and commas, trimming and dropping duplicates whatever their case', () => {
    expect(parseAlternativeHosts('a@x.org; B@x.org,b@X.org;;')).toEqual(['a@x.org', 'B@x.org']);
    expect(parseAlternativeHosts(undefined)).toEqual([]);
  });

  it('writes them separated by semicolons', () => {
    expect(formatAlternativeHosts(['a@x.org', 'b@x.org'])).toBe('a@x.org;b@x.org');
  });

  it('adds new hosts after the current ones and removes whatever the case', () => {
    expect(
      changeAlternativeHosts(['a@x.org', 'b@x.org'], { add: ['A@x.org', 'c@x.org'], remove: ['B@X.ORG'] }),
    ).toEqual(['a@x.org', 'c@x.org']);
  });
});

describe('passcode requirements', () => {
  const req = passcodeRequirementsFrom({
    schedule_meeting: {
      require_password_for_scheduling_new_meetings: true,
      meeting_password_requirement: {
        length: 8,
        have_letter: true,
        have_number: true,
        consecutive_characters_length: 4,
      },
    },
  });

  it('reads the host’s rules, with Zoom’s own 10-character limit', () => {
    expect(req).toMatchObject({ required: true, minLength: 8, maxLength: 10, letter: true, number: true });
    expect(req.maxConsecutive).toBe(3);
  });

  it('accepts a passcode that follows them', () => {
    expect(passcodeProblems('ab7x9k2m', req)).toEqual([]);
  });

  it('lists every rule a passcode breaks', () => {
    expect(passcodeProblems('1234', req)).toEqual([
      'must have at least 8 characters',
      'must contain a letter',
      'must not contain more than 3 consecutive characters such as 1234 or abcd',
    ]);
  });

  it('has no rules when the host has none', () => {
    expect(passcodeProblems('x', passcodeRequirementsFrom({}))).toEqual([]);
  });
});

describe('meeting ids', () => {
  it('keeps an 11-digit id as a number, also when a webhook sends it as a string', () => {
    expect(parseZoomMeetingId(85746065432)).toBe(85746065432);
    expect(parseZoomMeetingId('85746065432')).toBe(85746065432);
  });

  it('keeps an id beyond 2^53 as its digits rather than rounding it', () => {
    expect(parseZoomMeetingId('98765432109876543')).toBe('98765432109876543');
  });

  it('refuses what is not an id', () => {
    expect(parseZoomMeetingId('12a')).toBeUndefined();
    expect(parseZoomMeetingId(-3)).toBeUndefined();
  });

  it('compares a number and a string id by their digits', () => {
    expect(sameZoomId(85746065432, '85746065432')).toBe(true);
  });
});
