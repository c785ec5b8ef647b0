// An unexpected rejection (a bug, a driver callback that lost its caller) is logged and the server keeps
// serving: Node's default would exit the process and drop every request in flight on every instance it hits.
import { toWellFormedText } from '../contracts/text';

export interface GuardLog {
  error(obj: object, msg: string): void;
}

/** Registers the process-wide handlers; returns a function that removes them (for tests). */
export function installProcessGuards(log: GuardLog): () => void {
  const onRejection = (reason: unknown) => {
    const err =
      reason instanceof Error
        ? { type: reason.name, message: toWellFormedText(reason.message), stack: reason.stack }
        : { message: toWellFormedText(String(reason)) };
    log.error({ err }, 'unhandled promise rejection (the server keeps serving)');
  };
  process.on('unhandledRejection', onRejection);
  return () => {
    process.off('unhandledRejection', onRejection);
  };
}
