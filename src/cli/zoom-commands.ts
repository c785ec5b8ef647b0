// The commands of `npm run zoom -- <cmd>`, separate from the process entry so that tests can run them.
import type { Config } from '../server/config';
import type { Db } from '../server/db/client';
import { ZoomClient, type ZoomClientOptions } from '../server/vc/zoom/client';
import { resolveZoomCredentials } from '../server/vc/zoom/credentials';
import { ZoomError, type ZoomErrorKind } from '../server/vc/zoom/errors';
import { checkScopes } from '../server/vc/zoom/scopes';
import { parseZoomMeetingId } from '../server/vc/zoom/zoom-schemas';
import { EXIT } from './zoom-exit';
import { listZoomRooms, reconcileRooms } from './zoom-rooms';

export { EXIT };

export const USAGE = `Usage: npm run zoom -- <command> [-v]

Commands:
  check            get a token and show the API URL, the granted scopes and the missing ones
  user <email>     show the Zoom user with this e-mail (or Zoom user id)
  meeting <id>     show a meeting or webinar
  rooms [--status created|deleted]
                   list this server's Zoom rooms: id, status, meeting id, name, host, events
  reconcile [--fix]
                   compare every live Zoom room with its meeting on Zoom and report the drift;
                   --fix takes Zoom's state and marks meetings gone from Zoom deleted

Options:
  -v, --verbose    print each request to Zoom (method, path, status, time) on stderr

Exit codes: 0 ok, 2 usage, 3 credentials, 4 missing scopes, 5 not found, 6 Zoom unavailable,
7 drift found (reconcile without --fix), 1 other.`;

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

export interface CliDeps {
  config: Config;
  db: Db;
  io: CliIo;
  /** Extra client options (tests pass a fetch or a clock). */
  clientOptions?: ZoomClientOptions;
}

const EXIT_OF_KIND: Partial<Record<ZoomErrorKind, number>> = {
  credentials: EXIT.credentials,
  token: EXIT.credentials,
  scope: EXIT.scopes,
  'user-not-found': EXIT.notFound,
  'meeting-not-found': EXIT.notFound,
  'rate-limited': EXIT.unavailable,
  timeout: EXIT.unavailable,
  unavailable: EXIT.unavailable,
};

export async function runZoomCli(argv: readonly string[], deps: CliDeps): Promise<number> {
  const verbose = argv.some((a) => a === '-v' || a === '--verbose');
  const [command, ...args] = argv.filter((a) => a !== '-v' && a !== '--verbose');
  const { io } = deps;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    io.out(USAGE);
    return command ? EXIT.ok : EXIT.usage;
  }
  const run = COMMANDS[command];
  if (!run && !DB_COMMANDS.includes(command)) {
    io.err(`Unknown command "${command}".\n${USAGE}`);
    return EXIT.usage;
  }
  // rooms reads the database only: it works without Zoom credentials.
  if (command === 'rooms') return listZoomRooms(args, deps);
  try {
    const resolved = await resolveZoomCredentials(deps.config, deps.db);
    if (!resolved.configured) {
      io.err(
        `Zoom is not configured: set ${resolved.missing.join(', ')} (or enter them in the Zoom admin settings).`,
      );
      return EXIT.credentials;
    }
    const log = verbose
      ? {
          debug: (o: Record<string, unknown>) =>
            io.err(`  ${String(o.method)} ${String(o.path)} → ${String(o.status)} (${String(o.ms)} ms)`),
        }
      : undefined;
    const client = new ZoomClient(resolved.credentials, deps.db, { log, ...deps.clientOptions });
    if (command === 'reconcile') return await reconcileRooms(client, args, deps);
    if (!run) return EXIT.usage;
    return await run(client, args, io);
  } catch (err) {
    if (err instanceof ZoomError) {
      io.err(err.message);
      return EXIT_OF_KIND[err.kind] ?? EXIT.failure;
    }
    io.err(`Unexpected error: ${err instanceof Error ? err.message : String(err)}`);
    return EXIT.failure;
  }
}

type Command = (client: ZoomClient, args: string[], io: CliIo) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  async check(client, _args, io) {
    // A fresh token shows what the app has now, e.g. scopes added a minute ago, and updates the shared cache.
    const token = await client.getToken({ fresh: true });
    io.out(`Token: ok, valid until ${token.expiresAt.toISOString()}`);
    io.out(`API URL: ${token.apiUrl}`);
    io.out(`Granted scopes: ${token.scopes.length ? token.scopes.join(' ') : '(none)'}`);
    const check = checkScopes(token.scopes);
    if (!check.missing.length) {
      io.out('Missing scopes: none');
      return EXIT.ok;
    }
    io.out(`Missing scopes: ${check.toAdd.join(' ')}`);
    for (const need of check.missing)
      io.out(
        `  to ${need.purpose}: ${check.classic ? need.classic : need.granular} (or ${check.classic ? need.granular : need.classic})`,
      );
    io.out(
      'Webinar scopes are needed even with webinars off: a meeting can be turned into a webinar on zoom.us.',
    );
    return EXIT.scopes;
  },

  async user(client, args, io) {
    const [email] = args;
    if (!email || args.length > 1) {
      io.err('Usage: npm run zoom -- user <email>');
      return EXIT.usage;
    }
    const user = await client.getUser(email);
    const name =
      [user.first_name, user.last_name].filter(Boolean).join(' ') || user.display_name || '(no name)';
    io.out(`Zoom user ${user.id}: ${name} <${user.email}>`);
    io.out(
      `Type: ${USER_TYPES[user.type ?? 0] ?? String(user.type ?? 'unknown')}, status: ${user.status ?? 'unknown'}`,
    );
    if (user.timezone) io.out(`Time zone: ${user.timezone}`);
    return EXIT.ok;
  },

  async meeting(client, args, io) {
    const id = args.length === 1 ? parseZoomMeetingId(args[0]) : undefined;
    if (id === undefined) {
      io.err('Usage: npm run zoom -- meeting <id> (the meeting number, digits only)');
      return EXIT.usage;
    }
    const m = await client.getMeeting(id);
    io.out(`${m.kind === 'webinar' ? 'Webinar' : 'Meeting'} ${m.id}: ${m.topic}`);
    io.out(`Type: ${m.type}${m.status ? `, status: ${m.status}` : ''}`);
    if (m.start_time)
      io.out(`Starts: ${m.start_time} (${m.duration ?? '?'} min${m.timezone ? `, ${m.timezone}` : ''})`);
    if (m.host_email ?? m.host_id) io.out(`Host: ${m.host_email ?? m.host_id}`);
    const alt = m.settings?.alternative_hosts;
    if (alt) io.out(`Alternative hosts: ${alt}`);
    // The join URL's query carries the encrypted passcode: shown without it.
    io.out(`Join URL: ${m.join_url.split('?')[0]}${m.password ? ' (passcode not shown)' : ''}`);
    return EXIT.ok;
  },
};

/** Commands that run on the database (rooms), or with the client and the database (reconcile). */
const DB_COMMANDS = ['rooms', 'reconcile'];

/** Whether argv names a command (options aside), so that an unknown one is refused before the database opens. */
export function knownZoomCommand(argv: readonly string[]): boolean {
  const command = argv.find((a) => a !== '-v' && a !== '--verbose');
  return command !== undefined && (command in COMMANDS || DB_COMMANDS.includes(command));
}

const USER_TYPES: Record<number, string> = { 1: 'Basic', 2: 'Licensed', 3: 'On-prem', 99: 'None' };
