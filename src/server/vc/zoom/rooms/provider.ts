/*
 * The Zoom provider: meetings (or webinars) on Zoom, created and managed from Services → Videoconference.
 * Calls to Zoom happen in create, update, refresh, delete and the action; display reads the stored data
 * only. The Zoom feature (../index.ts) binds the client, mailer and jobs once it is registered.
 */
import { ZoomLinkForm, ZoomRoomForm } from '../../../../contracts/vc-zoom';
import type { ProviderDeps, VcProvider } from '../../provider';
import { mergeZoomSettings, storedZoomValues } from '../credentials';
import { isZoomRoomManager, mayCreateZoomRooms } from '../permissions';
import { readZoomProviderSettings, readZoomRows, zoomProviderSettingsFrom } from '../settings';
import { makeMeAlternativeHost } from './actions';
import { createZoomRoom } from './create';
import { zoomDisplayInfo } from './display';
import { applyZoomForm, zoomBeforeLink, zoomFormDefaults, zoomFormValues } from './form';
import { deleteZoomRoom, refreshZoomRoom } from './refresh-delete';
import { userHostKey, ZOOM_PROVIDER, ZoomLinkData, ZoomRoomData, zoomHostKeys } from './room-data';
import { registerProviderState, requireServices, type ZoomProviderState } from './services';
import { updateZoomRoom } from './update';

export function zoomProvider(_deps: ProviderDeps): VcProvider {
  const state: ZoomProviderState = { services: undefined, settings: undefined };
  const services = () => requireServices(state);

  const provider: VcProvider<ZoomRoomData, ZoomLinkData, ZoomRoomForm, ZoomLinkForm> = {
    name: ZOOM_PROVIDER,
    displayName: 'Zoom',
    description: 'Zoom meetings and webinars, with join links, dial-in numbers and room connection details.',
    logoUrl: '/vc/zoom.svg',
    roomDataSchema: ZoomRoomData,
    linkDataSchema: ZoomLinkData,
    formSchema: ZoomRoomForm,
    linkFormSchema: ZoomLinkForm,

    async isEnabled({ ctx }) {
      const bound = state.services;
      if (!bound) return false;
      // One query for settings and credentials: pages pay it once per provider. The settings are kept for
      // displayInfo, which must stay pure and which the module calls only after awaiting isEnabled.
      const rows = await readZoomRows(ctx.db);
      state.settings = zoomProviderSettingsFrom(rows);
      if (bound.runtime.mode === 'sandbox') return true;
      return mergeZoomSettings(bound.config, storedZoomValues(rows)).configured;
    },
    canCreate: async ({ user, ctx }) => mayCreateZoomRooms(user, await readZoomProviderSettings(ctx.db)),
    isServiceManager: async ({ user, ctx }) =>
      isZoomRoomManager(user, await readZoomProviderSettings(ctx.db)),
    hostKeys: ({ data }) => zoomHostKeys(data),
    userHostKeys: async ({ user }) => [userHostKey(user.id)],
    hostName: ({ data }) => data.hostName || null,
    // Add existing finds a room by its meeting number too, typed with or without spaces.
    searchKeys: ({ data }) => [data.meetingId],

    formDefaults: async ({ ctx }) => zoomFormDefaults(await readZoomProviderSettings(ctx.db)),
    linkFormDefaults: () => ({ passcodeVisibility: 'logged_in' }),
    formValues: ({ room, linkData }) => zoomFormValues(room.data, linkData),
    applyForm: ({ room, form }) => applyZoomForm(room.data, form),
    linkDataFromForm: ({ link }) => ({ passcodeVisibility: link.passcodeVisibility }),

    create: (args) => createZoomRoom(services(), args),
    update: (args) => updateZoomRoom(services(), args),
    refresh: (args) => refreshZoomRoom(services(), args),
    delete: (args) => deleteZoomRoom(services(), args),
    beforeLink: async ({ room, newTarget, ctx }) => zoomBeforeLink({ room, newTarget, now: ctx.clock() }),

    displayInfo: ({ room, linkData, viewer }) =>
      zoomDisplayInfo({ room, linkData, viewer, phoneLink: state.settings?.phoneLink ?? '' }),
    logView: ({ data }) => ({
      meetingId: data.meetingId,
      kind: data.kind,
      zoomType: data.zoomType,
      startTime: data.startTime,
      duration: data.duration,
      description: data.description,
      hostUserId: data.hostUserId,
      hostEmail: data.hostEmail,
      alternativeHostIds: data.alternativeHostIds,
      alternativeHostEmails: data.alternativeHostEmails,
      // A secret: the log says whether there is one, never what it is (nor the join link, which carries it).
      passcode: data.passcode ? 'set' : 'none',
      muteAudio: data.muteAudio,
      muteHostVideo: data.muteHostVideo,
      muteParticipantVideo: data.muteParticipantVideo,
      joinBeforeHost: data.joinBeforeHost,
      waitingRoom: data.waitingRoom,
    }),
    linkLogView: ({ linkData }) => ({ passcodeVisibility: linkData.passcodeVisibility }),
    actions: [makeMeAlternativeHost(services)],
  };
  registerProviderState(provider, state);
  return provider;
}
