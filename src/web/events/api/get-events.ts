import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { EventList } from '../../../contracts/events';
import { api, queryString } from '../../lib/api';
import { EVENT_LISTS_KEY } from './keys';

/** Events the viewer may see that have not ended, soonest first; `q` searches titles. */
export const getUpcomingEvents = (q: string, page: number) =>
  api.get<EventList>(`/api/events${queryString({ upcoming: 1, q, page: page > 1 ? page : undefined })}`);

export const upcomingEventsQueryOptions = (q: string, page: number) =>
  queryOptions({
    queryKey: [...EVENT_LISTS_KEY, 'upcoming', { q, page }],
    queryFn: () => getUpcomingEvents(q, page),
    placeholderData: keepPreviousData,
  });

export function useUpcomingEvents(q: string, page: number) {
  return useQuery(upcomingEventsQueryOptions(q, page));
}
