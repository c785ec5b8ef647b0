import type { UseFormReturnType } from '@mantine/form';
import type { ComponentType } from 'react';
import type { RoomFormValues } from '../components/room-form-values';

export interface ProviderFieldsProps {
  form: UseFormReturnType<RoomFormValues>;
  /** Room fields of a shared room the user may not change: shown, not editable. */
  disabled: boolean;
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
}
