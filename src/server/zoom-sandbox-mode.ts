// With no Zoom credentials, Convene runs the Zoom sandbox in-process (DESIGN.md "Zoom sandbox") so that the
// offline demo goes end to end: the sandbox is mounted under /zoom-sandbox, every local account is one of
// its users, and its meetings survive restarts in DATA_DIR/zoom-sandbox.json. The process entry (main.ts)
// loads this module only when it may mount it, and gives it to the Zoom feature as its stand-in: the Zoom
// provider sees only credentials naming the sandbox's URLs.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { createSandboxState, type SandboxState, zoomSandboxPlugin } from '../zoom-sandbox';
import type { MeetingRecord, SandboxUser } from '../zoom-sandbox/types';
import { userEmails, users } from './auth/schema';
import type { App, AppDeps } from './http/types';
import type { ZoomCredentials } from './vc/zoom/credentials';
import type { MountZoomStandIn, ZoomStandIn } from './vc/zoom/runtime';

export const SANDBOX_PREFIX = '/zoom-sandbox';
/** Local accounts are looked up at most this often while the sandbox is in use. */
const USER_SYNC_MS = 1000;

interface Snapshot {
  users: SandboxUser[];
  meetings: MeetingRecord[];
}

export interface InProcessSandbox extends ZoomStandIn {
  state: SandboxState;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The in-process Zoom sandbox, when mounted (tests reach its state through it). */
    zoomSandbox?: InProcessSandbox;
  }
}

export const mountInProcessSandbox: MountZoomStandIn = async (app, deps, opts) => {
  const credentials: ZoomCredentials = {
    accountId: 'convene-sandbox',
    clientId: 'convene-sandbox-client',
    // A new secret each start: it never leaves this process.
    clientSecret: randomBytes(24).toString('base64url'),
    webhookSecret: randomBytes(24).toString('base64url'),
    oauthTokenUrl: `${deps.config.baseUrl}${SANDBOX_PREFIX}/oauth/token`,
    apiBaseUrl: `${deps.config.baseUrl}${SANDBOX_PREFIX}/v2`,
    timeoutMs: deps.config.zoom.timeoutMs,
  };
  const state = createSandboxState({
    publicUrl: `${deps.config.baseUrl}${SANDBOX_PREFIX}`,
    credentials: {
      accountId: credentials.accountId,
      clientId: credentials.clientId,
      clientSecret: credentials.clientSecret,
    },
    webhook: { url: opts.webhookUrl, secretToken: credentials.webhookSecret ?? '' },
    clock: deps.clock,
    fetch: opts.fetch,
  });
  const file = path.join(deps.config.dataDir, 'zoom-sandbox.json');
  restore(state, file, app);
  let saveTimer: NodeJS.Timeout | undefined;
  const save = () => {
    saveTimer = undefined;
    const snapshot: Snapshot = { users: [...state.users.all()], meetings: state.meetings.all() };
    fs.writeFileSync(`${file}.tmp`, JSON.stringify(snapshot));
    fs.renameSync(`${file}.tmp`, file);
  };
  let lastSync = 0;

  await app.register(
    async (scope) => {
      scope.addHook('onRequest', async (_request, reply) => {
        if (!(await opts.isActive())) return reply.callNotFound();
        if (deps.clock().getTime() - lastSync < USER_SYNC_MS) return;
        lastSync = deps.clock().getTime();
        await syncLocalUsers(state, deps);
      });
      scope.addHook('onResponse', async (request) => {
        if (request.method === 'GET' || saveTimer) return;
        saveTimer = setTimeout(save, 200);
      });
      await scope.register(zoomSandboxPlugin, { state });
    },
    { prefix: SANDBOX_PREFIX },
  );

  const sandbox: InProcessSandbox = {
    state,
    credentials,
    close() {
      if (saveTimer) {
        clearTimeout(saveTimer);
        save();
      }
      state.close();
    },
  };
  app.decorate('zoomSandbox', sandbox);
  return sandbox;
};

function restore(state: SandboxState, file: string, app: App): void {
  let snapshot: Snapshot;
  try {
    snapshot = JSON.parse(fs.readFileSync(file, 'utf8')) as Snapshot;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') {
      app.log.warn({ err, file }, 'the Zoom sandbox snapshot cannot be read; starting empty');
    }
    return;
  }
  for (const user of snapshot.users ?? []) {
    if (!state.users.find(user.accountId, user.email)) state.addUser({ ...user });
  }
  for (const meeting of snapshot.meetings ?? []) state.meetings.save(meeting);
}

/** Every local account's primary e-mail is a licensed user of the sandbox; administrators may run webinars. */
async function syncLocalUsers(state: SandboxState, deps: AppDeps): Promise<void> {
  const rows = await deps.db
    .select({ email: userEmails.email, name: users.name, isAdmin: users.isAdmin })
    .from(users)
    .innerJoin(userEmails, eq(userEmails.userId, users.id))
    .where(eq(userEmails.isPrimary, true));
  const accountId = state.credentials[0]?.accountId ?? 'convene-sandbox';
  for (const row of rows) {
    if (state.users.find(accountId, row.email)) continue;
    const [first = row.name, ...rest] = row.name.split(' ');
    state.addUser({
      email: row.email,
      accountId,
      firstName: first.slice(0, 64),
      lastName: rest.join(' ').slice(0, 64),
      type: 2,
      webinar: row.isAdmin,
    });
  }
}
