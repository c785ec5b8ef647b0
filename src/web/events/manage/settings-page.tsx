import { Button, Checkbox, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { Event } from '../../../contracts/events';
import { Event as EventSchema } from '../../../contracts/events';
import { FormError } from '../../components/form-error';
import { applyApiError } from '../../lib/forms';
import { usePageTitle } from '../../lib/use-page-title';
import { eventPageQueryOptions } from '../api/get-event-page';
import { invalidateEvent } from '../api/invalidate';
import { useUpdateEvent } from '../api/update-event';
import { ConflictAlert } from '../components/conflict-alert';
import {
  EventFields,
  type EventFormValues,
  eventFormInstants,
  eventFormValues,
  validateEventForm,
} from '../components/event-form';
import type { ManagePageProps } from '../extension-slots';
import { type Conflict, conflictOf } from '../lib/conflict';
import { formatDuration } from '../lib/time';

function describeShift(ms: number): string {
  const minutes = Math.round(Math.abs(ms) / 60_000);
  const days = Math.floor(minutes / 1440);
  const rest = formatDuration(minutes % 1440 || 0);
  const amount = [days ? `${days} ${days === 1 ? 'day' : 'days'}` : '', minutes % 1440 ? rest : '']
    .filter(Boolean)
    .join(' ');
  return `${ms > 0 ? 'later' : 'earlier'} by ${amount}`;
}

/** Edit the event; when the start moves, offer to move the timetable with it. */
export function SettingsPage({ event, payload }: ManagePageProps) {
  usePageTitle(`Settings · ${event.title}`);
  const queryClient = useQueryClient();
  const update = useUpdateEvent();
  // The version the form's values come from: kept apart from the payload, which refetches in the background.
  const [base, setBase] = useState<Event>(event);
  const [shiftTimetable, setShiftTimetable] = useState(true);
  const [formError, setFormError] = useState<string>();
  const [conflict, setConflict] = useState<Conflict<Event>>();
  const form = useForm<EventFormValues>({
    initialValues: eventFormValues(event),
    validate: validateEventForm,
  });

  // Saved elsewhere meanwhile (protection shares the event's version, another tab): take the new version
  // while nothing is typed here; with unsaved edits, the save's 409 offers the reload instead.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new version of the event should reload the form.
  useEffect(() => {
    if (event.version > base.version && !form.isDirty()) load(event);
  }, [event.version]);

  const { start } = eventFormInstants(form.getValues());
  const shiftMs = start ? Date.parse(start) - Date.parse(base.start) : 0;
  const hasTimetable = payload.blocks.length > 0 || payload.contributions.some((c) => c.start !== null);

  const load = (current: Event) => {
    setBase(current);
    form.setInitialValues(eventFormValues(current));
    form.setValues(eventFormValues(current));
    form.resetDirty(eventFormValues(current));
  };

  const reload = async (current: Event | undefined) => {
    await invalidateEvent(queryClient, event.id);
    const fresh = current ?? (await queryClient.fetchQuery(eventPageQueryOptions(event.id))).event;
    load(fresh);
    setConflict(undefined);
    setFormError(undefined);
  };

  const submit = form.onSubmit(async (values) => {
    setFormError(undefined);
    setConflict(undefined);
    const instants = eventFormInstants(values);
    if (!instants.start || !instants.end) return;
    try {
      const saved = await update.mutateAsync({
        eventId: event.id,
        version: base.version,
        ...values,
        start: instants.start,
        end: instants.end,
        shiftTimetable: shiftMs !== 0 && hasTimetable && shiftTimetable,
      });
      load(saved);
      notifications.show({ color: 'green', message: 'The event’s settings are saved.' });
    } catch (err) {
      const c = conflictOf(err, EventSchema);
      if (c) setConflict(c);
      else setFormError(applyApiError(form, err));
    }
  });

  return (
    <Stack gap="md">
      <Title order={1}>Settings</Title>
      <Paper withBorder p="lg" component="form" onSubmit={submit} noValidate aria-label="Event settings">
        <Stack>
          {conflict && <ConflictAlert message={conflict.message} onReload={() => reload(conflict.current)} />}
          <FormError message={formError} />
          <EventFields
            form={form}
            after={
              shiftMs !== 0 &&
              hasTimetable && (
                <Checkbox
                  checked={shiftTimetable}
                  onChange={(e) => setShiftTimetable(e.currentTarget.checked)}
                  label="Move the timetable with the event"
                  description={`Every session block and scheduled contribution moves ${describeShift(shiftMs)}.`}
                />
              )
            }
          />
          <Group justify="space-between">
            <Text size="sm" c="dimmed">
              {form.isDirty() ? 'Unsaved changes' : 'All changes saved'}
            </Text>
            <Button type="submit" loading={update.isPending} disabled={!form.isDirty()}>
              Save settings
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}
