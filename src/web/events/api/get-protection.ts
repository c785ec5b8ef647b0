import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Protection } from '../../../contracts/events';
import { api } from '../../lib/api';
import { eventKey } from './keys';

export const getProtection = (eventId: number) => api.get<Protection>(`/api/events/${eventId}/protection`);

export const protectionQueryOptions = (eventId: number) =>
  queryOptions({ queryKey: [...eventKey(eventId), 'protection'], queryFn: () => getProtection(eventId) });

export function useProtection(eventId: number) {
  return useQuery(protectionQueryOptions(eventId));
}
