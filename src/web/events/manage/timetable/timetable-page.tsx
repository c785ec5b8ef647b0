import { Button, Group, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Block, Contribution, Session } from '../../../../contracts/events';
import { usePageTitle } from '../../../lib/use-page-title';
import { invalidateEvent } from '../../api/invalidate';
import { ConflictAlert } from '../../components/conflict-alert';
import { PageSection } from '../../components/page-section';
import { SessionSwatch, sessionColourStyle } from '../../components/session-colour';
import type { ManagePageProps } from '../../extension-slots';
import { count, speakerNames } from '../../lib/labels';
import { formatDay, formatDuration, formatTimeRange } from '../../lib/time';
import { buildTimetable } from '../../lib/timetable';
import { BlockForm } from './block-form';
import { ContributionForm } from './contribution-form';
import { SessionForm } from './session-form';
import { useTimetableDeletes } from './use-timetable-deletes';

type Editing =
  | { kind: 'session'; session?: Session }
  | { kind: 'block'; block?: Block; sessionId?: number }
  | { kind: 'contribution'; contribution?: Contribution; blockId?: number };

/** A row's title part: it takes the room, and the row's actions wrap below it on narrow screens. */
const ROW_MAIN: React.CSSProperties = { flex: '1 1 18rem', minWidth: 0 };

function modalTitle(e: Editing): string {
  const noun = e.kind === 'block' ? 'session block' : e.kind;
  const existing = e.kind === 'session' ? e.session : e.kind === 'block' ? e.block : e.contribution;
  return `${existing ? 'Edit' : 'New'} ${noun}`;
}

function EntryActions({
  what,
  onEdit,
  onDelete,
}: {
  what: string;
  onEdit: () => void;
  onDelete: () => void;
}) {
  return (
    <Group gap={4} wrap="nowrap">
      <Button size="compact-sm" variant="subtle" onClick={onEdit} aria-label={`Edit ${what}`}>
        Edit
      </Button>
      <Button
        size="compact-sm"
        variant="subtle"
        color="gray"
        onClick={onDelete}
        aria-label={`Delete ${what}`}
      >
        Delete
      </Button>
    </Group>
  );
}

