import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { MyEvents } from '../../../contracts/events';
import { api, queryString } from '../../lib/api';
import { EVENT_LISTS_KEY } from './keys';

/** The events the user manages, newest first, and whether they may create events. */
export const getMyEvents = (page: number) =>
  api.get<MyEvents>(`/api/my/events${queryString({ page: page > 1 ? page : undefined })}`);

export const myEventsQueryOptions = (page: number) =>
  queryOptions({
    queryKey: [...EVENT_LISTS_KEY, 'mine', { page }],
    queryFn: () => getMyEvents(page),
    placeholderData: keepPreviousData,
  });

export function useMyEvents(page: number, options: { enabled?: boolean } = {}) {
  return useQuery({ ...myEventsQueryOptions(page), enabled: options.enabled ?? true });
}
