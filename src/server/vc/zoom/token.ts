// Server-to-Server OAuth tokens: one per credential set, cached in PostgreSQL for every instance,
// refreshed early and single-flight (zoom_api.md §1).
import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Clock } from '../../http/types';
import type { ZoomCredentials } from './credentials';
import { tokenErrorFromAnswer } from './error-map';
import { isZoomError, ZoomError } from './errors';
import { type Answer, backoffMs, exchange, makeRuntime, type RuntimeOptions, type ZoomRuntime } from './http';
import { zoomTokens } from './schema';
import { parseScopes } from './scopes';
import { tokenResponseSchema } from './zoom-schemas';

export interface ZoomToken {
  accessToken: string;
  /** Base of API paths, e.g. https://api.zoom.us/v2. */
  apiUrl: string;
  scopes: string[];
  expiresAt: Date;
  /** When it was obtained (the clock of the instance that asked). */
  obtainedAt: Date;
}

export interface TokenSourceOptions extends RuntimeOptions {
  /** Renew this long before expiry (default 5 min; never more than half the token's lifetime). */
  refreshMarginMs?: number;
  /** Retries of a token request that met a network error or a 5xx (default 2). */
  maxRetries?: number;
}

type DbOrTx = Pick<Db, 'select' | 'insert'>;

/** A stable key for a credential set that reveals none of it (the secret is part of the hash). */
export function tokenCacheKey(
  c: Pick<ZoomCredentials, 'accountId' | 'clientId' | 'clientSecret' | 'oauthTokenUrl'>,
) {
  return createHash('sha256')
    .update(JSON.stringify([c.accountId, c.clientId, c.clientSecret, c.oauthTokenUrl]))
    .digest('hex');
}

/** The API base for a token: `<api_url>/v2` when Zoom names one (it may be regional), else the configured base. */
export function apiBaseFor(apiUrl: string | undefined, configured: string): string {
  if (!apiUrl) return configured.replace(/\/+$/, '');
  const base = apiUrl.replace(/\/+$/, '');
  return base.endsWith('/v2') ? base : `${base}/v2`;
}

export class ZoomTokenSource {
  readonly key: string;
  private readonly lockKey: string;
  private readonly rt: ZoomRuntime;
  private readonly marginMs: number;
  private readonly maxRetries: number;
  private current: ZoomToken | undefined;
  /** A token the API refused: never handed out again, even if the shared cache still holds it. */
  private refused: string | undefined;
  private inflight: Promise<ZoomToken> | undefined;

  constructor(
    private readonly credentials: ZoomCredentials,
    private readonly db: Db,
    opts: TokenSourceOptions = {},
  ) {
    this.key = tokenCacheKey(credentials);
    // pg_advisory_xact_lock takes a bigint: the hash's first 8 bytes, read as a signed 64-bit integer.
    this.lockKey = BigInt.asIntN(64, BigInt(`0x${this.key.slice(0, 16)}`)).toString();
    this.rt = makeRuntime(opts, credentials.timeoutMs);
    this.marginMs = opts.refreshMarginMs ?? 5 * 60_000;
    this.maxRetries = opts.maxRetries ?? 2;
  }

  get clock(): Clock {
    return this.rt.clock;
  }

  /**
   * A usable token. Concurrent callers share one in-flight refresh; instances share the cache in
   * PostgreSQL and take turns through an advisory lock, so a credential set mints one token at a time.
   * `fresh` asks Zoom for a new one even when the cache holds a valid token (e.g. after scopes changed).
   */
  async get(opts: { fresh?: boolean } = {}): Promise<ZoomToken> {
    const cur = this.current;
    if (!opts.fresh && cur && this.usable(cur)) return cur;
    // A forced refresh does not join a plain one, which may merely re-read the cache.
    if (this.inflight && !opts.fresh) return this.inflight;
    const run = this.refresh(opts.fresh ?? false).finally(() => {
      if (this.inflight === run) this.inflight = undefined;
    });
    this.inflight = run;
    return run;
  }

