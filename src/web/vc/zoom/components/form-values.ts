// The settings form: the settings as the API has them, plus the credentials typed (never loaded: the API
// does not return them) and those to remove.
import {
  type TestZoomConnectionRequest,
  type UpdateZoomSettingsRequest,
  ZOOM_CREDENTIAL_KEYS,
  type ZoomAdminSettings,
  type ZoomCredentialKey,
  ZoomSettingsValues,
} from '../../../../contracts/vc-zoom';
import { ApiError } from '../../../lib/api';
import { zodValidate } from '../../../lib/forms';

export interface ZoomSettingsForm extends ZoomSettingsValues {
  credentials: Record<ZoomCredentialKey, string>;
  remove: Record<ZoomCredentialKey, boolean>;
}

const blank = <T>(value: T) =>
  Object.fromEntries(ZOOM_CREDENTIAL_KEYS.map((k) => [k, value])) as Record<ZoomCredentialKey, T>;

export function formValuesFrom(saved: ZoomAdminSettings): ZoomSettingsForm {
  return { ...saved.settings, credentials: blank(''), remove: blank(false) };
}

/** Typed credentials are sent, removals as null; untouched ones are left out (kept as they are). */
export function requestFrom(values: ZoomSettingsForm): UpdateZoomSettingsRequest {
  const { credentials, remove, ...settings } = values;
  const request: UpdateZoomSettingsRequest = { ...settings };
  for (const key of ZOOM_CREDENTIAL_KEYS) {
    const typed = credentials[key].trim();
    if (typed) request[key] = typed;
    else if (remove[key]) request[key] = null;
  }
  return request;
}

/** The credentials typed for "Test connection" (the saved ones fill the gaps on the server). */
export function connectionTestFrom(values: ZoomSettingsForm): TestZoomConnectionRequest {
  const out: TestZoomConnectionRequest = {};
  for (const key of ['accountId', 'clientId', 'clientSecret'] as const) {
    const typed = values.credentials[key].trim();
    if (typed) out[key] = typed;
  }
  return out;
}

/** Where an API field's error goes in this form: credentials are nested, list items belong to their list. */
export function formKey(field: string): string {
  const top = field.split('.')[0] ?? field;
  return (ZOOM_CREDENTIAL_KEYS as readonly string[]).includes(top) ? `credentials.${top}` : top;
}

const validateSettings = zodValidate(ZoomSettingsValues);

export function validateForm(values: ZoomSettingsForm): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const [field, message] of Object.entries(validateSettings(values))) {
    const key = formKey(field);
    if (!(key in errors)) errors[key] = message;
  }
  return errors;
}

interface FormWithErrors {
  setErrors(errors: Record<string, string>): void;
}

/** Puts the API's field errors on the inputs; returns what to show above the form, if anything. */
export function showApiError(form: FormWithErrors, err: unknown): string | undefined {
  if (!(err instanceof ApiError)) return 'Something went wrong. Please try again.';
  if (err.fields.length === 0) return err.message;
  const errors: Record<string, string> = {};
  for (const f of err.fields) {
    const key = formKey(f.field);
    if (!(key in errors)) errors[key] = f.message.charAt(0).toUpperCase() + f.message.slice(1);
  }
  form.setErrors(errors);
  return 'Some settings need correcting: see the fields marked below.';
}
