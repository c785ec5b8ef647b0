import { queryOptions, useQuery } from '@tanstack/react-query';
import type { VcManagePage } from '../../../contracts/vc';
import { api } from '../../lib/api';
import { vcManageKey } from './keys';

export const getManagePage = (eventId: number) => api.get<VcManagePage>(`/api/events/${eventId}/vc`);

export const managePageQueryOptions = (eventId: number) =>
  queryOptions({ queryKey: vcManageKey(eventId), queryFn: () => getManagePage(eventId) });

/** Services → Videoconference: the event's rooms and the providers this manager may use. */
export function useManagePage(eventId: number) {
  return useQuery(managePageQueryOptions(eventId));
}
