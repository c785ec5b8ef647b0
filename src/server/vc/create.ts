/*
 * Create and Add existing. A create first commits its intent and the job that sweeps it (a create whose room
 * is never saved), then calls the provider outside any transaction, then saves the room in one transaction
 * that also consumes the intent, removes the sweep job and queues the provider's e-mails. So a process killed
 * at any point ends with either the room saved, or the sweep job deleting at the provider what the create
 * made there. If the save itself fails, the room just made is deleted at once (compensation), or, when even
 * that fails, recorded as a room marked for deletion whose job retries until it is gone.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { VcTargetInput, VcWriteResult } from '../../contracts/vc';
import type { SessionUser } from '../auth/sessions';
import { loggableError } from '../db/errors';
import { Forbidden, NotFound, ValidationFailed } from '../errors';
import { type DbOrTx, type EventAccess, lockEvent } from '../events';
import { enqueueJob, type JobLog, removeJob } from '../jobs/jobs';
import { parseProviderFields, providerCtx, toProviderRoom, type Vc } from './context';
import { assertTargetFree, linkConflict } from './link-rules';
import { linkLog, roomLog, targetLabel, targetLog, writeVcLog } from './log';
import { linkCountSql, loadManagedRoom } from './manage-read';
import { linkRoomSql, userRoomKeys } from './policy';
import type { CreateIntent, ProviderContext, TargetInfo, VcProvider } from './provider';
import { markGone, storedKeys } from './room-writes';
import { vcCreateIntents, vcRoomLinks, vcRooms } from './schema';
import { type ResolvedTarget, resolveTarget } from './targets';

export interface CreateRoomInput {
  provider: string;
  name: string;
  target: VcTargetInput;
  show: boolean;
  form: Record<string, unknown>;
  linkForm: Record<string, unknown>;
}

/**
 * When the sweep of a create runs: long after any request that is still going to save its room (provider
 * calls time out in seconds). Real time, as graphile-worker's queue is.
 */
export const CREATE_SWEEP_DELAY_MS = 2 * 60_000;

const sweepJobKey = (intentId: string) => `vc.sweepCreate:${intentId}`;

/** Inserts a link (the caller has locked its event and target); returns its id. */
async function insertLink(
  tx: DbOrTx,
  l: {
    roomId: number;
    eventId: number;
    target: ResolvedTarget;
    show: boolean;
    data: unknown;
    by: number;
    at: Date;
  },
): Promise<{ id: number }> {
  const [link] = await tx
    .insert(vcRoomLinks)
    .values({
      roomId: l.roomId,
      eventId: l.eventId,
      ...l.target.columns,
      show: l.show,
      data: l.data,
      createdById: l.by,
      createdAt: l.at,
    })
    .returning({ id: vcRoomLinks.id });
  if (!link) throw new Error('link insert returned nothing');
  return link;
}

async function usableProvider(vc: Vc, name: string, user: SessionUser, ctx: ProviderContext) {
  const provider = await vc.providers.requireEnabled(name, ctx);
  if (!(await provider.canCreate({ user, ctx }))) {
    throw new Forbidden(`You may not use ${provider.displayName} videoconferences on this server.`);
  }
  return provider;
}

/** Commits the intent of a create and its sweep job, before the provider is called. */
async function beginCreate(vc: Vc, provider: VcProvider, user: SessionUser): Promise<CreateIntent> {
  const id = randomUUID();
  await vc.db.transaction(async (tx) => {
    await tx
      .insert(vcCreateIntents)
      .values({ id, provider: provider.name, createdById: user.id, createdAt: vc.clock() });
    await enqueueJob(
      tx,
      vc.jobs.sweepCreate,
      { intentId: id },
      { jobKey: sweepJobKey(id), runAt: new Date(Date.now() + CREATE_SWEEP_DELAY_MS) },
    );
  });
  return {
    id,
    async record(data) {
      await vc.db
        .update(vcCreateIntents)
        .set({ data: data ?? null })
        .where(and(eq(vcCreateIntents.id, id), isNull(vcCreateIntents.sweptAt)));
    },
  };
}

/**
 * Consumes the intent inside the transaction that saves its room: false when its sweep has started (the
 * room must then not be saved: the sweep deletes what the create made).
 */
async function consumeIntent(tx: DbOrTx, intentId: string): Promise<boolean> {
  const [gone] = await tx
    .delete(vcCreateIntents)
    .where(and(eq(vcCreateIntents.id, intentId), isNull(vcCreateIntents.sweptAt)))
    .returning({ id: vcCreateIntents.id });
  if (!gone) return false;
  await removeJob(tx, sweepJobKey(intentId));
  return true;
}

/** A create that failed: its intent goes at once when the provider made nothing, else the sweep keeps it. */
async function endFailedCreate(vc: Vc, intentId: string): Promise<void> {
  await vc.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ data: vcCreateIntents.data })
      .from(vcCreateIntents)
      .where(eq(vcCreateIntents.id, intentId))
      .for('update');
    if (row && row.data == null) await consumeIntent(tx, intentId);
  });
}

