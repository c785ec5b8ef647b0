// Zoom's error bodies. API errors are {"code","message"[,"errors"]} (zoom_api.md §2.5); the OAuth
// endpoint answers {"reason","error"} (zoom_api.md §1). Messages are Zoom's wording where it is known.

export interface FieldError {
  field: string;
  message: string;
}

export interface ZoomErrorBody {
  code: number;
  message: string;
  errors?: FieldError[];
}

export class ZoomApiError extends Error {
  override name = 'ZoomApiError';

  constructor(
    readonly httpStatus: number,
    readonly code: number,
    message: string,
    readonly fieldErrors: FieldError[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  body(): ZoomErrorBody {
    const body: ZoomErrorBody = { code: this.code, message: this.message };
    if (this.fieldErrors.length > 0) body.errors = this.fieldErrors;
    return body;
  }
}

export class OAuthError extends Error {
  override name = 'OAuthError';

  constructor(
    readonly httpStatus: number,
    readonly error: string,
    readonly reason: string,
  ) {
    super(reason);
  }

  body(): { reason: string; error: string } {
    return { reason: this.reason, error: this.error };
  }
}

export type Kind = 'meeting' | 'webinar';

const INVALID_FIELD = 'Invalid field.';

export const zoomErrors = {
  invalidToken: () => new ZoomApiError(401, 124, 'Invalid access token.'),
  expiredToken: () => new ZoomApiError(401, 124, 'Access token is expired.'),
  // Zoom answers a missing scope with HTTP 400, not 401: public clients that parse it (see the
  // report) all map a 400 with code 4711; zoom_api.md §1 gives only the body.
  missingScopes: (scopes: readonly string[]) =>
    new ZoomApiError(400, 4711, `Invalid access token, does not contain scopes:[${scopes.join(', ')}].`),
  invalidJson: () => new ZoomApiError(400, 300, 'Request Body should be a valid JSON object.'),
  validation: (errors: FieldError[]) => new ZoomApiError(400, 300, 'Validation Failed.', errors),
  invalidField: (field: string) =>
    new ZoomApiError(400, 300, 'Validation Failed.', [{ field, message: INVALID_FIELD }]),
  userNotFound: (userId: string) => new ZoomApiError(404, 1001, `User does not exist: ${userId}.`),
  userPending: () =>
    new ZoomApiError(400, 1120, 'A valid invitation to join the Zoom account was not found for this user.'),
  hostingNotAllowed: () =>
    new ZoomApiError(
      400,
      3161,
      'Meeting hosting and scheduling capabilities are not allowed for your user account.',
    ),
  invalidId: (kind: Kind) =>
    new ZoomApiError(400, 300, kind === 'meeting' ? 'Invalid meeting id.' : 'Invalid webinar ID.'),
  notFound: (kind: Kind, id: string) =>
    new ZoomApiError(404, 3001, `${kind === 'meeting' ? 'Meeting' : 'Webinar'} does not exist: ${id}.`),
  // Indico reads 400/3000 on a meeting endpoint as "this id is a webinar" (zoom_api.md §2.1).
  isWebinar: () => new ZoomApiError(400, 3000, 'Cannot access webinar info.'),
  updateStarted: () =>
    new ZoomApiError(400, 3000, 'You cannot update or delete meetings that have started using this method.'),
  deleteInProgress: (kind: Kind) =>
    new ZoomApiError(400, 3002, `Sorry, you cannot delete this ${kind} since it is in progress.`),
  instantScheduleFor: () =>
    new ZoomApiError(
      400,
      3000,
      'Instant meetings do not support the schedule_for parameter; you cannot schedule an instant meeting for another user.',
    ),
  invalidScheduleFor: () =>
    new ZoomApiError(
      400,
      300,
      'The value that you entered for the schedule_for field is invalid. Enter a valid value and try again.',
    ),
  webinarPlanMissing: (userId: string) =>
    new ZoomApiError(
      400,
      200,
      `Subscription plan for webinar is missing. Enable webinar for this user once the subscription plan is added:${userId}.`,
    ),
  invalidPageToken: () => new ZoomApiError(400, 300, 'The next page token is invalid or expired.'),
  routeNotFound: () => new ZoomApiError(404, 404, 'Not Found'),
};

export const oauthErrors = {
  invalidClient: () => new OAuthError(400, 'invalid_client', 'Invalid client_id or client_secret'),
  missingGrantType: () => new OAuthError(400, 'invalid_request', 'Missing grant type'),
  unsupportedGrantType: () => new OAuthError(400, 'unsupported_grant_type', 'Unsupported grant type'),
  missingAccountId: () => new OAuthError(400, 'invalid_request', 'Missing account_id'),
  unknownAccount: () => new OAuthError(400, 'invalid_request', 'Account does not exist'),
};
