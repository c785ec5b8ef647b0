import { Button, Group, NumberInput, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { type Block, Block as BlockSchema, type EventPage } from '../../../../contracts/events';
import { FormError } from '../../../components/form-error';
import { applyApiError } from '../../../lib/forms';
import { useCreateBlock } from '../../api/create-block';
import { refetchEventPage } from '../../api/invalidate';
import { useUpdateBlock } from '../../api/update-block';
import { ConflictAlert } from '../../components/conflict-alert';
import { type Conflict, conflictOf } from '../../lib/conflict';
import { fromWallTime, isWallTime, toWallTime } from '../../lib/time';

interface BlockValues {
  sessionId: string;
  title: string;
  start: string;
  durationMinutes: number | string;
}

const MAX_MINUTES = 31 * 24 * 60;

const valuesOf = (block: Block, timezone: string): BlockValues => ({
  sessionId: String(block.sessionId),
  title: block.title,
  start: toWallTime(block.start, timezone),
  durationMinutes: block.durationMinutes,
});

/** After the last block, while that is inside the event; else the event's start. */
function nextFreeStart({ event, blocks }: EventPage): string {
  const last = blocks.reduce((max, b) => (b.end > max ? b.end : max), event.start);
  return Date.parse(last) < Date.parse(event.end) ? last : event.start;
}

function validate(values: BlockValues): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!values.sessionId) errors.sessionId = 'Choose the session';
  if (!isWallTime(values.start)) errors.start = 'Enter a date and a time';
  const d = Number(values.durationMinutes);
  if (!Number.isInteger(d) || d < 1 || d > MAX_MINUTES)
    errors.durationMinutes = 'Between 1 minute and 31 days';
  return errors;
}

export function BlockForm({
  payload,
  block,
  defaultSessionId,
  onDone,
  onCancel,
}: {
  payload: EventPage;
  block?: Block;
  defaultSessionId?: number;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { event } = payload;
  const queryClient = useQueryClient();
  const create = useCreateBlock();
  const update = useUpdateBlock();
  const [base, setBase] = useState(block);
  const [formError, setFormError] = useState<string>();
  const [conflict, setConflict] = useState<Conflict<Block>>();
  const form = useForm<BlockValues>({
    initialValues: block
      ? valuesOf(block, event.timezone)
      : {
          sessionId: String(defaultSessionId ?? payload.sessions[0]?.id ?? ''),
          title: '',
          start: toWallTime(nextFreeStart(payload), event.timezone),
          durationMinutes: 90,
        },
    validate,
  });

  const reload = async () => {
    const page = await refetchEventPage(queryClient, event.id);
    const current = page.blocks.find((b) => b.id === base?.id) ?? conflict?.current;
    setConflict(undefined);
    if (!current) return setFormError('This session block was deleted meanwhile.');
    setBase(current);
    form.setValues(valuesOf(current, event.timezone));
    form.resetDirty(valuesOf(current, event.timezone));
  };

  const submit = form.onSubmit(async (values) => {
    setFormError(undefined);
    setConflict(undefined);
    const start = fromWallTime(values.start, event.timezone);
    if (!start) return;
    const body = {
      sessionId: Number(values.sessionId),
      title: values.title,
      start,
      durationMinutes: Number(values.durationMinutes),
    };
    try {
      if (base)
        await update.mutateAsync({ eventId: event.id, blockId: base.id, version: base.version, ...body });
      else await create.mutateAsync({ eventId: event.id, ...body });
      onDone();
    } catch (err) {
      const c = conflictOf(err, BlockSchema);
      if (c) setConflict(c);
      else setFormError(applyApiError(form, err));
    }
  });

  return (
    <form onSubmit={submit} noValidate aria-label={block ? 'Edit session block' : 'New session block'}>
      <Stack>
        {conflict && <ConflictAlert message={conflict.message} onReload={reload} />}
        <FormError message={formError} />
        <Select
          label="Session"
          required
          allowDeselect={false}
          data={payload.sessions.map((s) => ({ value: String(s.id), label: s.title }))}
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('sessionId')}
        />
        <TextInput label="Title" description="Optional, e.g. “Morning”" {...form.getInputProps('title')} />
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <TextInput
            label="Start"
            description={`In ${event.timezone}`}
            type="datetime-local"
            required
            min={toWallTime(event.start, event.timezone)}
            max={toWallTime(event.end, event.timezone)}
            {...form.getInputProps('start')}
          />
          <NumberInput
            label="Duration (minutes)"
            description="Within the event"
            required
            min={1}
            max={MAX_MINUTES}
            step={15}
            allowDecimal={false}
            {...form.getInputProps('durationMinutes')}
          />
        </SimpleGrid>
        {block && (
          <Text size="sm" c="dimmed">
            Moving the block moves its contributions with it.
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {block ? 'Save session block' : 'Add session block'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
