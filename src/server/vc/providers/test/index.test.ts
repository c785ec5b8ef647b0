import { describe, expect, it } from 'vitest';
import type { Config } from '../../../config';
import type { Db } from '../../../db/client';
import type { ProviderRoom } from '../../provider';
import { type TestRoomData, testRoomsProvider } from './index';

const provider = testRoomsProvider({
  config: { baseUrl: 'https://events.example.org' } as Config,
  db: {} as Db,
  clock: () => new Date(),
});

const room: ProviderRoom<TestRoomData> = {
  id: 1,
  name: 'Room',
  status: 'created',
  data: { code: 'abc', description: '', passcode: 'pw1', joinRequiresLogin: false, hostUserId: 3 },
  createdById: 3,
  linkCount: 1,
};
const user = { id: 9, name: 'Pat', email: 'pat@example.org', isAdmin: false };

const info = (visibility: string, viewer: { user?: typeof user; isEventManager: boolean }) =>
  provider.displayInfo({
    room,
    linkData: { passcodeVisibility: visibility },
    viewer: { user: undefined, ...viewer },
    settings: undefined,
  });

describe('what Test rooms lets a viewer see', () => {
  it('shows the passcode, and a join link carrying it, only to those the link allows', () => {
    expect(info('logged_in', { isEventManager: false }).joinUrl).toBe(
      'https://events.example.org/vc/test-rooms/abc',
    );
    expect(info('logged_in', { user, isEventManager: false }).joinUrl).toBe(
      'https://events.example.org/vc/test-rooms/abc?pwd=pw1',
    );
    expect(JSON.stringify(info('no_one', { user, isEventManager: false }))).not.toContain('pw1');
    expect(JSON.stringify(info('no_one', { isEventManager: true }))).toContain('pw1');
    expect(info('everyone', { isEventManager: false }).items.map((i) => i.label)).toContain('Passcode');
  });

  it('keeps the passcode out of the log', () => {
    expect(JSON.stringify(provider.logView({ data: room.data }))).not.toContain('pw1');
  });

  it('pre-fills the form without touching the room', () => {
    const before = JSON.stringify(room);
    const values = provider.formValues({ room, linkData: { passcodeVisibility: 'everyone' } });
    (values.form as { passcode: string }).passcode = 'changed';
    expect(JSON.stringify(room)).toBe(before);
  });
});
