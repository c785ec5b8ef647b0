// E-mails to hosts, through the outbox, when the administrator's "E-mail hosts" setting (sendHostUrl) is on.
// They never carry a start link: Zoom's expires after two hours (zoom_api.md §2.2), so they point at the
// event's Videoconference page, whose Start fetches a fresh one.
import { primaryEmailsOf } from '../../../auth/people';
import type { DbOrTx } from '../../../events';
import type { Mailer } from '../../../mail/mailer';
import { formatMeetingId, type ZoomRoomData } from './room-data';

export interface MailContext {
  db: DbOrTx;
  mailer: Mailer;
  baseUrl: string;
}

function meetingLines(name: string, data: ZoomRoomData): string[] {
  return [
    `Meeting: ${name}`,
    `${data.kind === 'webinar' ? 'Webinar' : 'Meeting'} ID: ${formatMeetingId(data.meetingId)}`,
    `Join link: ${data.publicJoinUrl}`,
  ];
}

function managePage(ctx: MailContext, eventId: number | undefined): string[] {
  if (eventId === undefined) return [];
  return [
    '',
    `Start it from the event's Videoconference page: ${ctx.baseUrl}/event/${eventId}/manage/videoconference`,
  ];
}

async function send(
  ctx: MailContext,
  userId: number | null,
  msg: { subject: string; lines: string[]; eventId?: number },
): Promise<number | undefined> {
  if (userId === null) return undefined;
  const to = (await primaryEmailsOf(ctx.db, [userId])).get(userId);
  if (!to) return undefined;
  return ctx.mailer.queue(ctx.db, {
    to: [to],
    subject: msg.subject,
    text: `${msg.lines.join('\n')}\n`,
    module: 'zoom',
    ...(msg.eventId !== undefined ? { eventId: msg.eventId } : {}),
  });
}

/** To the host, when someone else created the meeting for them. Returns the outbox id. */
export function mailMeetingCreatedForHost(
  ctx: MailContext,
  args: { name: string; data: ZoomRoomData; creatorName: string; eventId: number; eventTitle: string },
): Promise<number | undefined> {
  return send(ctx, args.data.hostUserId, {
    subject: `[Zoom] ${args.creatorName} created a meeting for you: ${args.name}`,
    eventId: args.eventId,
    lines: [
      `${args.creatorName} created a Zoom ${args.data.kind} for "${args.eventTitle}" with you as its host.`,
      '',
      ...meetingLines(args.name, args.data),
      ...managePage(ctx, args.eventId),
    ],
  });
}

/** To the old and the new host of a meeting whose host changed. */
export async function mailHostChanged(
  ctx: MailContext,
  args: {
    name: string;
    before: ZoomRoomData;
    after: ZoomRoomData;
    actorName: string;
    eventId: number;
  },
): Promise<void> {
  const { before, after } = args;
  await send(ctx, before.hostUserId, {
    subject: `[Zoom] You are no longer the host of ${args.name}`,
    eventId: args.eventId,
    lines: [
      `${args.actorName} made ${after.hostName} the host of the Zoom ${after.kind} "${args.name}" in your place.`,
      '',
      ...meetingLines(args.name, after),
    ],
  });
  await send(ctx, after.hostUserId, {
    subject: `[Zoom] You are now the host of ${args.name}`,
    eventId: args.eventId,
    lines: [
      `${args.actorName} made you the host of the Zoom ${after.kind} "${args.name}" (it was hosted by ${before.hostName}).`,
      '',
      ...meetingLines(args.name, after),
      ...managePage(ctx, args.eventId),
    ],
  });
}

/** To the host, when their meeting was deleted through Convene. */
export async function mailMeetingDeleted(
  ctx: MailContext,
  args: { name: string; data: ZoomRoomData },
): Promise<void> {
  await send(ctx, args.data.hostUserId, {
    subject: `[Zoom] Your meeting was deleted: ${args.name}`,
    lines: [
      `The Zoom ${args.data.kind} "${args.name}" (ID ${formatMeetingId(args.data.meetingId)}), which you hosted, was deleted through Convene.`,
    ],
  });
}
