/** The session query's key, shared by the auth feature and the query client's 401 handling. */
export const SESSION_QUERY_KEY = ['auth', 'session'] as const;
