import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Block, CreateBlockBody } from '../../../contracts/events';
import { api } from '../../lib/api';
import { invalidateEvent } from './invalidate';

export const createBlock = ({ eventId, ...input }: z.input<typeof CreateBlockBody> & { eventId: number }) =>
  api.post<Block>(`/api/events/${eventId}/blocks`, input);

export function useCreateBlock() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createBlock,
    onSuccess: (_, { eventId }) => invalidateEvent(queryClient, eventId),
  });
}
