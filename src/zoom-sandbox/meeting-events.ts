// Builds and sends the webhook events of meetings and webinars (zoom_api.md §4).
import {
  createdEventObject,
  deletedEventObject,
  liveEventObject,
  updatedEventObjects,
} from './meeting-render';
import type { MeetingRecord, SandboxUser } from './types';
import type { WebhookSender } from './webhooks';

export interface EventSink {
  webhooks: WebhookSender;
  publicUrl: string;
  nowMs(): number;
}

function operatorFields(operator: SandboxUser | undefined) {
  return operator ? { operator: operator.email, operator_id: operator.id } : {};
}

function send(
  sink: EventSink,
  record: MeetingRecord,
  action: string,
  payload: Record<string, unknown>,
): void {
  sink.webhooks.send(`${record.kind}.${action}`, { account_id: record.accountId, ...payload });
}

export function notifyCreated(
  sink: EventSink,
  record: MeetingRecord,
  operator: SandboxUser | undefined,
): void {
  send(sink, record, 'created', {
    ...operatorFields(operator),
    object: createdEventObject(record, sink.publicUrl),
  });
}

export function notifyUpdated(
  sink: EventSink,
  before: MeetingRecord,
  after: MeetingRecord,
  operator: SandboxUser | undefined,
): void {
  const diff = updatedEventObjects(before, after, sink.publicUrl);
  if (!diff) return;
  send(sink, after, 'updated', { ...operatorFields(operator), ...diff, time_stamp: sink.nowMs() });
}

export function notifyDeleted(
  sink: EventSink,
  record: MeetingRecord,
  operator: SandboxUser | undefined,
): void {
  send(sink, record, 'deleted', { ...operatorFields(operator), object: deletedEventObject(record) });
}

export function notifyStarted(sink: EventSink, record: MeetingRecord, startedAtMs: number): void {
  send(sink, record, 'started', { object: liveEventObject(record, startedAtMs) });
}

export function notifyEnded(
  sink: EventSink,
  record: MeetingRecord,
  startedAtMs: number,
  endedAtMs: number,
): void {
  send(sink, record, 'ended', { object: liveEventObject(record, startedAtMs, endedAtMs) });
}