  /** Drops a token the API refused (401, code 124); the next get() finds or fetches another. */
  invalidate(token: ZoomToken): void {
    this.refused = token.accessToken;
    if (this.current?.accessToken === token.accessToken) this.current = undefined;
  }

  private usable(t: ZoomToken): boolean {
    if (t.accessToken === this.refused) return false;
    const lifetime = t.expiresAt.getTime() - t.obtainedAt.getTime();
    const margin = Math.min(this.marginMs, Math.max(0, lifetime / 2));
    return this.rt.clock().getTime() < t.expiresAt.getTime() - margin;
  }

  private async refresh(force: boolean): Promise<ZoomToken> {
    if (!force) {
      const cached = await this.readCache(this.db);
      if (cached && this.usable(cached)) return this.keep(cached);
    }
    const token = await this.db.transaction(async (tx) => {
      // Instances wait here for each other, then re-read what the first one stored.
      await tx.execute(sql`SELECT pg_advisory_xact_lock(${this.lockKey}::bigint)`);
      if (!force) {
        const cached = await this.readCache(tx);
        if (cached && this.usable(cached)) return cached;
      }
      const fetched = await this.requestToken();
      await this.writeCache(tx, fetched);
      return fetched;
    });
    return this.keep(token);
  }

  private keep(token: ZoomToken): ZoomToken {
    this.current = token;
    return token;
  }

  private async readCache(db: DbOrTx): Promise<ZoomToken | undefined> {
    const [row] = await db.select().from(zoomTokens).where(eq(zoomTokens.key, this.key));
    if (!row) return undefined;
    return {
      accessToken: row.accessToken,
      apiUrl: row.apiUrl,
      scopes: parseScopes(row.scopes),
      expiresAt: row.expiresAt,
      obtainedAt: row.updatedAt,
    };
  }

  private async writeCache(db: DbOrTx, t: ZoomToken): Promise<void> {
    const values = {
      accessToken: t.accessToken,
      apiUrl: t.apiUrl,
      scopes: t.scopes.join(' '),
      expiresAt: t.expiresAt,
      updatedAt: t.obtainedAt,
    };
    await db
      .insert(zoomTokens)
      .values({ key: this.key, ...values })
      .onConflictDoUpdate({ target: zoomTokens.key, set: values });
  }

  /** POST with a form body and Basic auth (zoom_api.md §1: query-string parameters started to get 400s). */
  private async requestToken(): Promise<ZoomToken> {
    const { accountId, clientId, clientSecret, oauthTokenUrl, apiBaseUrl } = this.credentials;
    const init: RequestInit = {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
      },
      body: new URLSearchParams({ grant_type: 'account_credentials', account_id: accountId }).toString(),
    };
    const answer = await this.withRetries(() =>
      exchange(this.rt, oauthTokenUrl, init, 'issue an access token'),
    );
    const now = this.rt.clock();
    if (answer.status !== 200) throw tokenErrorFromAnswer(answer, now);
    let body: unknown;
    try {
      body = JSON.parse(answer.text);
    } catch {
      body = undefined;
    }
    const parsed = tokenResponseSchema.safeParse(body);
    if (!parsed.success)
      throw new ZoomError('bad-response', `Zoom's token endpoint answered without a usable access token.`, {
        httpStatus: answer.status,
      });
    const t = parsed.data;
    // Zoom gives a lifetime, not an expiry time (zoom_api.md §1).
    return {
      accessToken: t.access_token,
      apiUrl: apiBaseFor(t.api_url, apiBaseUrl),
      scopes: parseScopes(t.scope),
      expiresAt: new Date(now.getTime() + t.expires_in * 1000),
      obtainedAt: now,
    };
  }

  /** Asking for a token changes nothing on Zoom, so network errors and 5xx may be retried. */
  private async withRetries(send: () => Promise<Answer>): Promise<Answer> {
    for (let attempt = 0; ; attempt++) {
      const last = attempt >= this.maxRetries;
      try {
        const answer = await send();
        if (answer.status < 500 || last) return answer;
      } catch (err) {
        if (last || !isZoomError(err)) throw err;
      }
      await this.rt.sleep(backoffMs(attempt));
    }
  }
}
