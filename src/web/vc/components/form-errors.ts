import type { UseFormReturnType } from '@mantine/form';
import { ApiError } from '../../lib/api';
import { formPathOf, type RoomFormValues } from './room-form-values';

const ON_INPUTS = /^(name|targetType|contributionId|blockId|roomId|form\..+|linkForm\..+)$/;
const sentence = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * Puts the server's field errors next to the inputs (provider fields included); returns the message to show
 * above the form when some problem has no input of its own (a provider failure, a conflict, the network).
 */
export function showApiError(form: UseFormReturnType<RoomFormValues>, err: unknown): string | undefined {
  if (!(err instanceof ApiError)) return 'Something went wrong. Please try again.';
  const mapped = err.fields.map((f) => ({ path: formPathOf(f.field), message: sentence(f.message) }));
  const onInputs = mapped.filter((f) => ON_INPUTS.test(f.path));
  if (onInputs.length) form.setErrors(Object.fromEntries(onInputs.map((f) => [f.path, f.message])));
  return onInputs.length && onInputs.length === mapped.length ? undefined : err.message;
}
