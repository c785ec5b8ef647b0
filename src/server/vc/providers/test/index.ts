/*
 * "Test rooms": the minimal provider that proves the module works without any outside service. A room is a
 * random code and a join page served by this app (/vc/test-rooms/<code>); there is no API to call, so the
 * pretend service's failures come from fault injection (controls.ts). Off unless an administrator (or a
 * test) enables it: settings row module 'vc', key 'test-rooms'.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import {
  type PasscodeVisibility,
  TestRoomForm,
  type TestRoomForm as TestRoomFormValues,
  TestRoomLinkForm,
} from '../../../../contracts/vc-test';
import type { Config } from '../../../config';
import type { Db } from '../../../db/client';
import type { Clock } from '../../../http/types';
import type { ConnectionDetails, DetailItem, ProviderRoom, RoomViewer, VcProvider } from '../../provider';
import { TestRoomsControls } from './controls';
import { registerTestRoomsRoutes } from './routes';
import { isTestRoomsEnabled } from './settings';

export const TEST_ROOMS = 'test';

export const TestRoomData = z.object({
  code: z.string(),
  description: z.string(),
  passcode: z.string(),
  joinRequiresLogin: z.boolean(),
  /** The user who hosts the room (the creator, until someone takes it over with the action). */
  hostUserId: z.number().nullable(),
});
export type TestRoomData = z.infer<typeof TestRoomData>;

export const TestRoomLinkData = z.object({ passcodeVisibility: TestRoomLinkForm.shape.passcodeVisibility });
export type TestRoomLinkData = z.infer<typeof TestRoomLinkData>;

function passcodeVisible(visibility: PasscodeVisibility, viewer: RoomViewer): boolean {
  if (viewer.isEventManager) return true;
  if (visibility === 'everyone') return true;
  return visibility === 'logged_in' && viewer.user !== undefined;
}

/** What the Test rooms provider is built from. */
export interface TestRoomsDeps {
  config: Config;
  db: Db;
  clock: Clock;
}

/** A Test rooms provider, with the fault-injection controls of its pretend service (tests use them). */
export type TestRoomsProvider = VcProvider & { controls: TestRoomsControls };

/** The fault-injection controls of a Test rooms provider (tests only). */
export function testRoomsControls(provider: VcProvider | undefined): TestRoomsControls {
  const controls = provider && 'controls' in provider ? provider.controls : undefined;
  if (!(controls instanceof TestRoomsControls)) throw new Error('not a Test rooms provider');
  return controls;
}

type Room = ProviderRoom<TestRoomData>;

