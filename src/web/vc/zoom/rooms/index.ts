// Zoom in the web client: its fields of the room forms, its administration panel, and the confirmation of
// "Make me alternative host".
import { ZOOM_ACTIONS } from '../../../../contracts/vc-zoom';
import type { WebVcProvider } from '../../providers/types';
import { ZoomAdminPanel } from './admin-panel';
import { ZoomAdvancedFields } from './advanced-fields';
import { ZoomLinkFields } from './link-fields';
import { ZoomRoomFields } from './room-fields';
import { validateZoom } from './values';

export const zoomWeb: WebVcProvider = {
  name: 'zoom',
  RoomFields: ZoomRoomFields,
  LinkFields: ZoomLinkFields,
  AdvancedFields: ZoomAdvancedFields,
  AdminSettings: ZoomAdminPanel,
  validate: validateZoom,
  // A meeting in progress (from Zoom's meeting.started notification) should catch the eye.
  badgeColors: { Live: 'red.9' },
  actionConfirmations: {
    [ZOOM_ACTIONS.makeMeAlternativeHost]: {
      title: 'Make me an alternative host',
      message:
        'You will be able to start this Zoom meeting and to manage it in Zoom as the host does. Your Zoom account is added to its alternative hosts.',
      confirmLabel: 'Make me alternative host',
    },
  },
};
