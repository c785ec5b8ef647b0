// Query keys of the events feature. Every query about one event starts with eventKey(id), so a write
// invalidates all of them (display page, contribution and block pages, protection, log) at once.
export const EVENTS_KEY = ['events'] as const;
export const EVENT_LISTS_KEY = ['events', 'lists'] as const;

export const eventKey = (eventId: number) => ['events', 'event', eventId] as const;