/**
 * The sweep job: a create whose room was not saved by now never will be. Marks the intent swept (from then
 * on the save refuses), has the provider delete what the create made, then forgets the intent.
 */
export async function sweepCreateIntent(vc: Vc, intentId: string, log: JobLog): Promise<void> {
  const [intent] = await vc.db
    .update(vcCreateIntents)
    .set({ sweptAt: vc.clock() })
    .where(eq(vcCreateIntents.id, intentId))
    .returning();
  if (!intent) return;
  if (intent.data != null) {
    const provider = vc.providers.get(intent.provider);
    if (!provider) throw new Error(`create ${intentId}: provider ${intent.provider} is not available`);
    await provider.sweepCreate({ data: intent.data, ctx: providerCtx(vc, { log }) });
  }
  await vc.db.delete(vcCreateIntents).where(eq(vcCreateIntents.id, intentId));
}

/** Undoes a room the provider made when the local write failed; see the file's comment. */
async function compensate(
  vc: Vc,
  provider: VcProvider,
  made: { name: string; data: unknown; creatorId: number; intentId: string },
  ctx: ProviderContext,
): Promise<void> {
  const room = {
    id: 0,
    name: made.name,
    status: 'created' as const,
    data: made.data,
    createdById: made.creatorId,
    linkCount: 0,
  };
  try {
    await provider.delete({ room, ctx });
    await vc.db.transaction((tx) => consumeIntent(tx, made.intentId));
    ctx.log.warn(
      { provider: provider.name },
      'the local write failed: the new videoconference was deleted at its provider',
    );
    return;
  } catch (err) {
    ctx.log.warn(
      { provider: provider.name, err: loggableError(err) },
      'could not undo a new videoconference at once',
    );
  }
  try {
    const at = vc.clock();
    await vc.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(vcRooms)
        .values({
          provider: provider.name,
          name: made.name,
          data: made.data,
          ...storedKeys(provider, made.data),
          createdById: made.creatorId,
          createdAt: at,
          modifiedAt: at,
          deletionRequestedAt: at,
          deletionRequestedById: made.creatorId,
          deletionError: 'The room could not be saved here; it is being deleted at the provider.',
        })
        .returning({ id: vcRooms.id });
      if (!row) throw new Error('room insert returned nothing');
      await enqueueJob(tx, vc.jobs.deleteRoom, { roomId: row.id }, { jobKey: `vc.deleteRoom:${row.id}` });
      // The room's job deletes it now; the sweep need not (if it has started, both delete: "gone" is success).
      await consumeIntent(tx, made.intentId);
    });
  } catch (err) {
    // The intent and its sweep job stay: the sweep deletes the room at the provider later.
    ctx.log.error(
      { provider: provider.name, room: provider.logView({ data: made.data }), err: loggableError(err) },
      'a new videoconference could not be saved nor deleted at once: its sweep job will delete it',
    );
  }
}

export async function createRoom(
  vc: Vc,
  user: SessionUser,
  access: EventAccess,
  body: CreateRoomInput,
  log: JobLog,
): Promise<VcWriteResult> {
  const ctx = providerCtx(vc, { log });
  const provider = await usableProvider(vc, body.provider, user, ctx);
  const form = parseProviderFields(provider.formSchema, body.form, 'form');
  const linkForm = parseProviderFields(provider.linkFormSchema, body.linkForm, 'linkForm');
  const target = await resolveTarget(vc.db, access.event, body.target, { lock: false });
  await assertTargetFree(vc.db, target.columns, target.info, {});

  const intent = await beginCreate(vc, provider, user);
  await vc.step('create:intent-saved');
  let data: unknown;
  try {
    data = await provider.create({ name: body.name, form, target: target.info, creator: user, intent, ctx });
  } catch (err) {
    await endFailedCreate(vc, intent.id);
    throw err;
  }
  await vc.step('create:provider-done');
  const linkData = provider.linkDataFromForm({ link: linkForm });
  let linkId: number;
  try {
    linkId = await vc.db.transaction(async (tx) => {
      if (!(await consumeIntent(tx, intent.id)))
        throw new Error('the create took too long: its sweep has started');
      const event = await lockEvent(tx, access.event.id, 'share');
      const locked = await resolveTarget(tx, event, body.target, { lock: true });
      const at = vc.clock();
      const [room] = await tx
        .insert(vcRooms)
        .values({
          provider: provider.name,
          name: body.name,
          data,
          ...storedKeys(provider, data),
          createdById: user.id,
          createdAt: at,
          modifiedAt: at,
        })
        .returning();
      if (!room) throw new Error('room insert returned nothing');
      const link = await insertLink(tx, {
        roomId: room.id,
        eventId: event.id,
        target: locked,
        show: body.show,
        data: linkData,
        by: user.id,
        at,
      });
      await writeVcLog(tx, [
        {
          eventId: event.id,
          actorId: user.id,
          at,
          kind: 'added',
          summary: `Videoconference "${room.name}" created (${provider.displayName}) and linked to ${targetLabel(locked.info)}`,
          after: {
            ...roomLog(provider, room),
            target: targetLog(locked.info),
            show: body.show,
            link: linkLog(provider, linkData),
          },
          data: { roomId: room.id, linkId: link.id, provider: provider.name },
        },
      ]);
      const saved = toProviderRoom(provider, room, 1);
      if (saved)
        await provider.afterCreate?.({
          room: saved,
          target: locked.info,
          creator: user,
          ctx: providerCtx(vc, { db: tx, log }),
        });
      await vc.step('create:room-inserted');
      return link.id;
    });
  } catch (err) {
    await compensate(vc, provider, { name: body.name, data, creatorId: user.id, intentId: intent.id }, ctx);
    throw linkConflict(err, target.info);
  }
  return { room: await loadManagedRoom(vc, access.event, user, linkId), notice: null };
}

