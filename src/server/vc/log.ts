// The module's entries in the event log (module 'vc'). Provider data reaches the log only through the
// provider's logView / linkLogView, which leave secrets out.
import type { DbOrTx } from '../events';
import { type EventLogInput, writeEventLogs } from '../events';
import type { TargetInfo, VcProvider } from './provider';

export const VC_MODULE = 'vc';

/** How a log line names a target: the event, contribution "…", session block "…". */
export function targetLabel(info: TargetInfo): string {
  if (info.target.type === 'contribution') return `contribution "${info.title}"`;
  if (info.target.type === 'block') return `session block "${info.title}"`;
  return 'the event';
}

/** The target as the log keeps it: its kind, id and title. */
export function targetLog(info: TargetInfo): Record<string, unknown> {
  const t = info.target;
  if (t.type === 'contribution') return { type: t.type, contributionId: t.contributionId, title: info.title };
  if (t.type === 'block') return { type: t.type, blockId: t.blockId, title: info.title };
  return { type: t.type };
}

/** The room's fields the log may keep (provider data through logView only). */
export function roomLog(
  provider: VcProvider | undefined,
  room: { name: string; data: unknown },
): Record<string, unknown> {
  const parsed = provider?.roomDataSchema.safeParse(room.data);
  return {
    name: room.name,
    ...(provider && parsed?.success ? { data: provider.logView({ data: parsed.data }) } : {}),
  };
}

export function linkLog(provider: VcProvider | undefined, linkData: unknown): Record<string, unknown> {
  const parsed = provider?.linkDataSchema.safeParse(linkData);
  return provider && parsed?.success ? provider.linkLogView({ linkData: parsed.data }) : {};
}

export interface VcLogEntry {
  eventId: number;
  actorId: number | null;
  at: Date;
  kind: EventLogInput['kind'];
  summary: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  data: { roomId: number; linkId?: number; provider: string } & Record<string, unknown>;
}

export async function writeVcLog(tx: DbOrTx, entries: VcLogEntry[]): Promise<void> {
  await writeEventLogs(
    tx,
    entries.map((e) => ({ ...e, module: VC_MODULE })),
  );
}
