// "Make me an alternative host" (the seed's "Adding oneself as alternative host"): an event manager who may
// use Zoom and has a Zoom account adds themselves. The meeting is read first, so that co-hosts added on
// zoom.us are kept (vc_zoom.md §6); then one PATCH of settings.alternative_hosts.
import { ZOOM_ACTIONS } from '../../../../contracts/vc-zoom';
import { Forbidden, ProviderError } from '../../../errors';
import type { ProviderAction } from '../../provider';
import { mayCreateZoomRooms } from '../permissions';
import { readZoomProviderSettings } from '../settings';
import { createZoomUserCache } from '../user-lookup';
import { dialogError, EDIT_FIELDS } from './dialog-errors';
import { lookUpPerson, meetingPeople, sameEmail } from './hosts';
import { roomDataFrom } from './meeting-data';
import { isHostOf, ZOOM_PROVIDER, type ZoomRoomData } from './room-data';
import type { ZoomServices } from './services';
import { patchRoom } from './update';

export function makeMeAlternativeHost(s: ZoomServices): ProviderAction<ZoomRoomData> {
  return {
    id: ZOOM_ACTIONS.makeMeAlternativeHost,
    label: 'Make me an alternative host',
    isAvailable: ({ room, viewer }) =>
      viewer.isEventManager && viewer.user !== undefined && !isHostOf(room.data, viewer.user.id),
    async run({ room, viewer, ctx }) {
      const user = viewer.user;
      if (!user || !viewer.isEventManager) throw new Forbidden('Only the event’s managers may do this.');
      const settings = await readZoomProviderSettings(ctx.db);
      if (!mayCreateZoomRooms(user, settings))
        throw new Forbidden('You may not use Zoom on this server, so you cannot become an alternative host.');
      const client = await s.client();
      try {
        const me = await lookUpPerson(
          { client, settings, db: ctx.db, cache: createZoomUserCache() },
          user.id,
        );
        if (!me.person) throw new ProviderError(ZOOM_PROVIDER, me.message);
        const meeting = await client.getMeeting(room.data.meetingId);
        const people = await meetingPeople(ctx.db, settings, meeting, room.data);
        const data = roomDataFrom(meeting, people, room.data, ctx.clock());
        const email = me.person.email;
        if (
          sameEmail(data.hostEmail, email) ||
          data.alternativeHostEmails.some((e) => sameEmail(e, email)) ||
          isHostOf(data, user.id)
        )
          return { data, message: 'You are already a host of this meeting.' };
        const alternativeHostEmails = [...data.alternativeHostEmails, email];
        await patchRoom(client, data, { settings: { alternative_hosts: alternativeHostEmails.join(';') } });
        return {
          data: { ...data, alternativeHostEmails, alternativeHostIds: [...data.alternativeHostIds, user.id] },
          message: 'You are now an alternative host of this meeting: you can start it.',
        };
      } catch (err) {
        throw dialogError(err, EDIT_FIELDS, { meetingGone: true });
      }
    },
  };
}
