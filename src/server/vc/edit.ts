/*
 * Edit, Refresh and the providers' own actions. Changes go to the provider first, then to the database; if
 * the database refuses (a target someone took meanwhile), the provider is put back as it was.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { VcFormValues, VcTargetInput, VcWriteResult } from '../../contracts/vc';
import type { SessionUser } from '../auth/sessions';
import { loggableError } from '../db/errors';
import { Forbidden, NotFound, ValidationFailed } from '../errors';
import { assertVersion, changedFields, type EventAccess, lockEvent } from '../events';
import type { JobLog } from '../jobs/jobs';
import { linkDataOf, parseProviderFields, providerCtx, requireProviderRoom, type Vc } from './context';
import { assertTargetFree, linkConflict } from './link-rules';
import { linkLog, roomLog, targetLabel, targetLog, writeVcLog } from './log';
import { loadLinkWithRoom, loadManagedRoom } from './manage-read';
import type { VcProvider } from './provider';
import { markGone, markRoomGone, storedKeys } from './room-writes';
import { vcRoomLinks, vcRooms } from './schema';
import { loadTargetFacts, resolveTarget, sameTarget, targetInfoOf, targetInput } from './targets';

/** The link, its room and provider, after checking the manager may do `ability` with it. */
async function loadForChange(
  vc: Vc,
  user: SessionUser,
  access: EventAccess,
  linkId: number,
  ability: 'edit' | 'refresh',
) {
  const managed = await loadManagedRoom(vc, access.event, user, linkId);
  if (!managed.can[ability]) {
    throw new Forbidden(
      managed.status === 'created'
        ? `You may not ${ability} this videoconference.`
        : 'This videoconference is deleted: it can only be detached.',
    );
  }
  const { link, room, totalLinks } = await loadLinkWithRoom(vc.db, access.event.id, linkId);
  const provider = vc.providers.get(room.provider);
  if (!provider) throw new NotFound('This videoconference service');
  return { managed, link, room, provider, providerRoom: requireProviderRoom(provider, room, totalLinks) };
}

/** The Create form's starting values for this event and provider. */
export async function newRoomForm(
  vc: Vc,
  user: SessionUser,
  access: EventAccess,
  providerName: string,
  log: JobLog,
): Promise<VcFormValues> {
  const ctx = providerCtx(vc, { log });
  const provider = await vc.providers.requireEnabled(providerName, ctx);
  if (!(await provider.canCreate({ user, ctx }))) {
    throw new Forbidden(`You may not use ${provider.displayName} videoconferences on this server.`);
  }
  const form = await provider.formDefaults({ user, ctx });
  return {
    provider: provider.name,
    name: access.event.title,
    target: { type: 'event' },
    show: true,
    form: asRecord(form),
    linkForm: asRecord(provider.linkFormDefaults()),
    can: { editRoom: true },
  };
}

const asRecord = (v: unknown): Record<string, unknown> =>
  typeof v === 'object' && v !== null ? { ...(v as Record<string, unknown>) } : {};

/** The Edit form pre-filled from the room and this link (the stored data is not touched). */
export async function editFormValues(
  vc: Vc,
  user: SessionUser,
  access: EventAccess,
  linkId: number,
): Promise<VcFormValues> {
  const { managed, link, room, provider, providerRoom } = await loadForChange(
    vc,
    user,
    access,
    linkId,
    'edit',
  );
  const values = provider.formValues({ room: providerRoom, linkData: linkDataOf(provider, link.data) });
  return {
    provider: provider.name,
    name: room.name,
    target: targetInput(link),
    show: link.show,
    form: asRecord(values.form),
    linkForm: asRecord(values.link),
    can: { editRoom: managed.can.editRoom },
    version: room.version,
  };
}

export interface EditLinkInput {
  room?: { name: string; form: Record<string, unknown> };
  link: { target: VcTargetInput; show: boolean; linkForm: Record<string, unknown> };
  version?: number;
}

