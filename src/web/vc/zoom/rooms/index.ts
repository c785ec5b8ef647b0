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
  actionConfirmations: {
    [ZOOM_ACTIONS.makeMeAlternativeHost]: {
      title: 'Make me an alternative host',
      message:
        'You will be able to start this Zoom meeting and to manage it in Zoom as the host does. Your Zoom account is added to its alternative hosts.',
      confirmLabel: 'Make me alternative host',
    },
  },
};
