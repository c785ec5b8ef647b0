import { describe, expect, it } from 'vitest';
import { formPathOf, initialValues, targetOf, validateCommon } from './room-form-values';

const values = initialValues({
  provider: 'test',
  name: 'Physics days',
  target: { type: 'block', blockId: 7 },
  show: true,
  form: { passcode: '' },
  linkForm: { passcodeVisibility: 'logged_in' },
  can: { editRoom: true },
});

describe('the room form’s values', () => {
  it('round-trips a target through the form', () => {
    expect(values).toMatchObject({ targetType: 'block', blockId: '7', contributionId: '' });
    expect(targetOf(values)).toEqual({ type: 'block', blockId: 7 });
    expect(targetOf({ ...values, targetType: 'event' })).toEqual({ type: 'event' });
  });

  it('puts the server’s field names on the form’s inputs', () => {
    expect(formPathOf('room.form.passcode')).toBe('form.passcode');
    expect(formPathOf('link.linkForm.passcodeVisibility')).toBe('linkForm.passcodeVisibility');
    expect(formPathOf('link.target.contributionId')).toBe('contributionId');
    expect(formPathOf('target')).toBe('targetType');
    expect(formPathOf('name')).toBe('name');
  });

  it('asks for a name of 3 characters, a chosen target, and a room to add', () => {
    expect(validateCommon({ ...values, name: 'ab', blockId: '' }, 'create')).toEqual({
      name: 'Must be 3 to 250 characters',
      blockId: 'Choose a session block',
    });
    expect(validateCommon({ ...values, name: '' }, 'attach')).toEqual({ roomId: 'Choose a videoconference' });
  });
});
