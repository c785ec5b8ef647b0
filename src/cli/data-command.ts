// What `npm run backup` and `npm run restore` share: where a relative file name is meant from, how they
// speak, and which failures are the user's to fix (one line, exit 1) rather than a crash.
import path from 'node:path';
import { ConfigError } from '../server/config';
import { BackupError } from '../server/db/backup-file';
import { DatabaseUnreachable } from '../server/db/client';
import { EmbeddedPostgresError } from '../server/db/embedded-postgres';

/** npm runs scripts in the project's folder: a relative <file> is meant from where npm was called. */
export const fromCallerDir = (file: string) => path.resolve(process.env.INIT_CWD ?? process.cwd(), file);

export interface Speaker {
  say(line: string): void;
  /** Table by table on a terminal; from cron, only the outcome (cron mails whatever a job prints). */
  progress(line: string): void;
}

export function speaker(name: string): Speaker {
  const say = (line: string) => {
    process.stderr.write(`${name}: ${line}\n`);
  };
  return { say, progress: (line) => process.stderr.isTTY && say(line) };
}

/** Runs a command's main and sets the exit code; failures the user can fix are one line and exit 1. */
export function runDataCommand(out: Speaker, main: () => Promise<number>): void {
  const handled = (err: unknown) =>
    err instanceof ConfigError ||
    err instanceof BackupError ||
    err instanceof DatabaseUnreachable ||
    err instanceof EmbeddedPostgresError;
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      out.say(
        handled(err) && err instanceof Error
          ? err.message
          : `failed: ${err instanceof Error ? err.message : String(err)}`,
      );
      process.exitCode = 1;
    },
  );
}
