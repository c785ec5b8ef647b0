// "Linked to": the whole event, one of its contributions or one of its session blocks, from searchable lists.
import { Radio, Select, Stack } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { VcTargets } from '../../../contracts/vc';
import { formatSpan } from './format';
import type { RoomFormValues } from './room-form-values';

/** An entry that already has another room cannot take this one (one room per contribution or block). */
const takenBy = (linked: { id: number; name: string } | null, roomId: number | undefined) =>
  linked && linked.id !== roomId ? ` — has “${linked.name}”` : '';

export function TargetFields({
  form,
  targets,
  roomId,
}: {
  form: UseFormReturnType<RoomFormValues>;
  targets: VcTargets;
  /** The room being edited or attached: its own current link does not count as taken. */
  roomId: number | undefined;
}) {
  const tz = targets.event.timezone;
  const contributions = targets.contributions.map((c) => ({
    value: String(c.id),
    label: `${c.title} · ${c.start ? formatSpan(c.start, null, tz) : 'not scheduled'}${takenBy(c.linkedRoom, roomId)}`,
    disabled: takenBy(c.linkedRoom, roomId) !== '',
  }));
  const blocks = targets.blocks.map((b) => ({
    value: String(b.id),
    label: `${b.title} · ${formatSpan(b.start, b.end, tz)}${takenBy(b.linkedRoom, roomId)}`,
    disabled: takenBy(b.linkedRoom, roomId) !== '',
  }));
  const type = form.getValues().targetType;
  return (
    <Stack gap="xs">
      <Radio.Group label="Linked to" {...form.getInputProps('targetType')}>
        <Stack gap={6} mt="xs">
          <Radio value="event" label={`The whole event (${targets.event.title})`} />
          <Radio value="contribution" label="A contribution" disabled={!contributions.length} />
          <Radio value="block" label="A session block" disabled={!blocks.length} />
        </Stack>
      </Radio.Group>
      {type === 'contribution' && (
        <Select
          label="Contribution"
          placeholder="Type to search"
          description="Unscheduled contributions are marked; each contribution has one videoconference at most."
          searchable
          data={contributions}
          nothingFoundMessage="No contribution has that title"
          {...form.getInputProps('contributionId')}
        />
      )}
      {type === 'block' && (
        <Select
          label="Session block"
          placeholder="Type to search"
          description="Each session block has one videoconference at most."
          searchable
          data={blocks}
          nothingFoundMessage="No session block has that title"
          {...form.getInputProps('blockId')}
        />
      )}
    </Stack>
  );
}
