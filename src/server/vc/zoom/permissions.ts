// Who may do what with Zoom rooms, from the admin settings (vc_zoom.md §9): administrators and the Zoom
// room managers may do everything; creating rooms is open to everyone logged in unless restricted.
import type { ZoomProviderSettings } from './settings';

/** Anyone with an id and the admin flag: a SessionUser fits. */
export interface ZoomActor {
  id: number;
  isAdmin: boolean;
}

/** Manages every Zoom room on the server (Indico's "managers" of the plugin). */
export function isZoomRoomManager(
  user: ZoomActor,
  settings: Pick<ZoomProviderSettings, 'managerIds'>,
): boolean {
  return user.isAdmin || settings.managerIds.includes(user.id);
}

/** May create Zoom rooms (and attach existing ones) where they manage the event. */
export function mayCreateZoomRooms(
  user: ZoomActor,
  settings: Pick<ZoomProviderSettings, 'creatorsRestricted' | 'creatorIds' | 'managerIds'>,
): boolean {
  if (isZoomRoomManager(user, settings)) return true;
  return !settings.creatorsRestricted || settings.creatorIds.includes(user.id);
}

/**
 * How a user may start a Zoom meeting. Only the Zoom host gets the start link: it carries the host's Zoom
 * access token (zak, zoom_api.md §2.2), and whoever follows it *is* the host in Zoom. An alternative host
 * starts the meeting as themselves: through the join link, signed in to their own Zoom account, Zoom gives
 * them the host's controls. Managers and administrators who are neither may join, not start.
 */
export type ZoomStartRight = 'host' | 'alternative-host' | null;

export function zoomStartRight(
  room: { hostUserId: number | null; alternativeHostIds: number[] },
  user: ZoomActor | undefined,
): ZoomStartRight {
  if (!user) return null;
  if (room.hostUserId === user.id) return 'host';
  return room.alternativeHostIds.includes(user.id) ? 'alternative-host' : null;
}