export interface AttachRoomInput {
  roomId: number;
  target: VcTargetInput;
  show: boolean;
  linkForm: Record<string, unknown>;
}

/** Add existing: links a room this server made (and the user may link) to this event. */
export async function attachRoom(
  vc: Vc,
  user: SessionUser,
  access: EventAccess,
  body: AttachRoomInput,
  log: JobLog,
): Promise<VcWriteResult> {
  const ctx = providerCtx(vc, { log });
  const keys = await userRoomKeys(vc.providers, user, ctx);
  const [row] = await vc.db
    .select({ room: vcRooms, totalLinks: linkCountSql(vc.db), mayLink: linkRoomSql(vc.db, keys) })
    .from(vcRooms)
    .where(eq(vcRooms.id, body.roomId));
  if (!row?.mayLink || row.room.status !== 'created' || row.room.deletionRequestedAt) {
    throw new NotFound('This videoconference');
  }
  const provider = await usableProvider(vc, row.room.provider, user, ctx);
  const room = toProviderRoom(provider, row.room, row.totalLinks);
  if (!room) throw new NotFound('This videoconference');
  const linkForm = parseProviderFields(provider.linkFormSchema, body.linkForm, 'linkForm');
  const target = await resolveTarget(vc.db, access.event, body.target, { lock: false });
  await assertTargetFree(vc.db, target.columns, target.info, { roomId: room.id });

  const decision = await provider.beforeLink({ room, newTarget: target.info, reason: 'attach', ctx });
  if (!decision.allow) throw ValidationFailed.field('roomId', decision.reason);
  const data =
    decision.data !== undefined
      ? await pushAdapted(vc, provider, room, decision.data, target.info, user, ctx)
      : undefined;
  const linkData = provider.linkDataFromForm({ link: linkForm });

  let linkId: number;
  try {
    linkId = await vc.db.transaction(async (tx) => {
      const event = await lockEvent(tx, access.event.id, 'share');
      const locked = await resolveTarget(tx, event, body.target, { lock: true });
      const at = vc.clock();
      if (data !== undefined) {
        await tx
          .update(vcRooms)
          .set({ data, ...storedKeys(provider, data), modifiedAt: at })
          .where(eq(vcRooms.id, room.id));
      }
      const link = await insertLink(tx, {
        roomId: room.id,
        eventId: event.id,
        target: locked,
        show: body.show,
        data: linkData,
        by: user.id,
        at,
      });
      await writeVcLog(tx, [
        {
          eventId: event.id,
          actorId: user.id,
          at,
          kind: 'added',
          summary: `Videoconference "${room.name}" attached to ${targetLabel(locked.info)}`,
          after: { target: targetLog(locked.info), show: body.show, link: linkLog(provider, linkData) },
          data: {
            roomId: room.id,
            linkId: link.id,
            provider: provider.name,
            ...(decision.notice ? { notice: decision.notice } : {}),
          },
        },
      ]);
      return link.id;
    });
  } catch (err) {
    throw linkConflict(err, target.info);
  }
  return { room: await loadManagedRoom(vc, access.event, user, linkId), notice: decision.notice ?? null };
}

/** Pushes data beforeLink adapted to the provider before the link is saved; a room gone is marked so. */
export async function pushAdapted(
  vc: Vc,
  provider: VcProvider,
  room: NonNullable<ReturnType<typeof toProviderRoom>>,
  data: unknown,
  target: TargetInfo,
  actor: SessionUser,
  ctx: ProviderContext,
): Promise<unknown> {
  try {
    return await provider.update({ room, name: room.name, data, target, actor, reason: 'sync', ctx });
  } catch (err) {
    throw await markGone(vc, provider, room.id, err, actor.id);
  }
}
