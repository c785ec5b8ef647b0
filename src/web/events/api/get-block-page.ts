import { queryOptions, useQuery } from '@tanstack/react-query';
import type { BlockPage } from '../../../contracts/events';
import { api } from '../../lib/api';
import { eventKey } from './keys';

export const getBlockPage = (eventId: number, blockId: number) =>
  api.get<BlockPage>(`/api/events/${eventId}/blocks/${blockId}`);

export const blockPageQueryOptions = (eventId: number, blockId: number) =>
  queryOptions({
    queryKey: [...eventKey(eventId), 'block', blockId],
    queryFn: () => getBlockPage(eventId, blockId),
  });

export function useBlockPage(eventId: number, blockId: number) {
  return useQuery(blockPageQueryOptions(eventId, blockId));
}
