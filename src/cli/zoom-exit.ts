// The exit codes of `npm run zoom`, for scripts.
export const EXIT = {
  ok: 0,
  /** Unexpected failure (a bug, the database). */
  failure: 1,
  /** Wrong command line or configuration. */
  usage: 2,
  /** Zoom is not configured, or refuses the credentials or the token. */
  credentials: 3,
  /** The app lacks scopes. */
  scopes: 4,
  /** No such user or meeting. */
  notFound: 5,
  /** Zoom is unreachable, failing or rate limiting; try later. */
  unavailable: 6,
  /** reconcile found rooms that differ from Zoom (and did not fix them). */
  drift: 7,
} as const;
