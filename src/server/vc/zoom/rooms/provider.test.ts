import { describe, expect, it } from 'vitest';
import type { Config } from '../../../config';
import type { Db } from '../../../db/client';
import type { Mailer } from '../../../mail/mailer';
import type { ProviderContext, ProviderRoom, VcProvider } from '../../provider';
import type { ZoomRuntime } from '../runtime';
import { createZoomProvider } from './provider';
import type { ZoomLinkData, ZoomRoomData } from './room-data';

// Built in one call, without an app, a database or Zoom: nothing here may be reached.
const unreachable = <T extends object>(name: string) =>
  new Proxy({} as T, {
    get: (_target, key) => {
      throw new Error(`${name}.${String(key)} was used`);
    },
  });

const provider = createZoomProvider({
  config: unreachable<Config>('config'),
  db: unreachable<Db>('db'),
  mailer: unreachable<Mailer>('mailer'),
  runtime: unreachable<ZoomRuntime>('runtime'),
  client: () => Promise.reject(new Error('Zoom was called')),
}) as VcProvider<ZoomRoomData, ZoomLinkData, unknown, unknown, { phoneLink: string }>;

const room: ProviderRoom<ZoomRoomData> = {
  id: 7,
  name: 'Weekly meeting',
  status: 'created',
  data: {
    meetingId: '81234567890',
    kind: 'meeting',
    zoomType: 2,
    startTime: '2030-01-15T09:00:00Z',
    duration: 60,
    timezone: 'Europe/Zurich',
    description: '',
    hostUserId: 3,
    hostName: 'Ada Lovelace',
    hostEmail: 'ada@example.org',
    alternativeHostIds: [],
    alternativeHostEmails: [],
    passcode: 'secret1',
    phonePasscode: '123456',
    roomSystemPasscode: null,
    publicJoinUrl: 'https://zoom.us/j/81234567890',
    joinUrl: 'https://zoom.us/j/81234567890?pwd=abc',
    muteAudio: false,
    muteHostVideo: false,
    muteParticipantVideo: false,
    joinBeforeHost: false,
    waitingRoom: true,
    dialIn: [
      { country: 'CH', countryName: 'Switzerland', city: 'Zurich', number: '+41 44 000 00 00', type: 'toll' },
    ],
    registrationRequired: false,
    liveSince: null,
  },
  createdById: 3,
  linkCount: 1,
};

const phoneSection = (phoneLink: string) =>
  provider
    .displayInfo({
      room,
      linkData: { passcodeVisibility: 'everyone' },
      viewer: { user: undefined, isEventManager: false },
      settings: { phoneLink },
    })
    .sections.find((s) => s.title === 'Join by phone');

describe('the Zoom provider built on its own', () => {
  it('shows what the settings it is given say, without isEnabled having run', () => {
    expect(phoneSection('https://example.org/dial-in')?.items).toContainEqual({
      label: 'How to join by phone',
      value: 'https://example.org/dial-in',
      kind: 'url',
    });
    expect(phoneSection('')?.items.map((i) => i.label)).not.toContain('How to join by phone');
  });

  it('reads its display settings through the context it is given', async () => {
    const keys: string[] = [];
    const ctx = {
      settings: {
        read: async <T>(key: string) => {
          keys.push(key);
          return [{ key: 'phoneLink', value: 'https://example.org/phones' }] as T;
        },
      },
    } as unknown as ProviderContext;
    expect(await provider.displaySettings({ ctx })).toEqual({ phoneLink: 'https://example.org/phones' });
    expect(keys).toEqual(['zoom']);
  });
});
