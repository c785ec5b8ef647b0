// The identity provider of end-to-end tests (the global setup starts it; no Vitest imports here).
import type { TestIdpUser } from '../../support/oidc-provider';

export const E2E_IDP = {
  id: 'institute',
  name: 'Institute Login',
  clientId: 'convene-e2e',
  clientSecret: 'convene-e2e-secret',
};

export const E2E_IDP_USERS: TestIdpUser[] = [
  {
    login: 'mhamilton',
    claims: {
      email: 'margaret@institute.example',
      email_verified: true,
      name: 'Margaret Hamilton',
      preferred_username: 'mhamilton',
      affiliation: 'MIT Instrumentation Lab',
    },
  },
];
