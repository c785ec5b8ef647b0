import { Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { Block, Contribution, EventPage, Session } from '../../../../contracts/events';
import { ApiError, errorMessage } from '../../../lib/api';
import { useDeleteBlock } from '../../api/delete-block';
import { useDeleteContribution } from '../../api/delete-contribution';
import { useDeleteSession } from '../../api/delete-session';
import { blockDeletionEffect, sessionDeletionEffect } from '../../lib/timetable';

/**
 * Deleting sessions, blocks and contributions: a confirmation that says what happens to what they hold,
 * then the delete with the item's version. A 409 (changed meanwhile) is kept for the page to show with
 * its Reload action; the lists refetch after every delete, successful or not.
 */
export function useTimetableDeletes(payload: EventPage, blockName: (b: Block) => string) {
  const eventId = payload.event.id;
  const deleteSession = useDeleteSession();
  const deleteBlock = useDeleteBlock();
  const deleteContribution = useDeleteContribution();
  const [conflict, setConflict] = useState<string>();

  const handlers = (done: string) => ({
    onSuccess: () => notifications.show({ color: 'green', message: done }),
    onError: (err: unknown) => {
      if (err instanceof ApiError && err.status === 409) setConflict(err.message);
      else notifications.show({ color: 'red', title: 'Not deleted', message: errorMessage(err) });
    },
  });

  const confirm = (title: string, body: string, label: string, onConfirm: () => void) =>
    modals.openConfirmModal({
      title,
      children: <Text size="sm">{body}</Text>,
      labels: { confirm: label, cancel: 'Cancel' },
      confirmProps: { color: 'red.9' },
      onConfirm,
    });

  const removeSession = (session: Session) => {
    const blocks = payload.blocks.filter((b) => b.sessionId === session.id);
    const ids = new Set(blocks.map((b) => b.id));
    const held = payload.contributions.filter((c) => c.blockId !== null && ids.has(c.blockId)).length;
    confirm(
      `Delete the session “${session.title}”?`,
      sessionDeletionEffect(blocks.length, held),
      'Delete session',
      () =>
        deleteSession.mutate(
          { eventId, sessionId: session.id, version: session.version },
          handlers(`The session “${session.title}” is deleted.`),
        ),
    );
  };

  const removeBlock = (block: Block) => {
    const held = payload.contributions.filter((c) => c.blockId === block.id).length;
    const name = blockName(block);
    confirm(`Delete the session block “${name}”?`, blockDeletionEffect(held), 'Delete session block', () =>
      deleteBlock.mutate(
        { eventId, blockId: block.id, version: block.version },
        handlers(`The session block “${name}” is deleted.`),
      ),
    );
  };

  const removeContribution = (c: Contribution) =>
    confirm(
      `Delete the contribution “${c.title}”?`,
      'Its speakers and description go with it.',
      'Delete contribution',
      () =>
        deleteContribution.mutate(
          { eventId, contributionId: c.id, version: c.version },
          handlers(`The contribution “${c.title}” is deleted.`),
        ),
    );

  return {
    removeSession,
    removeBlock,
    removeContribution,
    conflict,
    clearConflict: () => setConflict(undefined),
  };
}
