import { useQuery } from '@tanstack/react-query';
import type { VcFormValues } from '../../../contracts/vc';
import { api } from '../../lib/api';

/** The starting values of Create (a provider's defaults) or of Edit (the room and this link). */
export type RoomFormSource = { kind: 'create'; provider: string } | { kind: 'edit'; linkId: number };

export const getRoomForm = (eventId: number, source: RoomFormSource) =>
  api.get<VcFormValues>(
    source.kind === 'create'
      ? `/api/events/${eventId}/vc/providers/${encodeURIComponent(source.provider)}/form`
      : `/api/events/${eventId}/vc/links/${source.linkId}/form`,
  );

export function useRoomForm(eventId: number, source: RoomFormSource | undefined) {
  return useQuery({
    queryKey: ['vc', 'form', eventId, source],
    queryFn: () => getRoomForm(eventId, source ?? { kind: 'create', provider: '' }),
    enabled: source !== undefined,
    // A form starts from the server's current values every time it opens.
    staleTime: 0,
    gcTime: 0,
  });
}
