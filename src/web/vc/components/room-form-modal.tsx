// The Create and Edit dialog: the common fields every provider gets (name, link target, show on event page)
// and the provider's own fields from its web folder.
import { Alert, Button, Center, Group, Loader, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import type { VcFormValues, VcTargets, VcWriteResult } from '../../../contracts/vc';
import { FormError } from '../../components/form-error';
import { errorMessage } from '../../lib/api';
import { type RoomFormSource, useRoomForm } from '../api/get-room-form';
import { useTargets } from '../api/get-targets';
import { useCreateRoom, useEditLink } from '../api/write-rooms';
import { webProvider } from '../providers';
import { AdvancedSettings } from './advanced-settings';
import { showApiError } from './form-errors';
import { initialValues, type RoomFormValues, targetOf, validateCommon } from './room-form-values';
import { TargetFields } from './target-fields';

interface Props {
  eventId: number;
  /** What the dialog is for; undefined: closed. */
  source: RoomFormSource | undefined;
  /** The provider's display name, for the title. */
  providerName: string;
  roomId?: number;
  onClose: () => void;
  onSaved: (result: VcWriteResult) => void;
}

export function RoomFormModal({ eventId, source, providerName, roomId, onClose, onSaved }: Props) {
  const values = useRoomForm(eventId, source);
  const targets = useTargets(eventId, source !== undefined);
  const title =
    source?.kind === 'edit'
      ? `Edit ${providerName} videoconference`
      : `Create ${providerName} videoconference`;
  const failed = values.error ?? targets.error;
  return (
    <Modal opened={source !== undefined} onClose={onClose} title={title} size="lg" centered>
      {failed ? (
        <Alert color="red" role="alert" title="The form could not be loaded">
          {errorMessage(failed)}
        </Alert>
      ) : values.data && targets.data && source ? (
        <RoomForm
          key={JSON.stringify(source)}
          eventId={eventId}
          source={source}
          values={values.data}
          targets={targets.data}
          roomId={roomId}
          onCancel={onClose}
          onSaved={onSaved}
        />
      ) : (
        <Center py="lg">
          <Loader role="status" aria-label="Loading the form" />
        </Center>
      )}
    </Modal>
  );
}

function RoomForm({
  eventId,
  source,
  values,
  targets,
  roomId,
  onCancel,
  onSaved,
}: {
  eventId: number;
  source: RoomFormSource;
  values: VcFormValues;
  targets: VcTargets;
  roomId: number | undefined;
  onCancel: () => void;
  onSaved: (result: VcWriteResult) => void;
}) {
  const create = useCreateRoom(eventId);
  const edit = useEditLink(eventId);
  const [formError, setFormError] = useState<string>();
  const mode = source.kind;
  const provider = webProvider(values.provider);
  const form = useForm<RoomFormValues>({
    initialValues: initialValues(values),
    validate: (v) => ({ ...validateCommon(v, mode), ...provider.validate?.(v, mode) }),
  });
  const roomDisabled = !values.can.editRoom;
  const { RoomFields, LinkFields } = provider;
  const context = { eventId, mode, roomId, timezone: targets.event.timezone };

  const submit = form.onSubmit(async (v) => {
    setFormError(undefined);
    try {
      const target = targetOf(v);
      const result =
        source.kind === 'create'
          ? await create.mutateAsync({
              provider: values.provider,
              name: v.name.trim(),
              target,
              show: v.show,
              form: v.form,
              linkForm: v.linkForm,
            })
          : await edit.mutateAsync({
              linkId: source.linkId,
              body: {
                ...(values.can.editRoom ? { room: { name: v.name.trim(), form: v.form } } : {}),
                link: { target, show: v.show, linkForm: v.linkForm },
              },
            });
      onSaved(result);
    } catch (err) {
      setFormError(showApiError(form, err));
    }
  });

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={mode === 'create' ? 'New videoconference' : 'Videoconference'}
    >
      <Stack>
        <FormError message={formError} />
        {roomDisabled && (
          <Text size="sm" c="dimmed">
            This videoconference is shared with events you do not manage: you can change how it is linked
            here, not the videoconference itself.
          </Text>
        )}
        <TextInput
          label="Name"
          description={
            mode === 'create'
              ? "Shown to participants; the event's title by default"
              : 'Shown to participants'
          }
          required
          data-autofocus
          disabled={roomDisabled}
          {...form.getInputProps('name')}
        />
        <TargetFields form={form} targets={targets} roomId={roomId} />
        {RoomFields && <RoomFields form={form} disabled={roomDisabled} context={context} />}
        {LinkFields && <LinkFields form={form} disabled={false} context={context} />}
        <AdvancedSettings
          form={form}
          provider={provider}
          roomDisabled={roomDisabled}
          withRoomFields
          context={context}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending || edit.isPending}>
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
