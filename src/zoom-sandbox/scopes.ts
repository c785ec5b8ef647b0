// Which scopes each endpoint needs: the granular scope of new apps OR the classic scope of apps
// created before March 2024 (zoom_api.md §1, scope table).

export interface ScopeRequirement {
  /** Any one of these is enough. Listed granular first, as Zoom's 4711 message names them. */
  anyOf: readonly string[];
}

const need = (granular: string, classic: string): ScopeRequirement => ({ anyOf: [granular, classic] });

export const SCOPES = {
  getMeeting: need('meeting:read:meeting:admin', 'meeting:read:admin'),
  createMeeting: need('meeting:write:meeting:admin', 'meeting:write:admin'),
  updateMeeting: need('meeting:update:meeting:admin', 'meeting:write:admin'),
  deleteMeeting: need('meeting:delete:meeting:admin', 'meeting:write:admin'),
  listMeetings: need('meeting:read:list_meetings:admin', 'meeting:read:admin'),
  getWebinar: need('webinar:read:webinar:admin', 'webinar:read:admin'),
  createWebinar: need('webinar:write:webinar:admin', 'webinar:write:admin'),
  updateWebinar: need('webinar:update:webinar:admin', 'webinar:write:admin'),
  deleteWebinar: need('webinar:delete:webinar:admin', 'webinar:write:admin'),
  listWebinars: need('webinar:read:list_webinars:admin', 'webinar:read:admin'),
  getUser: need('user:read:user:admin', 'user:read:admin'),
  listUsers: need('user:read:list_users:admin', 'user:read:admin'),
  userSettings: need('user:read:settings:admin', 'user:read:admin'),
  checkEmail: need('user:read:email:admin', 'user:read:admin'),
} satisfies Record<string, ScopeRequirement>;

/** What a new Server-to-Server app gets when the seed does not say: every granular scope above. */
export const DEFAULT_GRANTED_SCOPES: readonly string[] = [
  ...new Set(Object.values(SCOPES).map((s) => s.anyOf[0] ?? '')),
].filter((s) => s !== '');

export function isSatisfied(requirement: ScopeRequirement, granted: ReadonlySet<string>): boolean {
  return requirement.anyOf.some((s) => granted.has(s));
}
