/** The administrator the first-run test creates; other files log in as it (or create it when run alone). */
export const ADMIN = {
  name: 'Ada Lovelace',
  affiliation: 'Analytical Engines Ltd',
  email: 'ada@example.org',
  password: 'difference engine no. 2',
};
