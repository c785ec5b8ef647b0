// One call to Zoom's REST API with its failure policy: a fresh token once on 401, short waits on
// per-second 429s, backoff on 5xx and network errors only for idempotent calls, typed errors otherwise.
import type { z } from 'zod';
import { parseWellFormedJson } from '../../http/well-formed';
import { type CallContext, zoomErrorFromAnswer } from './error-map';
import { isZoomError, ZoomError } from './errors';
import { type Answer, backoffMs, exchange, type ZoomRuntime } from './http';
import type { ZoomToken } from './token';

export type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
export type Query = Record<string, string | number | boolean | undefined>;

export interface CallSpec {
  method: Method;
  /** Below the API base, e.g. `/meetings/123`; path parameters already encoded. */
  path: string;
  query?: Query;
  body?: unknown;
  /**
   * Whether sending it twice is harmless. GET and DELETE are; PATCH is for us (it sets fields to given
   * values); a POST that creates is not: a retry after a lost answer could make a second meeting.
   */
  idempotent: boolean;
  ctx: CallContext;
}

export interface RetryPolicy {
  /** Retries of an idempotent call after a network error, timeout or 5xx (default 2). */
  maxRetries: number;
  /** Retries after per-second 429s (default 3). */
  maxRateLimitRetries: number;
  /** A per-second 429 asking for a longer wait is raised instead (default 5 s). */
  maxRateLimitWaitMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxRetries: 2,
  maxRateLimitRetries: 3,
  maxRateLimitWaitMs: 5_000,
};

/** Where calls get their bearer token (ZoomTokenSource; tests may pass a stub). */
export interface TokenProvider {
  get(): Promise<ZoomToken>;
  invalidate(token: ZoomToken): void;
}

export class ZoomApi {
  constructor(
    readonly tokens: TokenProvider,
    private readonly rt: ZoomRuntime,
    private readonly policy: RetryPolicy = DEFAULT_RETRY_POLICY,
  ) {}

  /** Calls and validates a JSON answer (200/201). */
  async json<S extends z.ZodType>(spec: CallSpec, schema: S): Promise<z.output<S>> {
    const answer = await this.call(spec);
    let body: unknown;
    try {
      // What Zoom answers is stored (topics, names): made well-formed text before anything reads it.
      body = parseWellFormedJson(answer.text);
    } catch {
      throw this.unreadable(spec, answer, 'not JSON');
    }
    const parsed = schema.safeParse(body);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    throw this.unreadable(
      spec,
      answer,
      issue ? `${issue.path.join('.') || 'body'}: ${issue.message}` : 'invalid',
    );
  }

  /** Calls an endpoint that answers 204 without a body (PATCH, DELETE). */
  async empty(spec: CallSpec): Promise<void> {
    await this.call(spec);
  }

  /** Sends until a 2xx answer, or throws the ZoomError that explains why not. */
  async call(spec: CallSpec): Promise<Answer> {
    let refreshedToken = false;
    let failures = 0;
    let rateLimitWaits = 0;
    for (;;) {
      const token = await this.tokens.get();
      let answer: Answer;
      try {
        answer = await exchange(this.rt, this.url(token, spec), this.init(token, spec), spec.ctx.operation);
      } catch (err) {
        if (!isZoomError(err)) throw err;
        if (spec.idempotent && failures < this.policy.maxRetries) {
          await this.rt.sleep(backoffMs(failures++));
          continue;
        }
        throw spec.idempotent ? err : maybeDone(err);
      }
      if (answer.status >= 200 && answer.status < 300) return answer;

      // An expired or revoked token: drop it, take a fresh one, retry once (zoom_api.md §1, as Indico does).
      if (answer.status === 401 && !refreshedToken) {
        refreshedToken = true;
        this.tokens.invalidate(token);
        continue;
      }
      const error = zoomErrorFromAnswer(answer, spec.ctx, this.rt.clock());
      if (error.kind === 'rate-limited' && error.rateLimit === 'per-second') {
        const wait = this.rateLimitWait(error, rateLimitWaits);
        if (wait !== undefined) {
          rateLimitWaits++;
          await this.rt.sleep(wait);
          continue;
        }
      }
      if (answer.status >= 500 && spec.idempotent && failures < this.policy.maxRetries) {
        await this.rt.sleep(backoffMs(failures++));
        continue;
      }
      throw answer.status >= 500 && !spec.idempotent ? maybeDone(error) : error;
    }
  }

  /** How long to wait before retrying a per-second 429, or undefined when it should be raised. */
  private rateLimitWait(error: ZoomError, waitsSoFar: number): number | undefined {
    if (waitsSoFar >= this.policy.maxRateLimitRetries) return undefined;
    const fallback = 1_000 * (waitsSoFar + 1);
    const wait = error.retryAt ? error.retryAt.getTime() - this.rt.clock().getTime() : fallback;
    if (wait > this.policy.maxRateLimitWaitMs) return undefined;
    return Math.max(wait, 100);
  }

  private unreadable(spec: CallSpec, answer: Answer, why: string): ZoomError {
    return new ZoomError(
      'bad-response',
      `Zoom answered the request to ${spec.ctx.operation} with a body Convene cannot read (${why}).`,
      { httpStatus: answer.status },
    );
  }

  private url(token: ZoomToken, spec: CallSpec): string {
    const url = new URL(`${token.apiUrl}${spec.path}`);
    for (const [k, v] of Object.entries(spec.query ?? {}))
      if (v !== undefined) url.searchParams.set(k, String(v));
    return url.toString();
  }

  private init(token: ZoomToken, spec: CallSpec): RequestInit {
    const headers: Record<string, string> = {
      authorization: `Bearer ${token.accessToken}`,
      accept: 'application/json',
    };
    if (spec.body === undefined) return { method: spec.method, headers };
    headers['content-type'] = 'application/json';
    return { method: spec.method, headers, body: JSON.stringify(spec.body) };
  }
}

/** A create that failed without a clear refusal may have been carried out: say so, so nobody blindly creates twice. */
function maybeDone(err: ZoomError): ZoomError {
  return new ZoomError(
    err.kind,
    `${err.message} It may have been done on Zoom anyway: check before trying again.`,
    {
      httpStatus: err.httpStatus,
      zoomCode: err.zoomCode,
      cause: err.cause ?? err,
    },
  );
}
