// What the Zoom fields of the room form ask the server besides the form values: the form's context (webinars
// allowed, passcode length, the users its ids name), whether a user can host, and the host's other meetings.
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { ZoomFormContext, ZoomHostCheck, ZoomUserCheck } from '../../../../contracts/vc-zoom';
import { api, queryString } from '../../../lib/api';

const base = (eventId: number) => `/api/events/${eventId}/vc/zoom`;

export const getZoomFormContext = (eventId: number, roomId: number | undefined) =>
  api.get<ZoomFormContext>(`${base(eventId)}/form-context${queryString({ roomId })}`);

export const useZoomFormContext = (eventId: number, roomId: number | undefined) =>
  useQuery(
    queryOptions({
      queryKey: ['vc', 'zoom', 'form-context', eventId, roomId ?? null],
      queryFn: () => getZoomFormContext(eventId, roomId),
      staleTime: 60_000,
    }),
  );

export const getZoomUserCheck = (eventId: number, userId: number) =>
  api.get<ZoomUserCheck>(`${base(eventId)}/user-check${queryString({ userId })}`);

/** Whether each chosen alternative host has a Zoom account (one query per user, cached a minute). */
export const zoomUserCheckQuery = (eventId: number, userId: number) =>
  queryOptions({
    queryKey: ['vc', 'zoom', 'user-check', eventId, userId],
    queryFn: () => getZoomUserCheck(eventId, userId),
    staleTime: 60_000,
  });

export interface HostCheckArgs {
  /** undefined: the current user ("Myself"). */
  userId: number | undefined;
  target: 'event' | 'contribution' | 'block';
  /** The contribution's or block's id; undefined for the event (or while none is chosen). */
  targetId: number | undefined;
  roomId: number | undefined;
}

export const getZoomHostCheck = (eventId: number, a: HostCheckArgs) =>
  api.get<ZoomHostCheck>(
    `${base(eventId)}/host-check${queryString({
      userId: a.userId,
      target: a.target,
      targetId: a.targetId,
      roomId: a.roomId,
    })}`,
  );

export const useZoomHostCheck = (eventId: number, args: HostCheckArgs, enabled: boolean) =>
  useQuery(
    queryOptions({
      queryKey: ['vc', 'zoom', 'host-check', eventId, args],
      queryFn: () => getZoomHostCheck(eventId, args),
      enabled,
      // The previous host's answer stays on screen, dimmed, while the next one is asked.
      placeholderData: keepPreviousData,
      staleTime: 30_000,
      retry: false,
    }),
  );
