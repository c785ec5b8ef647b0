// Add existing: a field that suggests rooms as the user types (their name, or a provider key such as a
// meeting id), then the link target, "show on event page" and the provider's per-link fields.
import { Alert, Button, Center, Group, Loader, Modal, Select, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import type { VcFormValues, VcTargets, VcWriteResult } from '../../../contracts/vc';
import { FormError } from '../../components/form-error';
import { errorMessage } from '../../lib/api';
import { useRoomForm } from '../api/get-room-form';
import { useSuggestions } from '../api/get-suggestions';
import { useTargets } from '../api/get-targets';
import { useAttachRoom } from '../api/write-rooms';
import { webProvider } from '../providers';
import { AdvancedSettings } from './advanced-settings';
import { showApiError } from './form-errors';
import { initialValues, type RoomFormValues, targetOf, validateCommon } from './room-form-values';
import { TargetFields } from './target-fields';

interface Props {
  eventId: number;
  /** The provider whose rooms to add; undefined: closed. */
  provider: { name: string; displayName: string } | undefined;
  onClose: () => void;
  onSaved: (result: VcWriteResult) => void;
}

export function AttachModal({ eventId, provider, onClose, onSaved }: Props) {
  const defaults = useRoomForm(eventId, provider ? { kind: 'create', provider: provider.name } : undefined);
  const targets = useTargets(eventId, provider !== undefined);
  const failed = defaults.error ?? targets.error;
  return (
    <Modal
      opened={provider !== undefined}
      onClose={onClose}
      title={`Add an existing ${provider?.displayName ?? ''} videoconference`}
      size="lg"
      centered
    >
      {failed ? (
        <Alert color="red" role="alert" title="The form could not be loaded">
          {errorMessage(failed)}
        </Alert>
      ) : defaults.data && targets.data && provider ? (
        <AttachForm
          eventId={eventId}
          providerName={provider.displayName}
          values={defaults.data}
          targets={targets.data}
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

function AttachForm({
  eventId,
  providerName,
  values,
  targets,
  onCancel,
  onSaved,
}: {
  eventId: number;
  providerName: string;
  values: VcFormValues;
  targets: VcTargets;
  onCancel: () => void;
  onSaved: (result: VcWriteResult) => void;
}) {
  const attach = useAttachRoom(eventId);
  const [formError, setFormError] = useState<string>();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 200);
  const suggestions = useSuggestions(eventId, values.provider, q);
  const provider = webProvider(values.provider);
  const form = useForm<RoomFormValues>({
    initialValues: initialValues(values),
    validate: (v) => ({ ...validateCommon(v, 'attach'), ...provider.validate?.(v, 'attach') }),
  });
  const { LinkFields } = provider;
  const items = suggestions.data?.items ?? [];
  const roomId = form.getValues().roomId ? Number(form.getValues().roomId) : undefined;
  const context = { eventId, mode: 'attach' as const, roomId, timezone: targets.event.timezone };

  const submit = form.onSubmit(async (v) => {
    setFormError(undefined);
    try {
      onSaved(
        await attach.mutateAsync({
          roomId: Number(v.roomId),
          target: targetOf(v),
          show: v.show,
          linkForm: v.linkForm,
        }),
      );
    } catch (err) {
      setFormError(showApiError(form, err));
    }
  });

  return (
    <form onSubmit={submit} noValidate aria-label="Existing videoconference">
      <Stack>
        <FormError message={formError} />
        <Select
          label="Videoconference"
          description={`Start typing its name (or its ${providerName} number). Only videoconferences created on this server that you may use are suggested.`}
          placeholder="Type to search"
          required
          searchable
          data-autofocus
          searchValue={search}
          onSearchChange={setSearch}
          // The server already matched and ranked them; the field must not filter them again.
          filter={({ options }) => options}
          data={items.map((s) => ({
            value: String(s.id),
            label: `${s.name}${s.host ? ` (host: ${s.host})` : ''}${s.linkedToThisEvent ? ' · already in this event' : ''}`,
          }))}
          nothingFoundMessage={
            q ? (suggestions.isFetching ? 'Searching…' : 'No videoconference matches') : 'Start typing'
          }
          {...form.getInputProps('roomId')}
        />
        <TargetFields form={form} targets={targets} roomId={roomId} />
        {LinkFields && <LinkFields form={form} disabled={false} context={context} />}
        <AdvancedSettings
          form={form}
          provider={provider}
          roomDisabled
          withRoomFields={false}
          context={context}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={attach.isPending}>
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