/** Sessions, session blocks and contributions of the event: add, edit (which includes moving), delete. */
export function ManageTimetablePage({ event, payload }: ManagePageProps) {
  usePageTitle(`Timetable · ${event.title}`);
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<Editing | null>(null);
  const tz = event.timezone;
  const sessions = new Map(payload.sessions.map((s) => [s.id, s]));
  const blockName = (b: Block) => {
    const session = sessions.get(b.sessionId)?.title ?? 'Session';
    return b.title ? `${session}: ${b.title}` : session;
  };
  const deletes = useTimetableDeletes(payload, blockName);
  const { days, unscheduled } = buildTimetable(payload, tz);
  const close = () => setEditing(null);

  const contributionRow = (c: Contribution, as: 'li' | 'div' = 'li') => (
    <Group component={as} key={c.id} justify="space-between" wrap="wrap" gap="xs" align="flex-start">
      <Group gap="md" wrap="nowrap" align="flex-start" style={ROW_MAIN}>
        <Text size="sm" className="timetable-time">
          {c.start && c.end ? formatTimeRange(c.start, c.end, tz) : formatDuration(c.durationMinutes)}
        </Text>
        <div style={{ minWidth: 0 }}>
          <Text size="sm" fw={500}>
            {c.title}
          </Text>
          {c.speakers.length > 0 && (
            <Text size="xs" c="dimmed">
              {speakerNames(c.speakers)}
            </Text>
          )}
        </div>
      </Group>
      <EntryActions
        what={`contribution ${c.title}`}
        onEdit={() => setEditing({ kind: 'contribution', contribution: c })}
        onDelete={() => deletes.removeContribution(c)}
      />
    </Group>
  );

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>Timetable</Title>
          <Text size="sm" c="dimmed">
            Times in {tz}
          </Text>
        </div>
        <Group gap="xs">
          <Button variant="default" onClick={() => setEditing({ kind: 'session' })}>
            Add session
          </Button>
          <Button
            variant="default"
            disabled={payload.sessions.length === 0}
            onClick={() => setEditing({ kind: 'block' })}
          >
            Add session block
          </Button>
          <Button onClick={() => setEditing({ kind: 'contribution' })}>Add contribution</Button>
        </Group>
      </Group>

      {deletes.conflict && (
        <ConflictAlert
          message={deletes.conflict}
          onReload={async () => {
            deletes.clearConflict();
            await invalidateEvent(queryClient, event.id);
          }}
        />
      )}

      <PageSection title="Sessions">
        {payload.sessions.length === 0 ? (
          <Text c="dimmed" size="sm">
            No sessions yet. A session groups session blocks under one title and colour.
          </Text>
        ) : (
          <Stack component="ul" gap={6} className="plain-list">
            {payload.sessions.map((s) => {
              const blocks = payload.blocks.filter((b) => b.sessionId === s.id).length;
              return (
                <Group component="li" key={s.id} justify="space-between" wrap="wrap" gap="xs">
                  <Group gap="sm" wrap="nowrap" style={ROW_MAIN}>
                    <SessionSwatch colour={s.colour} />
                    <Text fw={500}>{s.title}</Text>
                    <Text size="sm" c="dimmed">
                      {count(blocks, 'block')}
                    </Text>
                  </Group>
                  <Group gap={4} wrap="nowrap">
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      onClick={() => setEditing({ kind: 'block', sessionId: s.id })}
                      aria-label={`Add block to session ${s.title}`}
                    >
                      Add block
                    </Button>
                    <EntryActions
                      what={`session ${s.title}`}
                      onEdit={() => setEditing({ kind: 'session', session: s })}
                      onDelete={() => deletes.removeSession(s)}
                    />
                  </Group>
                </Group>
              );
            })}
          </Stack>
        )}
      </PageSection>

      <PageSection title="Schedule">
        {days.length === 0 && (
          <Text c="dimmed" size="sm">
            Nothing scheduled yet.
          </Text>
        )}
        {days.map(({ day, entries }) => (
          <Stack key={day} gap="xs">
            <Title order={3} size="h5">
              {formatDay(day)}
            </Title>
            <Stack component="ul" gap="xs" className="plain-list">
              {entries.map((entry) =>
                entry.kind === 'block' ? (
                  <Paper
                    component="li"
                    key={`b${entry.block.id}`}
                    withBorder
                    p="sm"
                    className="timetable-entry"
                    style={sessionColourStyle(entry.session?.colour)}
                  >
                    <Group justify="space-between" wrap="wrap" gap="xs" align="flex-start">
                      <Group gap="md" wrap="nowrap" style={ROW_MAIN}>
                        <Text size="sm" fw={600} className="timetable-time">
                          {formatTimeRange(entry.block.start, entry.block.end, tz)}
                        </Text>
                        <Title order={4} size="h6">
                          {blockName(entry.block)}
                        </Title>
                      </Group>
                      <Group gap={4} wrap="nowrap">
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          onClick={() => setEditing({ kind: 'contribution', blockId: entry.block.id })}
                          aria-label={`Add contribution to ${blockName(entry.block)}`}
                        >
                          Add contribution
                        </Button>
                        <EntryActions
                          what={`session block ${blockName(entry.block)}`}
                          onEdit={() => setEditing({ kind: 'block', block: entry.block })}
                          onDelete={() => deletes.removeBlock(entry.block)}
                        />
                      </Group>
                    </Group>
                    {entry.contributions.length > 0 && (
                      <Stack component="ul" gap={6} className="plain-list" mt="xs" pl="md">
                        {entry.contributions.map((c) => contributionRow(c))}
                      </Stack>
                    )}
                  </Paper>
                ) : (
                  <Paper
                    component="li"
                    key={`c${entry.contribution.id}`}
                    withBorder
                    p="sm"
                    className="timetable-entry"
                  >
                    {contributionRow(entry.contribution, 'div')}
                  </Paper>
                ),
              )}
            </Stack>
          </Stack>
        ))}
      </PageSection>

      <PageSection title="Unscheduled contributions">
        {unscheduled.length === 0 ? (
          <Text c="dimmed" size="sm">
            None: every contribution has a time.
          </Text>
        ) : (
          <Stack component="ul" gap={6} className="plain-list">
            {unscheduled.map((c) => contributionRow(c))}
          </Stack>
        )}
      </PageSection>

      <Modal opened={editing !== null} onClose={close} title={editing ? modalTitle(editing) : ''} size="lg">
        {editing?.kind === 'session' && (
          <SessionForm eventId={event.id} session={editing.session} onDone={close} onCancel={close} />
        )}
        {editing?.kind === 'block' && (
          <BlockForm
            payload={payload}
            block={editing.block}
            defaultSessionId={editing.sessionId}
            onDone={close}
            onCancel={close}
          />
        )}
        {editing?.kind === 'contribution' && (
          <ContributionForm
            payload={payload}
            contribution={editing.contribution}
            defaultBlockId={editing.blockId}
            onDone={close}
            onCancel={close}
          />
        )}
      </Modal>
    </Stack>
  );
}
