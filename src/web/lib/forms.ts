// Ties Mantine forms to the API's contracts: the client checks fields with the same zod schemas the server
// uses, and the server's field errors land next to the same inputs.
import type { z } from 'zod';
import { ApiError } from './api';

const sentence = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A Mantine `validate` function from a zod schema: the first message per field. */
export function zodValidate<S extends z.ZodType>(schema: S) {
  return (values: z.input<S>): Record<string, string> => {
    const result = schema.safeParse(values);
    if (result.success) return {};
    const errors: Record<string, string> = {};
    for (const issue of result.error.issues) {
      const key = issue.path.join('.');
      if (key && !(key in errors)) errors[key] = sentence(issue.message);
    }
    return errors;
  };
}

interface FormWithErrors {
  setErrors(errors: Record<string, string>): void;
  getValues(): object;
}

/**
 * Puts an API error's field messages on the form's inputs. Returns the message to show above the form,
 * or undefined when every problem was shown beside an input.
 */
export function applyApiError(form: FormWithErrors, err: unknown): string | undefined {
  if (!(err instanceof ApiError)) return 'Something went wrong. Please try again.';
  const known = new Set(Object.keys(form.getValues()));
  const onInputs = err.fields.filter((f) => known.has(f.field));
  if (onInputs.length > 0) {
    form.setErrors(Object.fromEntries(onInputs.map((f) => [f.field, sentence(f.message)])));
  }
  return onInputs.length === err.fields.length && onInputs.length > 0 ? undefined : err.message;
}
