import type { UseFormReturnType } from '@mantine/form';
import type { ComponentType } from 'react';
import type { RoomFormValues } from '../components/room-form-values';

/** Where the provider's fields are shown: some fields are fixed once a room exists, some ask the server. */
export interface ProviderFieldsContext {
  eventId: number;
  mode: 'create' | 'edit' | 'attach';
  /** The room being edited (Edit only). */
  roomId?: number;
  /** The event's IANA timezone, for times shown in the form. */
  timezone: string;
}

export interface ProviderFieldsProps {
  form: UseFormReturnType<RoomFormValues>;
  /** Room fields of a shared room the user may not change: shown, not editable. */
  disabled: boolean;
  context: ProviderFieldsContext;
}

/**
 * The web side of a provider: the fields it adds to the forms (their values live under `form.<name>` and
 * `linkForm.<name>`, as its server schemas expect them) and its administration panel. One folder each.
 */
export interface WebVcProvider {
  name: string;
  /** Room fields of Create and Edit, after the name and target. */
  RoomFields?: ComponentType<ProviderFieldsProps>;
  /** Per-link fields of Create, Edit and Add existing. */
  LinkFields?: ComponentType<ProviderFieldsProps>;
  /** Room fields shown under "Advanced settings", after "Show on event page". */
  AdvancedFields?: ComponentType<ProviderFieldsProps>;
  /** The provider's settings on /admin/videoconference. */
  AdminSettings?: ComponentType;
  /** Badges (by text) that stand out, with a filled colour dark enough for white text (AA). */
  badgeColors?: Record<string, string>;
  /** Client-side checks of the provider's fields, by form path (the server checks again). */
  validate?: (values: RoomFormValues, mode: ProviderFieldsContext['mode']) => Record<string, string>;
  /** Actions (by id) that ask before they run, e.g. one that changes the room at the provider. */
  actionConfirmations?: Record<string, ActionConfirmation>;
}

export interface ActionConfirmation {
  title: string;
  message: string;
  confirmLabel: string;
}
