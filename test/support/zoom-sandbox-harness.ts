// Runs the Zoom sandbox on a real local port for the client's tests, with a test database and a clock
// shared by the sandbox and the clients (so tokens expire for both at once).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { ZoomClient, type ZoomClientOptions } from '../../src/server/vc/zoom/client';
import type { ZoomCredentials } from '../../src/server/vc/zoom/credentials';
import { buildZoomSandbox, createSandboxState, type SandboxState } from '../../src/zoom-sandbox';
import { fakeClock } from './app';
import { createTestDatabase, type TestDatabase } from './database';

export const SANDBOX_APP = {
  accountId: 'acc-convene',
  clientId: 'client-convene',
  clientSecret: 'secret-convene',
};
export const HOST = 'host@example.org';
export const WEBINAR_HOST = 'webinar-host@example.org';
export const BASIC_USER = 'basic@example.org';
export const PENDING_USER = 'pending@example.org';

export interface SandboxHarness {
  state: SandboxState;
  db: TestDatabase['db'];
  database: TestDatabase;
  clock: ReturnType<typeof fakeClock>;
  baseUrl: string;
  credentials: ZoomCredentials;
  /** Sleeps requested by clients; they return at once and move the shared clock on. */
  waits: number[];
  /** A new client (a new "instance" when `tokens` is not shared) on the harness's database and clock. */
  client(opts?: ZoomClientOptions & { credentials?: Partial<ZoomCredentials> }): ZoomClient;
}

/** One sandbox and one database for a test file; the sandbox is reset and the token cache emptied before each test. */
export function useZoomSandbox(): SandboxHarness {
  const h = { waits: [] as number[] } as unknown as SandboxHarness;
  const server = http.createServer();
  let close: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    h.baseUrl = `http://127.0.0.1:${port}`;
    h.clock = fakeClock();
    h.state = createSandboxState({
      publicUrl: h.baseUrl,
      credentials: SANDBOX_APP,
      clock: h.clock,
      testControls: true,
      users: [
        {
          email: HOST,
          firstName: 'Hana',
          lastName: 'Host',
          type: 2,
          webinar: false,
          passwordRequirement: { length: 8, only_allow_numeric: true },
        },
        { email: WEBINAR_HOST, firstName: 'Wim', lastName: 'Webinar', type: 2, webinar: true },
        { email: BASIC_USER, firstName: 'Bas', lastName: 'Basic', type: 1 },
        { email: PENDING_USER, status: 'pending' },
      ],
    });
    const app = await buildZoomSandbox({ state: h.state });
    await app.ready();
    // The sandbox must know its public URL (the token's api_url) before it is built, so it is served
    // on a port opened first.
    server.on('request', (req, res) => app.routing(req, res));
    h.database = await createTestDatabase();
    h.db = h.database.db;
    h.credentials = {
      ...SANDBOX_APP,
      webhookSecret: undefined,
      oauthTokenUrl: `${h.baseUrl}/oauth/token`,
      apiBaseUrl: `${h.baseUrl}/v2`,
      timeoutMs: 2_000,
    };
    h.client = (opts = {}) => {
      const { credentials, ...rest } = opts;
      return new ZoomClient({ ...h.credentials, ...credentials }, h.db, {
        clock: h.clock,
        sleep: async (ms) => {
          h.waits.push(ms);
          h.clock.advance(ms);
        },
        ...rest,
      });
    };
    close = async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await app.close();
      h.state.close();
    };
  });

  beforeEach(async () => {
    h.state.reset();
    h.clock.set(new Date('2030-01-15T09:00:00Z'));
    h.waits.length = 0;
    await h.database.pool.query('DELETE FROM zoom_tokens');
  });

  afterAll(async () => {
    await close?.();
    await h.database?.drop();
  });

  return h;
}
