import { describe, expect, it } from 'vitest';
import { formatMeetingId } from './vc-zoom';

describe('formatMeetingId', () => {
  it('groups a 10-digit meeting number 3-3-4, as Zoom prints it', () => {
    expect(formatMeetingId('6032681930')).toBe('603 268 1930');
  });

  it('groups an 11-digit meeting number 3-4-4', () => {
    expect(formatMeetingId(81234567890)).toBe('812 3456 7890');
  });

  it('groups other lengths in threes', () => {
    expect(formatMeetingId('123456789')).toBe('123 456 789');
  });
});
