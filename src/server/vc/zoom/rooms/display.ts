// What a viewer sees of a Zoom room through one link; pure, from the stored data (no Zoom call while a page
// renders). The passcode, and the join link with its pwd, only for those the link's visibility admits.
import { zoomStartPath } from '../../../../contracts/vc-zoom';
import type { ConnectionDetails, DetailItem, ProviderRoom, RoomViewer } from '../../provider';
import { formatMeetingId, isHostOf, type ZoomLinkData, type ZoomRoomData } from './room-data';

export function passcodeVisible(link: ZoomLinkData, viewer: RoomViewer): boolean {
  if (viewer.isEventManager) return true;
  if (link.passcodeVisibility === 'everyone') return true;
  return link.passcodeVisibility === 'logged_in' && viewer.user !== undefined;
}

const VISIBILITY = { everyone: 'everyone', logged_in: 'logged-in users', no_one: 'no one' } as const;

function dialInItems(data: ZoomRoomData, showPasscode: boolean, phoneLink: string): DetailItem[] {
  const items: DetailItem[] = data.dialIn.map((n) => ({
    label: `${n.countryName}${n.city ? ` (${n.city})` : ''}${n.type === 'tollfree' ? ', toll-free' : ''}`,
    value: n.number,
    kind: 'phone',
  }));
  items.push({ label: 'Meeting ID', value: formatMeetingId(data.meetingId), kind: 'text', copyable: true });
  if (showPasscode && data.phonePasscode)
    items.push({ label: 'Phone passcode', value: data.phonePasscode, kind: 'secret', copyable: true });
  if (phoneLink) items.push({ label: 'How to join by phone', value: phoneLink, kind: 'url' });
  return items;
}

/**
 * Room systems: Zoom's API gives no SIP or H.323 address. The SIP address `<meeting id>@zoomcrc.com` is
 * Zoom's Cloud Room Connector convention, which the account must have; the room-system passcode is the
 * numeric one Zoom derives (zoom_api.md §2.2).
 */
function connectRoomItems(data: ZoomRoomData): DetailItem[] {
  const items: DetailItem[] = [
    { label: 'SIP address', value: `${data.meetingId}@zoomcrc.com`, kind: 'text', copyable: true },
    { label: 'H.323 meeting ID', value: data.meetingId, kind: 'text', copyable: true },
  ];
  const passcode = data.roomSystemPasscode ?? (data.passcode || null);
  if (passcode)
    items.push({ label: 'Room-system passcode', value: passcode, kind: 'secret', copyable: true });
  items.push({
    label: 'Note',
    value:
      'The SIP address follows Zoom’s Cloud Room Connector convention (zoomcrc.com); the Zoom account needs that service.',
    kind: 'text',
  });
  return items;
}

export function zoomDisplayInfo(args: {
  room: ProviderRoom<ZoomRoomData>;
  linkData: ZoomLinkData;
  viewer: RoomViewer;
  phoneLink: string;
}): ConnectionDetails {
  const { room, linkData, viewer } = args;
  const data = room.data;
  const showPasscode = passcodeVisible(linkData, viewer);
  const joinUrl = showPasscode ? data.joinUrl : data.publicJoinUrl;
  const items: DetailItem[] = [
    {
      label: data.kind === 'webinar' ? 'Webinar ID' : 'Meeting ID',
      value: formatMeetingId(data.meetingId),
      kind: 'text',
      copyable: true,
    },
  ];
  if (data.passcode && showPasscode)
    items.push({ label: 'Passcode', value: data.passcode, kind: 'secret', copyable: true });
  items.push({ label: 'Join link', value: joinUrl, kind: 'url', copyable: true });
  items.push({ label: 'Host', value: data.hostName, kind: 'text' });
  if (data.description) items.push({ label: 'Description', value: data.description, kind: 'text' });

  let joinHint: string | undefined;
  if (data.passcode && !showPasscode)
    joinHint =
      linkData.passcodeVisibility === 'logged_in'
        ? 'Log in to see the passcode, or ask the organisers for it.'
        : 'You will need the passcode: the organisers send it separately.';

  const sections: ConnectionDetails['sections'] = [];
  if (data.dialIn.length)
    sections.push({
      title: 'Join by phone',
      audience: 'everyone',
      items: dialInItems(data, showPasscode, args.phoneLink),
    });
  const host = viewer.user !== undefined && isHostOf(data, viewer.user.id);
  if (host || viewer.isEventManager)
    sections.push({
      title: 'For hosts',
      // A host who does not manage the event still gets Start: this section is built for them only.
      audience: host ? 'everyone' : 'managers',
      items: [
        { label: 'Start the meeting', value: zoomStartPath(room.id), kind: 'url' },
        ...(data.alternativeHostEmails.length
          ? [
              {
                label: 'Alternative hosts',
                value: data.alternativeHostEmails.join(', '),
                kind: 'text' as const,
              },
            ]
          : []),
        { label: 'Passcode shown to', value: VISIBILITY[linkData.passcodeVisibility], kind: 'text' },
      ],
    });
  sections.push({ title: 'Connect room', audience: 'managers', items: connectRoomItems(data) });

  const badges: string[] = [];
  if (data.kind === 'webinar') badges.push('Webinar');
  if (data.liveSince) badges.push('Live');
  const loginReveals = Boolean(data.passcode) && !showPasscode && linkData.passcodeVisibility === 'logged_in';
  return { joinUrl, ...(joinHint ? { joinHint } : {}), loginReveals, items, sections, badges };
}
