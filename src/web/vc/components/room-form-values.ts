// The values of the Create, Edit and Add existing forms, and how the server's field names map onto them.
import type { VcFormValues, VcTargetInput } from '../../../contracts/vc';

export type TargetType = VcTargetInput['type'];

export interface RoomFormValues {
  name: string;
  targetType: TargetType;
  /** Select values are strings; '' when none is chosen. */
  contributionId: string;
  blockId: string;
  show: boolean;
  /** The provider's own fields, under their names (form.<field>, linkForm.<field>). */
  form: Record<string, unknown>;
  linkForm: Record<string, unknown>;
  /** Add existing only: the chosen room. */
  roomId: string;
  /** The provider's own UI state that is no field of its server form (e.g. a choice); never sent. */
  providerState: Record<string, unknown>;
}

export function initialValues(values: VcFormValues): RoomFormValues {
  const t = values.target;
  return {
    name: values.name,
    targetType: t.type,
    contributionId: t.type === 'contribution' ? String(t.contributionId) : '',
    blockId: t.type === 'block' ? String(t.blockId) : '',
    show: values.show,
    form: { ...values.form },
    linkForm: { ...values.linkForm },
    roomId: '',
    providerState: {},
  };
}

export function targetOf(values: RoomFormValues): VcTargetInput {
  if (values.targetType === 'contribution')
    return { type: 'contribution', contributionId: Number(values.contributionId) };
  if (values.targetType === 'block') return { type: 'block', blockId: Number(values.blockId) };
  return { type: 'event' };
}

/** Client-side checks of the common fields (the server checks again, and the provider's fields too). */
export function validateCommon(
  values: RoomFormValues,
  mode: 'create' | 'edit' | 'attach',
): Record<string, string> {
  const errors: Record<string, string> = {};
  const name = values.name.trim();
  if (mode !== 'attach' && (name.length < 3 || name.length > 250))
    errors.name = 'Must be 3 to 250 characters';
  if (mode === 'attach' && !values.roomId) errors.roomId = 'Choose a videoconference';
  if (values.targetType === 'contribution' && !values.contributionId)
    errors.contributionId = 'Choose a contribution';
  if (values.targetType === 'block' && !values.blockId) errors.blockId = 'Choose a session block';
  return errors;
}

/** The form path of a field the server named ('room.form.passcode' → 'form.passcode'). */
export function formPathOf(field: string): string {
  const path = field.replace(/^(room|link)\./, '');
  if (path === 'target') return 'targetType';
  if (path === 'target.contributionId') return 'contributionId';
  if (path === 'target.blockId') return 'blockId';
  return path;
}
