// Event notifications to the app's endpoint, signed with the v0 scheme and retried on failure as
// Zoom does (zoom_api.md §4). Delivery runs beside the API: it never delays or fails a request.
import { createHmac } from 'node:crypto';
import type { SandboxClock } from './clock';
import { randomToken, randomTrackingId } from './ids';
import type { WebhookOptions } from './types';

export const DEFAULT_RETRY_DELAYS_MS = [5 * 60_000, 20 * 60_000, 60 * 60_000];
export const DEFAULT_TIMEOUT_MS = 3000;

export interface WebhookAttempt {
  at: string;
  status?: number;
  error?: string;
}

export type DeliveryStatus = 'pending' | 'delivered' | 'failed' | 'cancelled';

export interface WebhookDelivery {
  id: string;
  event: string;
  /** The exact bytes sent, which the signature covers. */
  body: string;
  status: DeliveryStatus;
  attempts: WebhookAttempt[];
}

export interface UrlValidationResult {
  ok: boolean;
  status?: number;
  error?: string;
}

interface Config {
  url: string;
  secretToken: string;
  retryDelaysMs: number[];
  timeoutMs: number;
  events: ReadonlySet<string> | undefined;
}

/** `x-zm-signature`: "v0=" + hex HMAC-SHA256(secret, "v0:" + timestamp + ":" + raw body). */
export function signWebhook(secretToken: string, timestamp: string, body: string): string {
  return `v0=${createHmac('sha256', secretToken).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

/** The `encryptedToken` an endpoint must return for a url_validation challenge. */
export function encryptPlainToken(secretToken: string, plainToken: string): string {
  return createHmac('sha256', secretToken).update(plainToken).digest('hex');
}

function resolveConfig(options: WebhookOptions | undefined): Config | undefined {
  if (!options) return undefined;
  return {
    url: options.url,
    secretToken: options.secretToken,
    retryDelaysMs: options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    events: options.events ? new Set(options.events) : undefined,
  };
}

export class WebhookSender {
  readonly deliveries: WebhookDelivery[] = [];
  private config: Config | undefined;
  private pending = new Set<Promise<void>>();
  private sleepers = new Map<NodeJS.Timeout, () => void>();
  /** Bumped by cancel(); a delivery started in an older generation stops at its next step. */
  private generation = 0;

  constructor(
    options: WebhookOptions | undefined,
    private readonly clock: SandboxClock,
    private readonly fetchImpl: typeof fetch,
  ) {
    this.config = resolveConfig(options);
  }

  get configured(): boolean {
    return this.config !== undefined;
  }

  configure(options: WebhookOptions | undefined): void {
    this.config = resolveConfig(options);
  }

  /** Queues an event; returns the delivery record, or undefined when nobody is subscribed. */
  send(event: string, payload: Record<string, unknown>): WebhookDelivery | undefined {
    const config = this.config;
    if (!config || (config.events && !config.events.has(event))) return undefined;
    const body = JSON.stringify({ event, payload, event_ts: this.clock.nowMs() });
    const delivery: WebhookDelivery = { id: randomToken(9), event, body, status: 'pending', attempts: [] };
    this.deliveries.push(delivery);
    const run = this.run(delivery, config, this.generation).catch((err: unknown) => {
      // A bug here must not surface as an unhandled rejection in the API process.
      delivery.status = 'failed';
      delivery.attempts.push({ at: this.clock.now().toISOString(), error: errorText(err) });
    });
    this.track(run);
    return delivery;
  }

  /** Resolves when no delivery is pending, retries included. */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  /** Stops pending deliveries and retries (they end as "cancelled"). */
  cancel(): void {
    this.generation++;
    for (const [timer, wake] of this.sleepers) {
      clearTimeout(timer);
      wake();
    }
    this.sleepers.clear();
  }

  reset(): void {
    this.cancel();
    this.deliveries.length = 0;
  }

  /** Sends Zoom's endpoint.url_validation challenge and checks the endpoint's answer. */
  async validateUrl(): Promise<UrlValidationResult> {
    const config = this.config;
    if (!config) return { ok: false, error: 'No webhook URL is configured' };
    const plainToken = randomToken(16);
    const body = JSON.stringify({
      payload: { plainToken },
      event_ts: this.clock.nowMs(),
      event: 'endpoint.url_validation',
    });
    try {
      const res = await this.post(config, body);
      if (res.status !== 200)
        return { ok: false, status: res.status, error: `Expected 200, got ${res.status}` };
      const answer: unknown = await res.json();
      const expected = encryptPlainToken(config.secretToken, plainToken);
      if (
        !isValidationAnswer(answer) ||
        answer.plainToken !== plainToken ||
        answer.encryptedToken !== expected
      ) {
        return { ok: false, status: res.status, error: 'The answer is not {plainToken, encryptedToken}' };
      }
      return { ok: true, status: res.status };
    } catch (err) {
      return { ok: false, error: errorText(err) };
    }
  }

  private track(promise: Promise<void>): void {
    this.pending.add(promise);
    void promise.finally(() => this.pending.delete(promise));
  }

  private async run(delivery: WebhookDelivery, config: Config, generation: number): Promise<void> {
    // Let the API response go out first, as Zoom's notifications arrive after the call returns.
    await new Promise<void>((resolve) => setImmediate(resolve));
    for (let attempt = 0; ; attempt++) {
      if (attempt > 0) {
        const delay = config.retryDelaysMs[attempt - 1];
        if (delay === undefined) {
          delivery.status = 'failed';
          return;
        }
        await this.sleep(delay);
      }
      if (generation !== this.generation) {
        delivery.status = 'cancelled';
        return;
      }
      if (await this.attempt(delivery, config)) {
        delivery.status = 'delivered';
        return;
      }
    }
  }

  private async attempt(delivery: WebhookDelivery, config: Config): Promise<boolean> {
    const record: WebhookAttempt = { at: this.clock.now().toISOString() };
    delivery.attempts.push(record);
    try {
      const res = await this.post(config, delivery.body);
      record.status = res.status;
      await res.body?.cancel();
      return res.status >= 200 && res.status < 300;
    } catch (err) {
      record.error = errorText(err);
      return false;
    }
  }

  private post(config: Config, body: string): Promise<Response> {
    const timestamp = String(Math.floor(this.clock.nowMs() / 1000));
    return this.fetchImpl(config.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'user-agent': 'Zoom Marketplace/1.0a',
        'x-zm-request-timestamp': timestamp,
        'x-zm-signature': signWebhook(config.secretToken, timestamp, body),
        'x-zm-trackingid': randomTrackingId(),
      },
      body,
      signal: AbortSignal.timeout(config.timeoutMs),
    });
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.sleepers.delete(timer);
        resolve();
      }, ms);
      this.sleepers.set(timer, resolve);
    });
  }
}

function isValidationAnswer(value: unknown): value is { plainToken: unknown; encryptedToken: unknown } {
  return typeof value === 'object' && value !== null && 'plainToken' in value && 'encryptedToken' in value;
}

function errorText(err: unknown): string {
  if (err instanceof Error) return err.name === 'TimeoutError' ? 'Timed out' : err.message;
  return String(err);
}