export function testRoomsProvider(deps: TestRoomsDeps): TestRoomsProvider {
  const controls = new TestRoomsControls();
  const joinBase = `${deps.config.baseUrl}/vc/test-rooms`;

  const joinUrl = (data: TestRoomData, withPasscode: boolean) =>
    `${joinBase}/${data.code}${withPasscode && data.passcode ? `?pwd=${encodeURIComponent(data.passcode)}` : ''}`;

  function displayInfo({
    room,
    linkData,
    viewer,
  }: {
    room: Room;
    linkData: TestRoomLinkData;
    viewer: RoomViewer;
  }): ConnectionDetails {
    const data = room.data;
    const showPasscode = passcodeVisible(linkData.passcodeVisibility, viewer);
    const items: DetailItem[] = [{ label: 'Room code', value: data.code, kind: 'text', copyable: true }];
    if (data.description) items.push({ label: 'Description', value: data.description, kind: 'text' });
    if (data.passcode && showPasscode)
      items.push({ label: 'Passcode', value: data.passcode, kind: 'secret', copyable: true });
    const mayJoin = !data.joinRequiresLogin || viewer.user !== undefined;
    if (mayJoin)
      items.push({ label: 'Link', value: joinUrl(data, showPasscode), kind: 'url', copyable: true });
    let joinHint: string | undefined;
    if (!mayJoin) joinHint = 'Log in to join this videoconference.';
    else if (data.passcode && !showPasscode) {
      joinHint =
        linkData.passcodeVisibility === 'logged_in'
          ? 'Log in to see the passcode, or ask the organisers for it.'
          : 'You will need the passcode: the organisers send it separately.';
    }
    return {
      joinUrl: mayJoin ? joinUrl(data, showPasscode) : undefined,
      ...(joinHint ? { joinHint } : {}),
      ...(mayJoin ? {} : { loginRequired: true }),
      items,
      sections: [
        {
          title: 'For organisers',
          audience: 'managers',
          items: [
            { label: 'Host', value: data.hostUserId ? `User #${data.hostUserId}` : 'Nobody', kind: 'text' },
            {
              label: 'Passcode shown to',
              value: { everyone: 'everyone', logged_in: 'logged-in users', no_one: 'no one' }[
                linkData.passcodeVisibility
              ],
              kind: 'text',
            },
          ],
        },
      ],
      badges: data.joinRequiresLogin ? ['Login required'] : [],
    };
  }

  const provider: VcProvider<TestRoomData, TestRoomLinkData, TestRoomFormValues, TestRoomLinkForm> = {
    name: TEST_ROOMS,
    displayName: 'Test rooms',
    description: 'Rooms with a join link served by this server, for tests and demonstrations.',
    logoUrl: '/vc/test.svg',
    roomDataSchema: TestRoomData,
    linkDataSchema: TestRoomLinkData,
    formSchema: TestRoomForm,
    linkFormSchema: TestRoomLinkForm,

    isEnabled: ({ ctx }) => isTestRoomsEnabled(ctx.db),
    canCreate: async () => true,
    isServiceManager: async ({ user }) => user.isAdmin,
    hostKeys: ({ data }) => (data.hostUserId ? [`user:${data.hostUserId}`] : []),
    userHostKeys: async ({ user }) => [`user:${user.id}`],
    searchKeys: ({ data }) => [data.code],

    formDefaults: async () => ({ description: '', passcode: '', joinRequiresLogin: false }),
    linkFormDefaults: () => ({ passcodeVisibility: 'logged_in' }),
    formValues: ({ room, linkData }) => ({
      form: {
        description: room.data.description,
        passcode: room.data.passcode,
        joinRequiresLogin: room.data.joinRequiresLogin,
      },
      link: { passcodeVisibility: linkData.passcodeVisibility },
    }),
    applyForm: ({ room, form }) => ({ ...room.data, ...form }),
    linkDataFromForm: ({ link }) => ({ passcodeVisibility: link.passcodeVisibility }),

    async create({ form, creator, intent }) {
      controls.record({ op: 'create' });
      const data: TestRoomData = {
        code: randomBytes(5).toString('hex'),
        description: form.description,
        passcode: form.passcode,
        joinRequiresLogin: form.joinRequiresLogin,
        hostUserId: creator.id,
      };
      await intent.record({ code: data.code });
      await controls.succeeded('create');
      return data;
    },
    // The pretend service keeps every code it made that nobody deleted: a lost one is deleted here.
    async sweepCreate({ data }) {
      const code = z.object({ code: z.string() }).safeParse(data);
      if (!code.success) return;
      controls.record({ op: 'delete', code: code.data.code });
      controls.forget(code.data.code);
    },
    async update({ room, data }) {
      controls.record({ op: 'update', roomId: room.id, code: room.data.code });
      controls.assertExists(room.data.code);
      await controls.succeeded('update');
      return data;
    },
    async refresh({ room }) {
      controls.record({ op: 'refresh', roomId: room.id, code: room.data.code });
      if (controls.takeGoneOnRefresh() || controls.isGone(room.data.code)) return { status: 'gone' };
      const change = controls.changes.get(room.data.code);
      return {
        status: 'ok',
        name: change?.name ?? room.name,
        data: {
          ...room.data,
          ...(change?.description !== undefined ? { description: change.description } : {}),
        },
      };
    },
    async delete({ room }) {
      controls.record({ op: 'delete', roomId: room.id, code: room.data.code });
      controls.forget(room.data.code);
    },
    async beforeLink({ room, newTarget, reason }) {
      const refusal = controls.takeLinkRefusal();
      if (refusal) return { allow: false, reason: refusal };
      // A room that starts being shared gets a note in its description, as a real provider would adapt its
      // scheduling: this exercises the module's push of adapted data (update with reason 'sync').
      if (room.linkCount >= 1 && !room.data.description.includes('[shared]')) {
        return {
          allow: true,
          data: { ...room.data, description: `${room.data.description} [shared]`.trim() },
          notice: `The room is now shared: it also serves "${newTarget.title}" (${reason}).`,
        };
      }
      return { allow: true };
    },

    displaySettings: async () => undefined,
    displayInfo,
    logView: ({ data }) => ({
      code: data.code,
      description: data.description,
      // The passcode is a secret: the log says whether there is one, never what it is.
      passcode: data.passcode ? 'set' : 'none',
      joinRequiresLogin: data.joinRequiresLogin,
      hostUserId: data.hostUserId,
    }),
    linkLogView: ({ linkData }) => ({ passcodeVisibility: linkData.passcodeVisibility }),
    actions: [
      {
        id: 'take-host',
        label: 'Make me the host',
        isAvailable: ({ room, viewer }) =>
          viewer.isEventManager && viewer.user !== undefined && room.data.hostUserId !== viewer.user.id,
        async run({ room, viewer }) {
          controls.record({ op: 'action', roomId: room.id, code: room.data.code });
          controls.assertExists(room.data.code);
          const hostUserId = viewer.user?.id ?? null;
          return { data: { ...room.data, hostUserId }, message: 'You are now the host of this room.' };
        },
      },
    ],
    registerRoutes: (app) => registerTestRoomsRoutes(app, deps),
  };
  return Object.assign(provider, { controls });
}
