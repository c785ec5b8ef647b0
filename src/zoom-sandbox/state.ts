// Everything the sandbox knows, in memory: the accounts' apps and users, tokens, meetings,
// counters, webhook deliveries and the request log. Tests and the main app create it, seed it,
// drive it (the controls below) and read what happened.
import { SandboxClock } from './clock';
import * as controls from './controls';
import { type ActiveFault, type FaultSpec, FaultStore } from './faults';
import { randomZoomUserId } from './ids';
import { MeetingStore } from './meeting-store';
import { PageTokens } from './paging';
import { PLANS, RateLimiter } from './rate-limit';
import { type RequestFilter, RequestLog } from './request-log';
import { DEFAULT_GRANTED_SCOPES } from './scopes';
import { TokenStore } from './tokens';
import type {
  MeetingRecord,
  SandboxCredentials,
  SandboxOptions,
  SandboxUser,
  SandboxUserSeed,
  WebhookOptions,
} from './types';
import { UserStore } from './user-store';
import { type UrlValidationResult, WebhookSender } from './webhooks';
import { ZakSigner } from './zak';

export const DEFAULT_PUBLIC_URL = 'http://localhost:9999';
/** The account of users seeded without credentials. */
export const DEFAULT_ACCOUNT_ID = 'sandbox-account';

function asList(credentials: SandboxOptions['credentials']): SandboxCredentials[] {
  if (!credentials) return [];
  return Array.isArray(credentials) ? [...credentials] : [credentials];
}

export class SandboxState {
  readonly publicUrl: string;
  readonly testControls: boolean;
  readonly clock: SandboxClock;
  readonly users: UserStore;
  readonly tokens = new TokenStore();
  readonly meetings = new MeetingStore();
  readonly rateLimiter: RateLimiter;
  readonly webhooks: WebhookSender;
  readonly faults = new FaultStore();
  readonly requests = new RequestLog();
  readonly zaks = new ZakSigner();
  readonly pageTokens = new PageTokens();
  credentials: SandboxCredentials[];
  /** Scopes left out of tokens issued from now on (to provoke 4711). */
  readonly withheldScopes = new Set<string>();
  /** The seeded users with their ids fixed, so that reset() brings back the same ids. */
  private readonly seeds: SandboxUserSeed[];

  constructor(private readonly options: SandboxOptions = {}) {
    this.publicUrl = (options.publicUrl ?? DEFAULT_PUBLIC_URL).replace(/\/+$/, '');
    this.testControls = options.testControls ?? false;
    this.clock = new SandboxClock(options.clock);
    this.credentials = asList(options.credentials);
    this.users = new UserStore(this.credentials[0]?.accountId ?? DEFAULT_ACCOUNT_ID, () =>
      this.clock.nowMs(),
    );
    this.rateLimiter = new RateLimiter(PLANS[options.plan ?? 'pro'], () => this.clock.nowMs());
    this.webhooks = new WebhookSender(options.webhook, this.clock, options.fetch ?? globalThis.fetch);
    this.seeds = (options.users ?? []).map((seed) => ({ ...seed, id: seed.id ?? randomZoomUserId() }));
    for (const seed of this.seeds) this.users.add(seed);
  }

  nowMs(): number {
    return this.clock.nowMs();
  }

  /** Scopes a new token of this app receives. */
  grantedScopes(credentials: SandboxCredentials): string[] {
    return (credentials.scopes ?? DEFAULT_GRANTED_SCOPES).filter((s) => !this.withheldScopes.has(s));
  }

  // --- reading what happened -------------------------------------------------------------

  /** Requests to POST /oauth/token so far, successful or not. */
  get tokenRequestCount(): number {
    return this.tokens.requestCount;
  }

  countRequests(filter: RequestFilter = {}): number {
    return this.requests.count(filter);
  }

  // --- seeding ---------------------------------------------------------------------------

  addUser(seed: SandboxUserSeed): SandboxUser {
    return this.users.add(seed);
  }

  addCredentials(credentials: SandboxCredentials): void {
    this.credentials.push(credentials);
  }

  configureWebhook(options: WebhookOptions | undefined): void {
    this.webhooks.configure(options);
  }

  // --- controls --------------------------------------------------------------------------

  expireTokens(): void {
    this.tokens.expireAll(this.clock.nowMs());
  }

  revokeTokens(): void {
    this.tokens.revokeAll();
  }

  withholdScopes(scopes: readonly string[]): void {
    this.withheldScopes.clear();
    for (const s of scopes) this.withheldScopes.add(s);
  }

  injectFault(spec: FaultSpec): ActiveFault {
    return this.faults.add(spec);
  }

  clearFaults(): void {
    this.faults.clear();
  }

  startMeeting(id: number | string): MeetingRecord {
    return controls.startMeeting(this, id);
  }

  endMeeting(id: number | string): MeetingRecord {
    return controls.endMeeting(this, id);
  }

  deleteMeetingOnZoom(id: number | string): MeetingRecord {
    return controls.deleteOnZoom(this, id);
  }

  convertToWebinar(id: number | string): MeetingRecord {
    return controls.convertToWebinar(this, id);
  }

  setClockOffset(ms: number): void {
    this.clock.setOffset(ms);
  }

  advanceClock(ms: number): void {
    this.clock.advance(ms);
  }

  validateWebhookUrl(): Promise<UrlValidationResult> {
    return this.webhooks.validateUrl();
  }

  /** Back to the state the options describe: seeded users and credentials, nothing else. */
  reset(): void {
    this.webhooks.reset();
    this.webhooks.configure(this.options.webhook);
    this.tokens.clear();
    this.meetings.clear();
    this.rateLimiter.reset();
    this.faults.clear();
    this.requests.clear();
    this.pageTokens.clear();
    this.zaks.rotate();
    this.withheldScopes.clear();
    this.clock.setOffset(0);
    this.credentials = asList(this.options.credentials);
    this.users.clear();
    for (const seed of this.seeds) this.users.add(seed);
  }

  /** Stops pending webhook deliveries and retries. */
  close(): void {
    this.webhooks.cancel();
  }
}

export function createSandboxState(options: SandboxOptions = {}): SandboxState {
  return new SandboxState(options);
}
