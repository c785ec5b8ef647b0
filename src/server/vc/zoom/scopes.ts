// Which scopes the Zoom app needs, accepting granular or classic names (zoom_api.md §1, "Scopes").

export interface ScopeNeed {
  /** What Convene does with it, as an admin reads it. */
  purpose: string;
  /** The scope of apps created since March 2024. */
  granular: string;
  /** The equivalent scope of older apps. */
  classic: string;
}

// Webinar scopes are needed even when webinars are off: a meeting can be turned into a webinar on zoom.us
// and must still be managed (zoom_api.md §1, Indico's README).
export const NEEDED_SCOPES: readonly ScopeNeed[] = [
  { purpose: 'look up users', granular: 'user:read:user:admin', classic: 'user:read:admin' },
  {
    purpose: 'read passcode rules',
    granular: 'user:read:settings:admin',
    classic: 'user:read:admin',
  },
  { purpose: 'read meetings', granular: 'meeting:read:meeting:admin', classic: 'meeting:read:admin' },
  {
    purpose: 'list a host’s meetings',
    granular: 'meeting:read:list_meetings:admin',
    classic: 'meeting:read:admin',
  },
  { purpose: 'create meetings', granular: 'meeting:write:meeting:admin', classic: 'meeting:write:admin' },
  { purpose: 'update meetings', granular: 'meeting:update:meeting:admin', classic: 'meeting:write:admin' },
  { purpose: 'delete meetings', granular: 'meeting:delete:meeting:admin', classic: 'meeting:write:admin' },
  { purpose: 'read webinars', granular: 'webinar:read:webinar:admin', classic: 'webinar:read:admin' },
  { purpose: 'create webinars', granular: 'webinar:write:webinar:admin', classic: 'webinar:write:admin' },
  { purpose: 'update webinars', granular: 'webinar:update:webinar:admin', classic: 'webinar:write:admin' },
  { purpose: 'delete webinars', granular: 'webinar:delete:webinar:admin', classic: 'webinar:write:admin' },
];

export interface ScopeCheck {
  /** Needs met by neither name. */
  missing: ScopeNeed[];
  /** The names to add to the app, in the vocabulary the app already uses, without repeats. */
  toAdd: string[];
  /** Whether the app uses classic scopes (then classic names are suggested). */
  classic: boolean;
}

/** Zoom's token `scope` is space-separated; error messages list scopes in brackets, comma-separated. */
export function parseScopes(scope: string | readonly string[] | undefined): string[] {
  const list = typeof scope === 'string' ? scope.split(/[\s,]+/) : (scope ?? []);
  return [...new Set(list.map((s) => s.trim()).filter(Boolean))];
}

/** Classic scopes have three parts (`meeting:read:admin`), granular ones four. */
export function isClassicScope(scope: string): boolean {
  return /^[a-z_]+:(read|write):admin$/.test(scope);
}

export function checkScopes(
  granted: string | readonly string[],
  needs: readonly ScopeNeed[] = NEEDED_SCOPES,
): ScopeCheck {
  const have = new Set(parseScopes(granted));
  const missing = needs.filter((n) => !have.has(n.granular) && !have.has(n.classic));
  // Suggest classic names only to an app that already has classic ones, as Indico does (vc_zoom.md §1).
  const classic = [...have].some(isClassicScope);
  const toAdd = [...new Set(missing.map((n) => (classic ? n.classic : n.granular)))];
  return { missing, toAdd, classic };
}

/** The scopes named in a 4711 message: "Invalid access token, does not contain scopes:[a, b]." */
export function scopesInMessage(message: string): string[] {
  const inBrackets = /scopes?\s*:?\s*\[([^\]]*)\]/i.exec(message);
  return parseScopes(inBrackets?.[1] ?? '');
}
