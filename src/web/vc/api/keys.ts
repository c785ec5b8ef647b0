import type { QueryClient } from '@tanstack/react-query';

// Query keys of the videoconference module. Rooms also appear on the events feature's pages, whose queries
// all start with ['events', 'event', id]: a change to rooms invalidates those too.
export const VC_KEY = ['vc'] as const;
export const vcManageKey = (eventId: number) => ['vc', 'manage', eventId] as const;
const eventPagesKey = (eventId: number) => ['events', 'event', eventId] as const;

/** After a change to rooms: every list of rooms, and the pages of the events that show them. */
export function invalidateRooms(queryClient: QueryClient, eventIds: number[] = []): Promise<void> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: VC_KEY }),
    ...eventIds.map((id) => queryClient.invalidateQueries({ queryKey: eventPagesKey(id) })),
  ]).then(() => undefined);
}
