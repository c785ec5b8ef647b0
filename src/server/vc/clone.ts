/*
 * The "Videoconference rooms" clone option: the new event shares the source's rooms (no new meeting is made),
 * each link copied to the matching event, contribution or session block (those two only when the timetable
 * was cloned). The provider's beforeLink may adapt a room (its new data is pushed by a job after the clone
 * commits) or refuse it; either way it says why, in the clone's answer and in the new event's log.
 */
import { eq, sql } from 'drizzle-orm';
import type { CloneStepContext, CloneStepResult, CloneSteps } from '../events';
import { enqueueJobs } from '../jobs/jobs';
import { providerCtx, toProviderRoom, type Vc } from './context';
import { targetLabel, targetLog, type VcLogEntry, writeVcLog } from './log';
import { linkCountSql } from './manage-read';
import { statusOf } from './policy';
import { storedKeys } from './room-writes';
import { vcRoomLinks, vcRooms } from './schema';
import { loadTargetFacts, type TargetColumns, targetInfoOf } from './targets';

/** Where the copy of a link goes in the new event; undefined when its target was not cloned. */
function mapTarget(link: TargetColumns, ctx: CloneStepContext): TargetColumns | undefined {
  if (link.linkedEventId !== null)
    return { linkedEventId: ctx.event.id, contributionId: null, blockId: null };
  if (!ctx.options.timetable) return undefined;
  if (link.contributionId !== null) {
    const id = ctx.idMaps.contributions.get(link.contributionId);
    return id !== undefined ? { linkedEventId: null, contributionId: id, blockId: null } : undefined;
  }
  const id = link.blockId !== null ? ctx.idMaps.blocks.get(link.blockId) : undefined;
  return id !== undefined ? { linkedEventId: null, contributionId: null, blockId: id } : undefined;
}

async function cloneLinks(vc: Vc, ctx: CloneStepContext): Promise<CloneStepResult> {
  const { tx, event, actor, at } = ctx;
  const rows = await tx
    .select({ link: vcRoomLinks, room: vcRooms, totalLinks: linkCountSql(tx) })
    .from(vcRoomLinks)
    .innerJoin(vcRooms, eq(vcRooms.id, vcRoomLinks.roomId))
    .where(eq(vcRoomLinks.eventId, ctx.source.id))
    .orderBy(vcRoomLinks.id);
  const pctx = providerCtx(vc, { db: tx });
  const enabled = await vc.providers.enabled(pctx);
  const mapped = rows.map((row) => ({ ...row, to: mapTarget(row.link, ctx) }));
  const facts = await loadTargetFacts(
    tx,
    mapped.flatMap((m) => (m.to ? [m.to] : [])),
  );
  const notices: string[] = [];
  const logs: VcLogEntry[] = [];
  const inserts: Array<typeof vcRoomLinks.$inferInsert> = [];
  const adapted = new Map<number, unknown>();
  const added = new Map<number, number>();

  for (const { link, room, totalLinks, to } of mapped) {
    const base = {
      eventId: event.id,
      actorId: actor.id,
      at,
      data: { roomId: room.id, provider: room.provider },
    };
    const skip = (why: string) => {
      notices.push(`Videoconference "${room.name}" was not linked: ${why}`);
      logs.push({ ...base, kind: 'other', summary: `Videoconference "${room.name}" not cloned: ${why}` });
    };
    if (!to) continue; // linked to a contribution or block the clone did not copy
    if (statusOf(room) !== 'created') {
      skip('it is deleted.');
      continue;
    }
    const provider = vc.providers.get(room.provider);
    const linkCount = totalLinks + (added.get(room.id) ?? 0);
    const providerRoom =
      provider && enabled.has(room.provider) ? toProviderRoom(provider, room, linkCount) : undefined;
    if (!provider || !providerRoom) {
      skip('its videoconference service is not available.');
      continue;
    }
    const info = targetInfoOf(event, to, facts);
    const current = adapted.get(room.id) ?? providerRoom.data;
    const decision = await provider.beforeLink({
      room: { ...providerRoom, data: current },
      newTarget: info,
      reason: 'clone',
      ctx: pctx,
    });
    if (!decision.allow) {
      skip(decision.reason);
      continue;
    }
    if (decision.data !== undefined) adapted.set(room.id, decision.data);
    if (decision.notice) notices.push(`Videoconference "${room.name}": ${decision.notice}`);
    added.set(room.id, (added.get(room.id) ?? 0) + 1);
    inserts.push({
      roomId: room.id,
      eventId: event.id,
      ...to,
      show: link.show,
      data: link.data,
      createdById: actor.id,
      createdAt: at,
    });
    logs.push({
      ...base,
      kind: 'added',
      summary: `Videoconference "${room.name}" linked to ${targetLabel(info)} (cloned from "${ctx.source.title}")`,
      after: { target: targetLog(info), show: link.show },
      data: { ...base.data, ...(decision.notice ? { notice: decision.notice } : {}) },
    });
  }

  const created = inserts.length
    ? await tx
        .insert(vcRoomLinks)
        .values(inserts)
        .returning({ id: vcRoomLinks.id, roomId: vcRoomLinks.roomId })
    : [];
  if (adapted.size) {
    const updates = [...adapted].map(([id, data]) => {
      const provider = vc.providers.get(rows.find((r) => r.room.id === id)?.room.provider ?? '');
      return { id, data, ...(provider ? storedKeys(provider, data) : { hostKeys: [], searchKeys: [] }) };
    });
    await tx.execute(sql`UPDATE ${vcRooms} SET data = u.data, host_keys = u.host_keys, search_keys = u.search_keys,
      modified_at = ${at}
      FROM json_to_recordset(${JSON.stringify(updates.map((u) => ({ id: u.id, data: u.data, host_keys: u.hostKeys, search_keys: u.searchKeys })))}::json)
        AS u(id int, data jsonb, host_keys text[], search_keys text[])
      WHERE ${vcRooms.id} = u.id`);
    // The adapted data reaches the provider after the clone commits (a job retries until it does).
    await enqueueJobs(
      tx,
      vc.jobs.syncRoom,
      [...adapted.keys()].flatMap((roomId) => {
        const link = created.find((c) => c.roomId === roomId);
        return link ? [{ payload: { roomId, linkId: link.id }, jobKey: `vc.syncRoom:${roomId}` }] : [];
      }),
    );
  }
  await writeVcLog(tx, logs);
  return { notices };
}

export function registerVcCloneStep(vc: Vc, steps: CloneSteps): () => void {
  return steps.register({
    id: 'vc',
    label: 'Videoconference rooms',
    defaultOn: true,
    isAvailable: async ({ db, source }) => {
      const [row] = await db
        .select({ id: vcRoomLinks.id })
        .from(vcRoomLinks)
        .where(eq(vcRoomLinks.eventId, source.id))
        .limit(1);
      return row !== undefined;
    },
    run: (ctx) => cloneLinks(vc, ctx),
  });
}
