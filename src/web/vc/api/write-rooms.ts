// The writes of Services → Videoconference, one hook each; every one invalidates the rooms and the pages
// of the event (and of the other events a deleted room was shared with).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  AttachRoomBody,
  CreateRoomBody,
  EditLinkBody,
  VcManagedRoom,
  VcRemoveResult,
  VcWriteResult,
} from '../../../contracts/vc';
import { api } from '../../lib/api';
import { invalidateRooms } from './keys';

const base = (eventId: number) => `/api/events/${eventId}/vc`;

export const createRoom = (eventId: number, body: CreateRoomBody) =>
  api.post<VcWriteResult>(`${base(eventId)}/rooms`, body);
export const attachRoom = (eventId: number, body: AttachRoomBody) =>
  api.post<VcWriteResult>(`${base(eventId)}/links`, body);
export const editLink = (eventId: number, linkId: number, body: EditLinkBody) =>
  api.patch<VcWriteResult>(`${base(eventId)}/links/${linkId}`, body);
export const refreshLink = (eventId: number, linkId: number) =>
  api.post<VcWriteResult>(`${base(eventId)}/links/${linkId}/refresh`);
export const detachLink = (eventId: number, linkId: number, deleteRoom: boolean) =>
  api.delete<VcRemoveResult>(`${base(eventId)}/links/${linkId}?deleteRoom=${deleteRoom}`);
export const deleteRoom = (eventId: number, linkId: number) =>
  api.post<VcRemoveResult>(`${base(eventId)}/links/${linkId}/delete-room`);
export const runAction = (eventId: number, linkId: number, actionId: string) =>
  api.post<{ room: VcManagedRoom; message: string }>(
    `${base(eventId)}/links/${linkId}/actions/${encodeURIComponent(actionId)}`,
  );

function useRoomsMutation<A, R>(
  eventId: number,
  fn: (args: A) => Promise<R>,
  others?: (args: A) => number[],
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: (_data, _err, args) => invalidateRooms(queryClient, [eventId, ...(others?.(args) ?? [])]),
  });
}

export const useCreateRoom = (eventId: number) =>
  useRoomsMutation(eventId, (body: CreateRoomBody) => createRoom(eventId, body));
export const useAttachRoom = (eventId: number) =>
  useRoomsMutation(eventId, (body: AttachRoomBody) => attachRoom(eventId, body));
export const useEditLink = (eventId: number) =>
  useRoomsMutation(eventId, (a: { linkId: number; body: EditLinkBody }) =>
    editLink(eventId, a.linkId, a.body),
  );
export const useRefreshLink = (eventId: number) =>
  useRoomsMutation(eventId, (linkId: number) => refreshLink(eventId, linkId));
export const useDetachLink = (eventId: number) =>
  useRoomsMutation(eventId, (a: { linkId: number; deleteRoom: boolean }) =>
    detachLink(eventId, a.linkId, a.deleteRoom),
  );
export const useDeleteRoom = (eventId: number) =>
  useRoomsMutation(
    eventId,
    (a: { linkId: number; otherEventIds: number[] }) => deleteRoom(eventId, a.linkId),
    (a) => a.otherEventIds,
  );
export const useRunAction = (eventId: number) =>
  useRoomsMutation(eventId, (a: { linkId: number; actionId: string }) =>
    runAction(eventId, a.linkId, a.actionId),
  );