export async function editLink(
  vc: Vc,
  user: SessionUser,
  access: EventAccess,
  linkId: number,
  body: EditLinkInput,
  log: JobLog,
): Promise<VcWriteResult> {
  const ctx = providerCtx(vc, { log });
  const { managed, link, room, provider, providerRoom } = await loadForChange(
    vc,
    user,
    access,
    linkId,
    'edit',
  );
  const stale = () => loadManagedRoom(vc, access.event, user, linkId);
  // Before calling the provider: a stale edit must not reach the provider. The version is claimed (bumped) at once,
  // so that of two concurrent edits only one calls the provider; the transaction below checks the claim.
  await assertVersion('videoconference', room, body.version, stale);
  let claimed: number | undefined;
  if (body.version !== undefined) {
    const [row] = await vc.db
      .update(vcRooms)
      .set({ version: sql`${vcRooms.version} + 1` })
      .where(and(eq(vcRooms.id, room.id), eq(vcRooms.version, body.version)))
      .returning({ version: vcRooms.version });
    if (!row) await assertVersion('videoconference', { version: -1 }, body.version, stale);
    claimed = row?.version;
  }
  if (body.room && !managed.can.editRoom) {
    throw new Forbidden(
      'This videoconference is shared with events you do not manage: only its creator, its hosts or the managers of all those events may change it. You may change how it is linked here.',
    );
  }
  const linkForm = parseProviderFields(provider.linkFormSchema, body.link.linkForm, 'link.linkForm');
  const roomForm = body.room
    ? parseProviderFields(provider.formSchema, body.room.form, 'room.form')
    : undefined;
  const target = await resolveTarget(vc.db, access.event, body.link.target, {
    lock: false,
    field: 'link.target',
  });
  const moved = !sameTarget(link, target.columns);
  if (moved)
    await assertTargetFree(vc.db, target.columns, target.info, { roomId: room.id, exceptLinkId: link.id });

  let wanted =
    roomForm !== undefined ? provider.applyForm({ room: providerRoom, form: roomForm }) : providerRoom.data;
  let notice: string | undefined;
  if (moved) {
    const decision = await provider.beforeLink({
      room: { ...providerRoom, data: wanted, linkCount: providerRoom.linkCount - 1 },
      newTarget: target.info,
      reason: 'move',
      ctx,
    });
    if (!decision.allow) throw ValidationFailed.field('link.target', decision.reason);
    if (decision.data !== undefined) wanted = decision.data;
    notice = decision.notice;
  }
  const name = body.room?.name ?? room.name;
  const roomChanged = name !== room.name || JSON.stringify(wanted) !== JSON.stringify(providerRoom.data);
  let data = providerRoom.data;
  if (roomChanged) {
    try {
      data = await provider.update({
        room: providerRoom,
        name,
        data: wanted,
        target: target.info,
        actor: user,
        reason: 'edit',
        ctx,
      });
    } catch (err) {
      throw await markGone(vc, provider, room.id, err, user.id);
    }
    await vc.step('edit:provider-done');
  }
  const linkData = provider.linkDataFromForm({ link: linkForm });
  try {
    await vc.db.transaction(async (tx) => {
      const event = await lockEvent(tx, access.event.id, 'share');
      const current = await loadLinkWithRoom(tx, event.id, linkId, { lock: true });
      // Another instance may have saved since the check above: the locked row decides.
      await assertVersion('videoconference', current.room, claimed, stale);
      const locked = await resolveTarget(tx, event, body.link.target, { lock: true, field: 'link.target' });
      const at = vc.clock();
      // Every edit makes a new version: claimed above, or bumped here for a client that sent none.
      if (roomChanged || claimed === undefined)
        await tx
          .update(vcRooms)
          .set({
            ...(roomChanged ? { name, data, ...storedKeys(provider, data), modifiedAt: at } : {}),
            ...(claimed === undefined ? { version: sql`${vcRooms.version} + 1` } : {}),
          })
          .where(eq(vcRooms.id, room.id));
      await tx
        .update(vcRoomLinks)
        .set({ ...locked.columns, show: body.link.show, data: linkData })
        .where(eq(vcRoomLinks.id, linkId));
      const facts = await loadTargetFacts(tx, [current.link]);
      const oldInfo = targetInfoOf(event, current.link, facts);
      const diff = changedFields(
        {
          ...roomLog(provider, room),
          target: targetLog(oldInfo),
          show: current.link.show,
          link: linkLog(provider, current.link.data),
        },
        {
          ...roomLog(provider, { name, data }),
          target: targetLog(locked.info),
          show: body.link.show,
          link: linkLog(provider, linkData),
        },
      );
      await writeVcLog(tx, [
        {
          eventId: event.id,
          actorId: user.id,
          at,
          kind: 'changed',
          summary: moved
            ? `Videoconference "${name}" moved from ${targetLabel(oldInfo)} to ${targetLabel(locked.info)}`
            : `Videoconference "${name}" changed`,
          before: diff?.before ?? null,
          after: diff?.after ?? null,
          data: { roomId: room.id, linkId, provider: provider.name, ...(notice ? { notice } : {}) },
        },
      ]);
    });
  } catch (err) {
    if (roomChanged) await revert(provider, { ...providerRoom, name, data }, providerRoom, target.info, ctx);
    throw linkConflict(err, target.info);
  }
  return { room: await loadManagedRoom(vc, access.event, user, linkId), notice: notice ?? null };
}

