import { describe, expect, it } from 'vitest';
import { ZOOM_SETTINGS_DEFAULTS } from '../../../contracts/vc-zoom';
import { zoomCandidateEmails } from './user-lookup';

const BY_USERNAME = {
  ...ZOOM_SETTINGS_DEFAULTS,
  userLookupMode: 'username_at_domain' as const,
  enterpriseDomain: 'corp.example',
  usernameProvider: 'cern',
};

describe('the Zoom candidates of the username-at-domain mode', () => {
  it('uses the identity provider’s username when there is one', () => {
    expect(zoomCandidateEmails(['grace@navy.example'], BY_USERNAME, 'ghopper')).toEqual([
      'ghopper@corp.example',
    ]);
  });

  it('takes the local part of a username that is itself an address (a UPN)', () => {
    expect(zoomCandidateEmails(['grace@navy.example'], BY_USERNAME, 'ghopper@cern.ch')).toEqual([
      'ghopper@corp.example',
    ]);
  });

  it('falls back to the primary e-mail’s local part without an identity', () => {
    expect(zoomCandidateEmails(['grace@navy.example'], BY_USERNAME, undefined)).toEqual([
      'grace@corp.example',
    ]);
  });
});
