import { Alert, Button, Group, Paper, Radio, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Protection, ProtectionMode, UserRef } from '../../../contracts/events';
import { Event as EventSchema } from '../../../contracts/events';
import { FormError } from '../../components/form-error';
import { ApiError, errorMessage } from '../../lib/api';
import { usePageTitle } from '../../lib/use-page-title';
import { protectionQueryOptions, useProtection } from '../api/get-protection';
import { invalidateEvent } from '../api/invalidate';
import { useUpdateProtection } from '../api/update-protection';
import { ConflictAlert } from '../components/conflict-alert';
import { PageLoader } from '../components/load-states';
import { UserMultiPicker } from '../components/user-picker';
import type { ManagePageProps } from '../extension-slots';
import { conflictOf } from '../lib/conflict';
import { asProtectionMode, PROTECTION_HELP, PROTECTION_LABEL, PROTECTION_MODES } from '../lib/labels';

export function ProtectionPage({ event }: ManagePageProps) {
  usePageTitle(`Protection · ${event.title}`);
  const query = useProtection(event.id);
  return (
    <Stack gap="md">
      <Title order={1}>Protection</Title>
      {query.isPending && <PageLoader />}
      {query.isError && (
        <Alert color="red" role="alert" title="The protection could not be loaded">
          {errorMessage(query.error)}
        </Alert>
      )}
      {/* Keyed by version: a reload after a conflict starts the form again from the server's values. */}
      {query.data && <ProtectionForm key={query.data.version} eventId={event.id} protection={query.data} />}
    </Stack>
  );
}

function fieldMessage(err: unknown, field: string): string | undefined {
  return err instanceof ApiError ? err.fields.find((f) => f.field === field)?.message : undefined;
}

function ProtectionForm({ eventId, protection }: { eventId: number; protection: Protection }) {
  const queryClient = useQueryClient();
  const update = useUpdateProtection();
  const [mode, setMode] = useState<ProtectionMode>(protection.mode);
  const [managers, setManagers] = useState<UserRef[]>(protection.managers);
  const [allowed, setAllowed] = useState<UserRef[]>(protection.allowedUsers);
  const [error, setError] = useState<unknown>();
  const [conflict, setConflict] = useState<string>();

  const reload = async () => {
    setConflict(undefined);
    setError(undefined);
    await invalidateEvent(queryClient, eventId);
    await queryClient.refetchQueries({ queryKey: protectionQueryOptions(eventId).queryKey });
  };

  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    setError(undefined);
    setConflict(undefined);
    try {
      await update.mutateAsync({
        eventId,
        version: protection.version,
        mode,
        managerIds: managers.map((u) => u.id),
        allowedUserIds: allowed.map((u) => u.id),
      });
      notifications.show({ color: 'green', message: 'The protection is saved.' });
    } catch (err) {
      const c = conflictOf(err, EventSchema);
      if (c) setConflict(c.message);
      else setError(err);
    }
  };

  const managersError = fieldMessage(error, 'managerIds');
  const allowedError = fieldMessage(error, 'allowedUserIds');
  const generalError = error && !managersError && !allowedError ? errorMessage(error) : undefined;

  return (
    <Paper withBorder p="lg" component="form" onSubmit={save} noValidate aria-label="Protection">
      <Stack>
        {conflict && <ConflictAlert message={conflict} onReload={reload} />}
        <FormError message={generalError} />
        <Radio.Group
          label="Who can see the event"
          value={mode}
          onChange={(v) => setMode(asProtectionMode(v))}
        >
          <Stack gap="xs" mt={6}>
            {PROTECTION_MODES.map((m) => (
              <Radio key={m} value={m} label={PROTECTION_LABEL[m]} description={PROTECTION_HELP[m]} />
            ))}
          </Stack>
        </Radio.Group>
        <UserMultiPicker
          label="Managers"
          description="They edit the event, its timetable and its services, and see speakers’ e-mail addresses"
          value={managers}
          onChange={setManagers}
          error={managersError}
        />
        <UserMultiPicker
          label="Allowed users"
          description={
            mode === 'restricted'
              ? 'Besides the managers, only these users see the event'
              : 'Used when the event is restricted; the event is open to more people now'
          }
          value={allowed}
          onChange={setAllowed}
          error={allowedError}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={update.isPending}>
            Save protection
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
