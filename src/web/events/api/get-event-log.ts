import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { EventLog } from '../../../contracts/events';
import { api, queryString } from '../../lib/api';
import { eventKey } from './keys';

export const getEventLog = (eventId: number, module: string | undefined, page: number) =>
  api.get<EventLog>(
    `/api/events/${eventId}/log${queryString({ module, page: page > 1 ? page : undefined })}`,
  );

export const eventLogQueryOptions = (eventId: number, module: string | undefined, page: number) =>
  queryOptions({
    queryKey: [...eventKey(eventId), 'log', { module, page }],
    queryFn: () => getEventLog(eventId, module, page),
    placeholderData: keepPreviousData,
  });

export function useEventLog(eventId: number, module: string | undefined, page: number) {
  return useQuery(eventLogQueryOptions(eventId, module, page));
}
