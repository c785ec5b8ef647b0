import { queryOptions, useQuery } from '@tanstack/react-query';
import type { EventPage } from '../../../contracts/events';
import { api } from '../../lib/api';
import { eventKey } from './keys';

/** The whole event page in one request: event, sessions, blocks, contributions and `can.manage`. */
export const getEventPage = (eventId: number) => api.get<EventPage>(`/api/events/${eventId}`);

export const eventPageQueryOptions = (eventId: number) =>
  queryOptions({ queryKey: [...eventKey(eventId), 'page'], queryFn: () => getEventPage(eventId) });

export function useEventPage(eventId: number) {
  return useQuery(eventPageQueryOptions(eventId));
}
