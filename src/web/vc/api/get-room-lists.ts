import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { VcRoomList, VcStatus } from '../../../contracts/vc';
import { api, queryString } from '../../lib/api';

export interface AdminRoomsFilter {
  provider: string;
  status: VcStatus | '';
  q: string;
  page: number;
}

export const getAdminRooms = (f: AdminRoomsFilter) =>
  api.get<VcRoomList>(
    `/api/admin/vc/rooms${queryString({
      provider: f.provider,
      status: f.status,
      q: f.q,
      page: f.page > 1 ? f.page : undefined,
    })}`,
  );

/** Every room on the server (administrators). */
export function useAdminRooms(filter: AdminRoomsFilter) {
  return useQuery({
    queryKey: ['vc', 'admin-rooms', filter],
    queryFn: () => getAdminRooms(filter),
    placeholderData: keepPreviousData,
  });
}

export const getMyRooms = (page: number) =>
  api.get<VcRoomList>(`/api/my/vc/rooms${queryString({ page: page > 1 ? page : undefined })}`);

/** Rooms the user created, hosts or uses in an event they manage. */
export function useMyRooms(page: number) {
  return useQuery({
    queryKey: ['vc', 'my-rooms', page],
    queryFn: () => getMyRooms(page),
    placeholderData: keepPreviousData,
  });
}
