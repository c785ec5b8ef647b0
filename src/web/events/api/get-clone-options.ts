import { queryOptions, useQuery } from '@tanstack/react-query';
import type { CloneOptions } from '../../../contracts/events';
import { api } from '../../lib/api';
import { eventKey } from './keys';

/** The core options and those modules registered (e.g. videoconference rooms), with their defaults. */
export const getCloneOptions = (eventId: number) =>
  api.get<CloneOptions>(`/api/events/${eventId}/clone-options`);

export const cloneOptionsQueryOptions = (eventId: number) =>
  queryOptions({
    queryKey: [...eventKey(eventId), 'clone-options'],
    queryFn: () => getCloneOptions(eventId),
  });

export function useCloneOptions(eventId: number) {
  return useQuery(cloneOptionsQueryOptions(eventId));
}
