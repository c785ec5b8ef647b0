import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Group,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { FormError } from '../../components/form-error';
import { ApiError, errorMessage } from '../../lib/api';
import { usePageTitle } from '../../lib/use-page-title';
import { useCloneEvent } from '../api/clone-event';
import { useCloneOptions } from '../api/get-clone-options';
import { PageLoader } from '../components/load-states';
import type { ManagePageProps } from '../extension-slots';
import { addMinutesIso, fromWallTime, isWallTime, toWallTime } from '../lib/time';

/** A copy of the event at another date: its end and timetable move by the same amount. */
export function ClonePage({ event }: ManagePageProps) {
  usePageTitle(`Clone · ${event.title}`);
  const navigate = useNavigate();
  const options = useCloneOptions(event.id);
  const clone = useCloneEvent();
  // A week later is the usual next edition of a series; the organiser changes it as needed.
  const [start, setStart] = useState(() =>
    toWallTime(addMinutesIso(event.start, 7 * 24 * 60), event.timezone),
  );
  const [title, setTitle] = useState(event.title);
  const [chosen, setChosen] = useState<Record<string, boolean>>({});
  const [error, setError] = useState<unknown>();
  const [startError, setStartError] = useState<string>();

  const isOn = (id: string, defaultOn: boolean) => chosen[id] ?? defaultOn;

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setError(undefined);
    const startDate = isWallTime(start) ? fromWallTime(start, event.timezone) : undefined;
    if (!startDate) {
      setStartError('Enter a date and a time');
      return;
    }
    setStartError(undefined);
    const available = options.data?.options.filter((o) => o.available) ?? [];
    try {
      const created = await clone.mutateAsync({
        eventId: event.id,
        startDate,
        title: title.trim() || undefined,
        options: Object.fromEntries(available.map((o) => [o.id, isOn(o.id, o.defaultOn)])),
      });
      notifications.show({ color: 'green', message: `“${created.title}” is created as a copy.` });
      // What modules' clone steps had to say (e.g. a room its provider would not share), kept until read.
      for (const notice of created.notices)
        notifications.show({ color: 'blue', message: notice, autoClose: false });
      navigate(`/event/${created.id}`);
    } catch (err) {
      const field = err instanceof ApiError ? err.fields.find((f) => f.field === 'startDate') : undefined;
      if (field) setStartError(field.message);
      else setError(err);
    }
  };

  return (
    <Stack gap="md">
      <Title order={1}>Clone</Title>
      <Text>Make a new event from this one. You become its manager; nothing of this event changes.</Text>
      <Paper withBorder p="lg" component="form" onSubmit={submit} noValidate aria-label="Clone the event">
        <Stack>
          <FormError message={error ? errorMessage(error) : undefined} />
          <TextInput
            label="Start of the new event"
            description={`In ${event.timezone}; the end and the timetable move by as much`}
            type="datetime-local"
            required
            value={start}
            onChange={(e) => setStart(e.currentTarget.value)}
            error={startError}
          />
          <TextInput label="Title" value={title} onChange={(e) => setTitle(e.currentTarget.value)} />
          {options.isPending && <PageLoader />}
          {options.isError && (
            <Alert color="red" role="alert" title="The options could not be loaded">
              {errorMessage(options.error)}
            </Alert>
          )}
          {options.data && (
            <Fieldset legend="Copy" variant="unstyled">
              <Stack gap="xs" mt={4}>
                {options.data.options.map((o) => (
                  <Checkbox
                    key={o.id}
                    label={o.label}
                    description={o.available ? undefined : 'Nothing to copy in this event'}
                    disabled={!o.available}
                    checked={o.available && isOn(o.id, o.defaultOn)}
                    onChange={(e) => setChosen((c) => ({ ...c, [o.id]: e.currentTarget.checked }))}
                  />
                ))}
              </Stack>
            </Fieldset>
          )}
          <Group justify="flex-end">
            <Button type="submit" loading={clone.isPending} disabled={!options.data}>
              Clone event
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}
