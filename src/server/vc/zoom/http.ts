// One HTTP exchange with Zoom under a timeout, logged without secrets; shared by the token and API calls.
import type { Clock } from '../../http/types';
import { ZoomError } from './errors';

/** The part of `fetch` the client uses; the global one fits, tests pass their own. */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/** Debug lines: method, path, status, ms; never headers, bodies or query strings (tokens, passcodes). */
export interface ZoomLogger {
  debug(obj: Record<string, unknown>, msg: string): void;
}

export interface ZoomRuntime {
  fetch: FetchLike;
  clock: Clock;
  sleep: (ms: number) => Promise<void>;
  log: ZoomLogger | undefined;
  timeoutMs: number;
}

export interface RuntimeOptions {
  fetch?: FetchLike;
  clock?: Clock;
  /** How retries wait; tests pass one that records the waits and returns at once. */
  sleep?: (ms: number) => Promise<void>;
  log?: ZoomLogger;
  timeoutMs?: number;
}

export function makeRuntime(opts: RuntimeOptions, timeoutMs: number): ZoomRuntime {
  return {
    fetch: opts.fetch ?? ((url, init) => fetch(url, init)),
    clock: opts.clock ?? (() => new Date()),
    sleep: opts.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    log: opts.log,
    timeoutMs: opts.timeoutMs ?? timeoutMs,
  };
}

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
}

/**
 * Sends one request and reads the whole body, both within the timeout. Throws ZoomError `timeout` or
 * `unavailable` when no answer arrives; any HTTP status is returned as it is.
 */
export async function exchange(
  rt: ZoomRuntime,
  url: string,
  init: RequestInit,
  /** What was asked, for messages: "look up ana@example.org", "issue an access token". */
  purpose: string,
): Promise<Answer> {
  const started = performance.now();
  const method = init.method ?? 'GET';
  const path = new URL(url).pathname;
  const signal = AbortSignal.timeout(rt.timeoutMs);
  try {
    const res = await rt.fetch(url, { ...init, signal });
    const text = await res.text();
    rt.log?.debug(
      { method, path, status: res.status, ms: Math.round(performance.now() - started) },
      'zoom request',
    );
    return { status: res.status, headers: res.headers, text };
  } catch (err) {
    const ms = Math.round(performance.now() - started);
    const timedOut = signal.aborted || (err instanceof Error && err.name === 'TimeoutError');
    rt.log?.debug({ method, path, status: timedOut ? 'timeout' : 'network-error', ms }, 'zoom request');
    if (timedOut)
      throw new ZoomError(
        'timeout',
        `Zoom did not answer within ${rt.timeoutMs / 1000} s when asked to ${purpose}.`,
        {
          cause: err,
        },
      );
    const reason = err instanceof Error ? describeNetworkError(err) : String(err);
    throw new ZoomError('unavailable', `Zoom could not be reached to ${purpose} (${reason}).`, {
      cause: err,
    });
  }
}

function describeNetworkError(err: Error): string {
  const cause = err.cause as { code?: unknown; message?: unknown } | undefined;
  if (cause && typeof cause.code === 'string') return cause.code;
  if (cause && typeof cause.message === 'string') return cause.message;
  return err.message;
}

/** Exponential backoff with a little jitter: 0.5 s, 1 s, 2 s … capped at 8 s. */
export function backoffMs(attempt: number, baseMs = 500): number {
  const ms = Math.min(8_000, baseMs * 2 ** attempt);
  return Math.round(ms * (0.8 + Math.random() * 0.4));
}