/** Best effort: puts the provider back as the database still has it. */
async function revert(
  provider: VcProvider,
  now: Parameters<VcProvider['update']>[0]['room'],
  before: Parameters<VcProvider['update']>[0]['room'],
  target: Parameters<VcProvider['update']>[0]['target'],
  ctx: Parameters<VcProvider['update']>[0]['ctx'],
): Promise<void> {
  try {
    await provider.update({
      room: now,
      name: before.name,
      data: before.data,
      target,
      actor: null,
      reason: 'edit',
      ctx,
    });
  } catch (err) {
    ctx.log.error(
      { provider: provider.name, roomId: before.id, err: loggableError(err) },
      'could not undo an edit at the provider; Refresh will show its state',
    );
  }
}

/** Refresh: pulls the room from its provider; a room gone there is marked deleted. */
export async function refreshLink(
  vc: Vc,
  user: SessionUser,
  access: EventAccess,
  linkId: number,
  log: JobLog,
): Promise<VcWriteResult> {
  const ctx = providerCtx(vc, { log });
  const { room, provider, providerRoom } = await loadForChange(vc, user, access, linkId, 'refresh');
  const result = await provider.refresh({ room: providerRoom, ctx });
  if (result.status === 'gone') {
    await markRoomGone(vc, provider, room.id, user.id);
    return {
      room: await loadManagedRoom(vc, access.event, user, linkId),
      notice: `This videoconference no longer exists at ${provider.displayName}: it has been marked deleted.`,
    };
  }
  const at = vc.clock();
  const diff = changedFields(
    roomLog(provider, room),
    roomLog(provider, { name: result.name, data: result.data }),
  );
  const changed = diff !== undefined || JSON.stringify(result.data) !== JSON.stringify(providerRoom.data);
  await vc.db.transaction(async (tx) => {
    if (changed) {
      await tx
        .update(vcRooms)
        .set({
          name: result.name,
          data: result.data,
          ...storedKeys(provider, result.data),
          modifiedAt: at,
          version: sql`${vcRooms.version} + 1`,
        })
        .where(eq(vcRooms.id, room.id));
    }
    await writeVcLog(tx, [
      {
        eventId: access.event.id,
        actorId: user.id,
        at,
        kind: changed ? 'changed' : 'other',
        summary: `Videoconference "${result.name}" refreshed from ${provider.displayName}${changed ? '' : ': no change'}`,
        before: diff?.before ?? null,
        after: diff?.after ?? null,
        data: { roomId: room.id, linkId, provider: provider.name },
      },
    ]);
  });
  return {
    room: await loadManagedRoom(vc, access.event, user, linkId),
    notice: changed
      ? 'The videoconference was updated from the service.'
      : 'The videoconference is up to date.',
  };
}

/** A provider's own action (e.g. "make me the host"), offered only where the provider says it applies. */
export async function runAction(
  vc: Vc,
  user: SessionUser,
  access: EventAccess,
  linkId: number,
  actionId: string,
  log: JobLog,
) {
  const ctx = providerCtx(vc, { log });
  const { managed, room, provider, providerRoom } = await loadForChange(vc, user, access, linkId, 'edit');
  const action = provider.actions.find((a) => a.id === actionId);
  if (!action || !managed.actions.some((a) => a.id === actionId)) throw new NotFound('This action');
  const viewer = { user, isEventManager: true };
  let result: { data: unknown; message: string };
  try {
    result = await action.run({ room: providerRoom, viewer, ctx });
  } catch (err) {
    throw await markGone(vc, provider, room.id, err, user.id);
  }
  const at = vc.clock();
  await vc.db.transaction(async (tx) => {
    await tx
      .update(vcRooms)
      .set({
        data: result.data,
        ...storedKeys(provider, result.data),
        modifiedAt: at,
        version: sql`${vcRooms.version} + 1`,
      })
      .where(eq(vcRooms.id, room.id));
    const diff = changedFields(
      roomLog(provider, room),
      roomLog(provider, { name: room.name, data: result.data }),
    );
    await writeVcLog(tx, [
      {
        eventId: access.event.id,
        actorId: user.id,
        at,
        kind: 'changed',
        summary: `Videoconference "${room.name}": ${action.label.toLowerCase()}`,
        before: diff?.before ?? null,
        after: diff?.after ?? null,
        data: { roomId: room.id, linkId, provider: provider.name, action: action.id },
      },
    ]);
  });
  return { room: await loadManagedRoom(vc, access.event, user, linkId), message: result.message };
}
