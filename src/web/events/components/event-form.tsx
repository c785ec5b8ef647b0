// The fields of an event, shared by the create form and the settings page. Dates are typed as wall-clock
// times of the chosen timezone and sent as UTC; the field names match the API's, so the server's field
// errors land on the right inputs.
import { Group, SimpleGrid, Stack, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { Event } from '../../../contracts/events';
import { fromWallTime, isWallTime, toWallTime } from '../lib/time';
import { MarkdownInput } from './markdown-input';
import { TimezoneSelect } from './timezone-select';

export interface EventFormValues {
  title: string;
  description: string;
  start: string;
  end: string;
  timezone: string;
  location: string;
  roomName: string;
}

export type EventForm = UseFormReturnType<EventFormValues>;

export function eventFormValues(event: Event): EventFormValues {
  return {
    title: event.title,
    description: event.description,
    start: toWallTime(event.start, event.timezone),
    end: toWallTime(event.end, event.timezone),
    timezone: event.timezone,
    location: event.location,
    roomName: event.roomName,
  };
}

/** The instants the form's wall-clock times stand for, or undefined where a time is incomplete. */
export function eventFormInstants(values: EventFormValues): { start?: string; end?: string } {
  return {
    start: fromWallTime(values.start, values.timezone),
    end: fromWallTime(values.end, values.timezone),
  };
}

/** Checks what the server would refuse anyway, to answer before the round trip. */
export function validateEventForm(values: EventFormValues): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!values.title.trim()) errors.title = 'Give the event a title';
  if (!values.timezone) errors.timezone = 'Choose a timezone';
  if (!isWallTime(values.start)) errors.start = 'Enter a date and a time';
  if (!isWallTime(values.end)) errors.end = 'Enter a date and a time';
  const { start, end } = eventFormInstants(values);
  if (start && end && Date.parse(end) <= Date.parse(start)) errors.end = 'Must be after the start';
  return errors;
}

/** The event's inputs; `before` and `after` let a page add its own (protection, timetable shift). */
export function EventFields({ form, after }: { form: EventForm; after?: React.ReactNode }) {
  return (
    <Stack>
      <TextInput label="Title" required data-autofocus {...form.getInputProps('title')} />
      <MarkdownInput label="Description" {...form.getInputProps('description')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label="Start" type="datetime-local" required {...form.getInputProps('start')} />
        <TextInput label="End" type="datetime-local" required {...form.getInputProps('end')} />
      </SimpleGrid>
      <TimezoneSelect
        label="Timezone"
        description="Start and end are in this timezone; participants can switch to theirs"
        required
        {...form.getInputProps('timezone')}
      />
      <Group grow align="flex-start">
        <TextInput label="Location" description="Building, city" {...form.getInputProps('location')} />
        <TextInput label="Room" description="Room name or number" {...form.getInputProps('roomName')} />
      </Group>
      {after}
    </Stack>
  );
}
