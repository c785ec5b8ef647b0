// What clients asked of the sandbox, so tests can assert "this action made exactly N calls to X".

export interface LoggedRequest {
  at: string;
  method: string;
  /** Path relative to the sandbox's base, without the query string, e.g. /v2/meetings/81234567890. */
  path: string;
  /** The route pattern, e.g. /v2/meetings/:meetingId, when a route matched. */
  route: string | undefined;
  status: number;
}

export interface RequestFilter {
  method?: string;
  /** An exact path, a pattern with `*` wildcards (one path segment or more), or a RegExp. */
  path?: string | RegExp;
  route?: string;
}

/** `*` matches any run of characters, so /v2/meetings/* matches every meeting id. */
export function pathMatches(pattern: string | RegExp, path: string): boolean {
  if (pattern instanceof RegExp) return pattern.test(path);
  if (!pattern.includes('*')) return pattern === path;
  const escaped = pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${escaped.join('.*')}$`).test(path);
}

export function requestMatches(filter: RequestFilter, method: string, path: string, route?: string): boolean {
  if (filter.method && filter.method.toUpperCase() !== method.toUpperCase()) return false;
  if (filter.path !== undefined && !pathMatches(filter.path, path)) return false;
  if (filter.route !== undefined && filter.route !== route) return false;
  return true;
}

export class RequestLog {
  readonly entries: LoggedRequest[] = [];

  add(entry: LoggedRequest): void {
    this.entries.push(entry);
  }

  find(filter: RequestFilter = {}): LoggedRequest[] {
    return this.entries.filter((e) => requestMatches(filter, e.method, e.path, e.route));
  }

  count(filter: RequestFilter = {}): number {
    return this.find(filter).length;
  }

  clear(): void {
    this.entries.length = 0;
  }
}
