/*
 * The Zoom provider: meetings (or webinars) on Zoom, created and managed from Services → Videoconference.
 * Calls to Zoom happen in create, update, refresh, delete and the action; display reads the stored data
 * only. It is built in one call with everything it needs (ZoomProviderDeps); the admin's settings are read
 * through each call's context, once per request.
 */
import { ZoomLinkForm, ZoomRoomForm } from '../../../../contracts/vc-zoom';
import type { ProviderContext, VcProvider } from '../../provider';
import { mergeZoomSettings, storedZoomValues } from '../credentials';
import { isZoomRoomManager, mayCreateZoomRooms } from '../permissions';
import {
  readZoomProviderSettings,
  readZoomRows,
  type ZoomProviderSettings,
  zoomProviderSettingsFrom,
} from '../settings';
import { makeMeAlternativeHost } from './actions';
import { announceZoomRoom, createZoomRoom } from './create';
import { zoomDisplayInfo } from './display';
import { applyZoomForm, zoomBeforeLink, zoomFormDefaults, zoomFormValues } from './form';
import { announceZoomDeletion, deleteZoomRoom, refreshZoomRoom, sweepLostCreate } from './refresh-delete';
import { userHostKey, ZOOM_PROVIDER, ZoomLinkData, ZoomRoomData, zoomHostKeys } from './room-data';
import { SweepPayload, type ZoomProviderDeps } from './services';
import { updateZoomRoom } from './update';

/** What the display needs of the admin's settings. */
type ZoomDisplaySettings = Pick<ZoomProviderSettings, 'phoneLink'>;

/** The settings and credentials rows, read once per request (or job) whoever asks first. */
const zoomRows = (ctx: ProviderContext) => ctx.settings.read('zoom', () => readZoomRows(ctx.db));

export function createZoomProvider(deps: ZoomProviderDeps): VcProvider {
  const services = deps;

  const provider: VcProvider<ZoomRoomData, ZoomLinkData, ZoomRoomForm, ZoomLinkForm, ZoomDisplaySettings> = {
    name: ZOOM_PROVIDER,
    displayName: 'Zoom',
    description: 'Zoom meetings and webinars, with join links, dial-in numbers and room connection details.',
    logoUrl: '/vc/zoom.svg',
    roomDataSchema: ZoomRoomData,
    linkDataSchema: ZoomLinkData,
    formSchema: ZoomRoomForm,
    linkFormSchema: ZoomLinkForm,

    async isEnabled({ ctx }) {
      if (deps.runtime.standIn) return true; // the sandbox stands in for Zoom until it is configured
      // One query for settings and credentials: pages pay it once per provider (displaySettings shares it).
      return mergeZoomSettings(deps.config, storedZoomValues(await zoomRows(ctx))).configured;
    },
    canCreate: async ({ user, ctx }) => mayCreateZoomRooms(user, await readZoomProviderSettings(ctx.db)),
    isServiceManager: async ({ user, ctx }) =>
      isZoomRoomManager(user, await readZoomProviderSettings(ctx.db)),
    hostKeys: ({ data }) => zoomHostKeys(data),
    userHostKeys: async ({ user }) => [userHostKey(user.id)],
    // Add existing finds a room by its meeting number too, typed with or without spaces.
    searchKeys: ({ data }) => [data.meetingId],

    formDefaults: async ({ ctx }) => zoomFormDefaults(await readZoomProviderSettings(ctx.db)),
    linkFormDefaults: () => ({ passcodeVisibility: 'logged_in' }),
    formValues: ({ room, linkData }) => zoomFormValues(room.data, linkData),
    applyForm: ({ room, form }) => applyZoomForm(room.data, form),
    linkDataFromForm: ({ link }) => ({ passcodeVisibility: link.passcodeVisibility }),

    create: (args) => createZoomRoom(services, args),
    update: (args) => updateZoomRoom(services, args),
    refresh: (args) => refreshZoomRoom(services, args),
    delete: (args) => deleteZoomRoom(services, args),
    sweepCreate: async ({ data, ctx }) => {
      const payload = SweepPayload.safeParse(data);
      if (payload.success) await sweepLostCreate(services, payload.data, ctx.log);
    },
    afterCreate: (args) => announceZoomRoom(services, args),
    afterDelete: (args) => announceZoomDeletion(services, args),
    beforeLink: async ({ room, newTarget, ctx }) => zoomBeforeLink({ room, newTarget, now: ctx.clock() }),

    displaySettings: async ({ ctx }) => ({
      phoneLink: zoomProviderSettingsFrom(await zoomRows(ctx)).phoneLink,
    }),
    displayInfo: ({ room, linkData, viewer, settings }) =>
      zoomDisplayInfo({ room, linkData, viewer, phoneLink: settings.phoneLink }),
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
  return provider;
}
