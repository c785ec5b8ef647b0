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
