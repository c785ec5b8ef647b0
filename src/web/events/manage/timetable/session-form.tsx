import { Button, ColorInput, Group, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { CreateSessionBody, type Session, Session as SessionSchema } from '../../../../contracts/events';
import { FormError } from '../../../components/form-error';
import { applyApiError, zodValidate } from '../../../lib/forms';
import { useCreateSession } from '../../api/create-session';
import { refetchEventPage } from '../../api/invalidate';
import { useUpdateSession } from '../../api/update-session';
import { ConflictAlert } from '../../components/conflict-alert';
import { type Conflict, conflictOf } from '../../lib/conflict';

/** Colours with enough contrast against both light and dark backgrounds for the timetable's colour bar. */
export const SESSION_SWATCHES = [
  '#5b7db1',
  '#2f9e44',
  '#e8590c',
  '#c2255c',
  '#7048e8',
  '#0c8599',
  '#f08c00',
  '#495057',
];

export function SessionForm({
  eventId,
  session,
  onDone,
  onCancel,
}: {
  eventId: number;
  session?: Session;
  onDone: () => void;
  onCancel: () => void;
}) {
  const queryClient = useQueryClient();
  const create = useCreateSession();
  const update = useUpdateSession();
  const [base, setBase] = useState(session);
  const [formError, setFormError] = useState<string>();
  const [conflict, setConflict] = useState<Conflict<Session>>();
  const form = useForm({
    initialValues: {
      title: session?.title ?? '',
      colour: session?.colour ?? SESSION_SWATCHES[0] ?? '#5b7db1',
    },
    validate: zodValidate(CreateSessionBody),
  });

  const reload = async () => {
    const page = await refetchEventPage(queryClient, eventId);
    const current = page.sessions.find((s) => s.id === base?.id) ?? conflict?.current;
    setConflict(undefined);
    if (!current) return setFormError('This session was deleted meanwhile.');
    setBase(current);
    form.setValues({ title: current.title, colour: current.colour });
    form.resetDirty({ title: current.title, colour: current.colour });
  };

  const submit = form.onSubmit(async (values) => {
    setFormError(undefined);
    setConflict(undefined);
    try {
      if (base) await update.mutateAsync({ eventId, sessionId: base.id, version: base.version, ...values });
      else await create.mutateAsync({ eventId, ...values });
      onDone();
    } catch (err) {
      const c = conflictOf(err, SessionSchema);
      if (c) setConflict(c);
      else setFormError(applyApiError(form, err));
    }
  });

  return (
    <form onSubmit={submit} noValidate aria-label={session ? 'Edit session' : 'New session'}>
      <Stack>
        {conflict && <ConflictAlert message={conflict.message} onReload={reload} />}
        <FormError message={formError} />
        <TextInput label="Title" required data-autofocus {...form.getInputProps('title')} />
        <ColorInput
          label="Colour"
          description="A colour such as #1a2b3c; it marks the session’s blocks in the timetable"
          format="hex"
          swatches={SESSION_SWATCHES}
          swatchesPerRow={8}
          withEyeDropper={false}
          {...form.getInputProps('colour')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {session ? 'Save session' : 'Add session'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
