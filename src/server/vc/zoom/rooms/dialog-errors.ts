// Zoom's refusals as the Create/Edit dialog shows them: on the form field at fault when there is one
// (`form.passcode` on Create, `room.form.passcode` on Edit), else with Zoom's cause in one sentence.
import { ProviderError } from '../../../errors';
import { RoomGoneError } from '../../provider';
import { isZoomError, ZoomError } from '../errors';
import { ZOOM_PROVIDER } from './room-data';

/** Where the dialog's fields live: Create sends `name` and `form.*`, Edit `room.name` and `room.form.*`. */
export interface FieldPrefix {
  /** Prefix of the provider's form fields: 'form.' or 'room.form.'. */
  form: string;
  /** Prefix of the room's common fields (its name): '' or 'room.'. */
  room: string;
}

export const CREATE_FIELDS: FieldPrefix = { form: 'form.', room: '' };
export const EDIT_FIELDS: FieldPrefix = { form: 'room.form.', room: 'room.' };

export function fieldError(field: string, message: string): ProviderError {
  return new ProviderError(ZOOM_PROVIDER, message, { field, status: 'VALIDATION_FAILED' });
}

/** Zoom's field names as error-map.ts gives them → the Zoom form's fields. */
const FORM_FIELD: Record<string, string> = {
  passcode: 'passcode',
  alternativeHosts: 'alternativeHostIds',
  host: 'hostUserId',
  description: 'description',
  waitingRoom: 'waitingRoom',
  joinBeforeHost: 'joinBeforeHost',
};

/**
 * The error the dialog gets for a failed Zoom call. Field refusals name the field, a missing webinar
 * licence names the meeting type, a meeting gone from Zoom becomes RoomGoneError (the module marks the room
 * deleted); rate limits, timeouts and outages keep ZoomError's own message and status (429 with
 * Retry-After, 503).
 */
export function dialogError(
  err: unknown,
  prefix: FieldPrefix,
  opts: { meetingGone?: boolean } = {},
): unknown {
  if (!(err instanceof ZoomError)) return err;
  if (opts.meetingGone && isZoomError(err, 'meeting-not-found'))
    return new RoomGoneError(ZOOM_PROVIDER, err.message);
  if (err.kind === 'webinar-license') return fieldError(`${prefix.form}meetingType`, err.message);
  if (err.kind === 'validation' && err.fields?.length) {
    const first = err.fields[0];
    if (first) {
      if (first.field === 'name') return fieldError(`${prefix.room}name`, err.message);
      const field = FORM_FIELD[first.field];
      if (field) return fieldError(`${prefix.form}${field}`, err.message);
    }
  }
  return err;
}
