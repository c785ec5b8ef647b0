import type { QueryClient } from '@tanstack/react-query';
import type { EventPage } from '../../../contracts/events';
import { eventPageQueryOptions } from './get-event-page';
import { EVENT_LISTS_KEY, eventKey } from './keys';

/** After a write to an event: its pages and the lists (which show titles, dates and places) are stale. */
export function invalidateEvent(queryClient: QueryClient, eventId: number): Promise<void> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: eventKey(eventId) }),
    queryClient.invalidateQueries({ queryKey: EVENT_LISTS_KEY }),
  ]).then(() => undefined);
}

/** The event page as the server has it now (after a conflict: to reload the item that changed). */
export async function refetchEventPage(queryClient: QueryClient, eventId: number): Promise<EventPage> {
  await invalidateEvent(queryClient, eventId);
  return queryClient.fetchQuery({ ...eventPageQueryOptions(eventId), staleTime: 0 });
}
