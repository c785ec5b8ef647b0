import { describe, expect, it } from 'vitest';
import type { ZoomPasscodeRules } from '../../../../contracts/vc-zoom';
import type { RoomFormValues } from '../../components/room-form-values';
import { describeRules, generatePasscode, hostChoiceOf, validateZoom } from './values';

const values = (
  form: Record<string, unknown>,
  providerState: Record<string, unknown> = {},
): RoomFormValues => ({
  name: 'Physics days',
  targetType: 'event',
  contributionId: '',
  blockId: '',
  show: true,
  form: { passcode: '12345678', hostUserId: null, alternativeHostIds: [], ...form },
  linkForm: { passcodeVisibility: 'logged_in' },
  roomId: '',
  providerState,
});

const RULES: ZoomPasscodeRules = {
  required: true,
  minLength: 8,
  maxLength: 10,
  letter: true,
  number: true,
  special: true,
  mixedCase: true,
  onlyNumeric: false,
  maxConsecutive: null,
};

describe('the Zoom fields of the room form', () => {
  it('does not save "Someone else" with nobody chosen as "Myself"', () => {
    expect(validateZoom(values({}, { hostChoice: 'someone' }), 'create')).toEqual({
      'form.hostUserId': 'Choose the host, or choose Myself',
    });
    expect(validateZoom(values({ hostUserId: 7 }, { hostChoice: 'someone' }), 'create')).toEqual({});
    expect(validateZoom(values({}, { hostChoice: 'myself' }), 'create')).toEqual({});
  });

  it('checks the passcode against Zoom’s rule and the host against the alternative hosts', () => {
    expect(validateZoom(values({ passcode: 'not valid!' }), 'create')).toEqual({
      'form.passcode': 'May contain only letters, digits and symbols, without spaces',
    });
    expect(validateZoom(values({ passcode: '12345678901' }), 'edit')).toEqual({
      'form.passcode': 'Must have at most 10 characters',
    });
    expect(validateZoom(values({ hostUserId: 3, alternativeHostIds: [3] }), 'edit')).toEqual({
      'form.alternativeHostIds': 'Must not include the host',
    });
    // Add existing has no room fields.
    expect(validateZoom(values({ passcode: 'not valid!' }), 'attach')).toEqual({});
  });

  it('reads the host choice from the form when the user has not chosen yet', () => {
    expect(hostChoiceOf(values({ hostUserId: null }), 1, 'create')).toBe('myself');
    expect(hostChoiceOf(values({ hostUserId: 1 }), 1, 'edit')).toBe('myself');
    expect(hostChoiceOf(values({ hostUserId: 2 }), 1, 'edit')).toBe('someone');
    // On Edit a null host is one Zoom knows and Convene does not: not the person editing.
    expect(hostChoiceOf(values({ hostUserId: null }), 1, 'edit')).toBe('someone');
    expect(hostChoiceOf(values({ hostUserId: 2 }, { hostChoice: 'myself' }), 1, 'edit')).toBe('myself');
  });

  it('generates digits of the admin’s length, with what the host’s Zoom account requires', () => {
    expect(generatePasscode(8, null)).toMatch(/^\d{8}$/);
    expect(generatePasscode(10, null)).toMatch(/^\d{10}$/);
    for (let i = 0; i < 50; i++) {
      const passcode = generatePasscode(8, RULES);
      expect(passcode).toMatch(/^[A-Za-z0-9@\-_*]{8}$/);
      expect(passcode).toMatch(/[a-z]/);
      expect(passcode).toMatch(/[A-Z]/);
      expect(passcode).toMatch(/[@\-_*]/);
      expect(passcode).toMatch(/\d/);
    }
    expect(generatePasscode(8, { ...RULES, onlyNumeric: true })).toMatch(/^\d{8}$/);
  });

  it('puts the host’s passcode requirements in words', () => {
    expect(describeRules(null)).toBeNull();
    expect(describeRules({ ...RULES, letter: false, special: false, mixedCase: false })).toBe(
      'The host’s Zoom account requires a passcode, at least 8 characters, a digit.',
    );
  });
});
