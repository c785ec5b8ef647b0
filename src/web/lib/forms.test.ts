import { describe, expect, it } from 'vitest';
import { SetupRequest } from '../../contracts/auth';
import { ApiError } from './api';
import { applyApiError, zodValidate } from './forms';

function fakeForm(values: object) {
  const form = {
    errors: {} as Record<string, string>,
    getValues: () => values,
    setErrors: (e: Record<string, string>) => {
      form.errors = e;
    },
  };
  return form;
}

describe('forms and the API contracts', () => {
  it('checks a form with the contract schema, one sentence per field', () => {
    const validate = zodValidate(SetupRequest);
    expect(validate({ name: ' ', affiliation: '', email: 'nope', password: 'short' })).toEqual({
      name: 'Must not be empty',
      email: 'Must be an e-mail address such as ada@example.org',
      password: 'Must be at least 10 characters',
    });
    expect(
      validate({ name: 'Ada', affiliation: '', email: 'ada@example.org', password: 'long enough!' }),
    ).toEqual({});
  });

  it('puts the server’s field errors beside their inputs and nothing above the form', () => {
    const form = fakeForm({ email: '' });
    const err = new ApiError(409, {
      code: 'CONFLICT',
      message: 'This e-mail address is already used by an account.',
      fields: [{ field: 'email', message: 'This e-mail address is already used by an account.' }],
    });
    expect(applyApiError(form, err)).toBeUndefined();
    expect(form.errors).toEqual({ email: 'This e-mail address is already used by an account.' });
  });

  it('shows an error that belongs to no input above the form', () => {
    const form = fakeForm({ email: '', password: '' });
    const err = new ApiError(401, { code: 'UNAUTHENTICATED', message: 'E-mail or password is incorrect.' });
    expect(applyApiError(form, err)).toBe('E-mail or password is incorrect.');
    expect(applyApiError(form, new Error('boom'))).toBe('Something went wrong. Please try again.');
  });
});
