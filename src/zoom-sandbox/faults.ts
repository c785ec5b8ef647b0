// Injected failures: the next N matching requests answer with a given status and body, wait, or
// lose their connection, before any other processing (so they also hit /oauth/token).
import { requestMatches } from './request-log';

export interface FaultSpec {
  method?: string;
  /** Exact path relative to the sandbox base, a `*` pattern, or a RegExp. */
  path?: string | RegExp;
  /** How many matching requests fail. Default 1. */
  times?: number;
  /** Answer with this status (and `body`, `headers`) instead of processing the request. */
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Wait this long first; alone, the request is then processed normally (a slow Zoom). */
  delayMs?: number;
  /** Destroy the socket without answering (a dropped connection). */
  dropConnection?: boolean;
}

export interface ActiveFault extends FaultSpec {
  id: number;
  remaining: number;
}

export class FaultStore {
  private faults: ActiveFault[] = [];
  private nextId = 1;

  add(spec: FaultSpec): ActiveFault {
    const fault: ActiveFault = { ...spec, id: this.nextId++, remaining: spec.times ?? 1 };
    this.faults.push(fault);
    return fault;
  }

  list(): readonly ActiveFault[] {
    return this.faults;
  }

  clear(): void {
    this.faults = [];
  }

  /** The first fault matching this request, with one use consumed. */
  take(method: string, path: string): ActiveFault | undefined {
    const fault = this.faults.find((f) => requestMatches(f, method, path));
    if (!fault) return undefined;
    fault.remaining--;
    if (fault.remaining <= 0) this.faults = this.faults.filter((f) => f !== fault);
    return fault;
  }
}
