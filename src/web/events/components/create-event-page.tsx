import { Button, Container, Group, Paper, Radio, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { ProtectionMode } from '../../../contracts/events';
import { FormError } from '../../components/form-error';
import { applyApiError } from '../../lib/forms';
import { usePageTitle } from '../../lib/use-page-title';
import { useCreateEvent } from '../api/create-event';
import { asProtectionMode, PROTECTION_HELP, PROTECTION_LABEL, PROTECTION_MODES } from '../lib/labels';
import { browserTimezone } from '../lib/time';
import { EventFields, type EventFormValues, eventFormInstants, validateEventForm } from './event-form';

/** Tomorrow 09:00–17:00 in the browser's zone: a sensible start the organiser rarely keeps as is. */
function defaultTimes(): { start: string; end: string } {
  const d = new Date(Date.now() + 24 * 3600_000);
  const day = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  return { start: `${day}T09:00`, end: `${day}T17:00` };
}

export function CreateEventPage() {
  usePageTitle('Create event');
  const navigate = useNavigate();
  const create = useCreateEvent();
  const [formError, setFormError] = useState<string>();
  const [protectionMode, setProtectionMode] = useState<ProtectionMode>('public');
  const form = useForm<EventFormValues>({
    initialValues: {
      title: '',
      description: '',
      ...defaultTimes(),
      timezone: browserTimezone(),
      location: '',
      roomName: '',
    },
    validate: validateEventForm,
  });

  const submit = form.onSubmit(async (values) => {
    setFormError(undefined);
    const { start, end } = eventFormInstants(values);
    if (!start || !end) return;
    try {
      const event = await create.mutateAsync({ ...values, start, end, protectionMode });
      notifications.show({ color: 'green', message: `“${event.title}” is created. Add its timetable next.` });
      navigate(`/event/${event.id}/manage/timetable`);
    } catch (err) {
      setFormError(applyApiError(form, err));
    }
  });

  return (
    <Container size="sm" px={0} py="md">
      <Stack gap="lg">
        <div>
          <Title order={1}>Create event</Title>
          <Text c="dimmed" mt={4}>
            You become its manager; you can change everything later.
          </Text>
        </div>
        <Paper withBorder p="lg" component="form" onSubmit={submit} noValidate aria-label="New event">
          <Stack>
            <FormError message={formError} />
            <EventFields
              form={form}
              after={
                <Radio.Group
                  label="Who can see it"
                  value={protectionMode}
                  onChange={(v) => setProtectionMode(asProtectionMode(v))}
                >
                  <Stack gap="xs" mt={6}>
                    {PROTECTION_MODES.map((mode) => (
                      <Radio
                        key={mode}
                        value={mode}
                        label={PROTECTION_LABEL[mode]}
                        description={PROTECTION_HELP[mode]}
                      />
                    ))}
                  </Stack>
                </Radio.Group>
              }
            />
            <Group justify="flex-end">
              <Button component={Link} to="/" variant="default">
                Cancel
              </Button>
              <Button type="submit" loading={create.isPending}>
                Create event
              </Button>
            </Group>
          </Stack>
        </Paper>
      </Stack>
    </Container>
  );
}
