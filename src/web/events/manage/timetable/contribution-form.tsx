import { Button, Group, NumberInput, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  type Contribution,
  Contribution as ContributionSchema,
  type EventPage,
} from '../../../../contracts/events';
import { FormError } from '../../../components/form-error';
import { ApiError } from '../../../lib/api';
import { applyApiError } from '../../../lib/forms';
import { useCreateContribution } from '../../api/create-contribution';
import { refetchEventPage } from '../../api/invalidate';
import { useUpdateContribution } from '../../api/update-contribution';
import { ConflictAlert } from '../../components/conflict-alert';
import { MarkdownInput } from '../../components/markdown-input';
import { type Conflict, conflictOf } from '../../lib/conflict';
import { addMinutesIso, formatTimeRange, fromWallTime, isWallTime, toWallTime } from '../../lib/time';
import { type SpeakerDraft, SpeakersInput, speakerDrafts, speakerInputs } from './speakers-input';

interface ContributionValues {
  title: string;
  description: string;
  blockId: string;
  start: string;
  durationMinutes: number | string;
  speakers: SpeakerDraft[];
}

const NO_BLOCK = '';
const MAX_MINUTES = 31 * 24 * 60;

const valuesOf = (c: Contribution, timezone: string): ContributionValues => ({
  title: c.title,
  description: c.description,
  blockId: c.blockId === null ? NO_BLOCK : String(c.blockId),
  start: c.start ? toWallTime(c.start, timezone) : '',
  durationMinutes: c.durationMinutes,
  speakers: speakerDrafts(c.speakers),
});

function validate(values: ContributionValues): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!values.title.trim()) errors.title = 'Give the contribution a title';
  if (values.start && !isWallTime(values.start)) errors.start = 'Enter a date and a time, or nothing';
  if (values.blockId && !values.start) errors.start = 'A contribution in a session block needs a start';
  const d = Number(values.durationMinutes);
  if (!Number.isInteger(d) || d < 1 || d > MAX_MINUTES)
    errors.durationMinutes = 'Between 1 minute and 31 days';
  return errors;
}

/** Where the next contribution of a block starts: after the last one, or at the block's start. */
function nextStartIn(payload: EventPage, blockId: number): string | undefined {
  const block = payload.blocks.find((b) => b.id === blockId);
  if (!block) return undefined;
  const ends = payload.contributions.filter((c) => c.blockId === blockId && c.end).map((c) => c.end ?? '');
  const last = ends.reduce((max, e) => (e > max ? e : max), block.start);
  return last < block.end ? last : block.start;
}

export function ContributionForm({
  payload,
  contribution,
  defaultBlockId,
  onDone,
  onCancel,
}: {
  payload: EventPage;
  contribution?: Contribution;
  defaultBlockId?: number;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { event } = payload;
  const tz = event.timezone;
  const queryClient = useQueryClient();
  const create = useCreateContribution();
  const update = useUpdateContribution();
  const [base, setBase] = useState(contribution);
  const [formError, setFormError] = useState<string>();
  const [conflict, setConflict] = useState<Conflict<Contribution>>();
  const defaultStart = defaultBlockId !== undefined ? nextStartIn(payload, defaultBlockId) : undefined;
  const form = useForm<ContributionValues>({
    initialValues: contribution
      ? valuesOf(contribution, tz)
      : {
          title: '',
          description: '',
          blockId: defaultBlockId !== undefined ? String(defaultBlockId) : NO_BLOCK,
          start: defaultStart ? toWallTime(defaultStart, tz) : '',
          durationMinutes: 20,
          speakers: [],
        },
    validate,
  });
  const sessionTitle = new Map(payload.sessions.map((s) => [s.id, s.title]));
  const blockOptions = [
    { value: NO_BLOCK, label: 'No session block' },
    ...payload.blocks.map((b) => ({
      value: String(b.id),
      label: `${sessionTitle.get(b.sessionId) ?? 'Session'}${b.title ? `: ${b.title}` : ''} (${b.day}, ${formatTimeRange(b.start, b.end, tz)})`,
    })),
  ];

  const reload = async () => {
    const page = await refetchEventPage(queryClient, event.id);
    const current = page.contributions.find((c) => c.id === base?.id) ?? conflict?.current;
    setConflict(undefined);
    if (!current) return setFormError('This contribution was deleted meanwhile.');
    setBase(current);
    form.setValues(valuesOf(current, tz));
    form.resetDirty(valuesOf(current, tz));
  };

  const submit = form.onSubmit(async (values) => {
    setFormError(undefined);
    setConflict(undefined);
    const start = values.start ? fromWallTime(values.start, tz) : null;
    if (start === undefined) return;
    const body = {
      title: values.title,
      description: values.description,
      start,
      durationMinutes: Number(values.durationMinutes),
      blockId: values.blockId ? Number(values.blockId) : null,
      speakers: speakerInputs(values.speakers),
    };
    try {
      if (base)
        await update.mutateAsync({
          eventId: event.id,
          contributionId: base.id,
          version: base.version,
          ...body,
        });
      else await create.mutateAsync({ eventId: event.id, ...body });
      onDone();
    } catch (err) {
      const c = conflictOf(err, ContributionSchema);
      if (c) return setConflict(c);
      setFormError(applyApiError(form, err));
      const speakerProblem =
        err instanceof ApiError && err.fields.find((f) => f.field.startsWith('speakers'));
      if (speakerProblem) form.setFieldError('speakers', `Speakers: ${speakerProblem.message}`);
    }
  });

  const onBlockChange = (value: string | null) => {
    const blockId = value ?? NO_BLOCK;
    form.setFieldValue('blockId', blockId);
    // Joining a block: start where its programme has room, unless a start inside it is set already.
    const next = blockId ? nextStartIn(payload, Number(blockId)) : undefined;
    if (next && !form.getValues().start) form.setFieldValue('start', toWallTime(next, tz));
  };

  const { start: startValue, durationMinutes } = form.getValues();
  const startIso = isWallTime(startValue) ? fromWallTime(startValue, tz) : undefined;

  return (
    <form onSubmit={submit} noValidate aria-label={contribution ? 'Edit contribution' : 'New contribution'}>
      <Stack>
        {conflict && <ConflictAlert message={conflict.message} onReload={reload} />}
        <FormError message={formError} />
        <TextInput label="Title" required data-autofocus {...form.getInputProps('title')} />
        <Select
          label="Session block"
          data={blockOptions}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('blockId')}
          onChange={onBlockChange}
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <TextInput
            label="Start"
            description={`In ${tz}`}
            type="datetime-local"
            {...form.getInputProps('start')}
          />
          <NumberInput
            label="Duration (minutes)"
            description="How long it lasts"
            required
            min={1}
            max={MAX_MINUTES}
            step={5}
            allowDecimal={false}
            {...form.getInputProps('durationMinutes')}
          />
        </SimpleGrid>
        <Text size="sm" c="dimmed" aria-live="polite">
          {startIso
            ? `Scheduled ${formatTimeRange(startIso, addMinutesIso(startIso, Number(durationMinutes) || 0), tz)}`
            : 'No start: the contribution stays unscheduled, off the timetable.'}
        </Text>
        <SpeakersInput
          value={form.getValues().speakers}
          onChange={(speakers) => form.setFieldValue('speakers', speakers)}
          error={typeof form.errors.speakers === 'string' ? form.errors.speakers : undefined}
        />
        <MarkdownInput label="Description" {...form.getInputProps('description')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {contribution ? 'Save contribution' : 'Add contribution'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
