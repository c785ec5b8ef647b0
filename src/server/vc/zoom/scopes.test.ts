import { describe, expect, it } from 'vitest';
import { checkScopes, NEEDED_SCOPES, parseScopes, scopesInMessage } from './scopes';

const allGranular = NEEDED_SCOPES.map((n) => n.granular).join(' ');
const allClassic =
  'user:read:admin meeting:read:admin meeting:write:admin webinar:read:admin webinar:write:admin';

describe('scope checking', () => {
  it('finds nothing missing when every granular scope is granted', () => {
    expect(checkScopes(allGranular).missing).toEqual([]);
  });

  it('accepts the classic scopes of older apps as equivalent', () => {
    expect(checkScopes(allClassic).missing).toEqual([]);
  });

  it('accepts a mix of granular and classic names', () => {
    const mixed = allGranular.replace('meeting:read:meeting:admin', 'meeting:read:admin');
    expect(checkScopes(mixed).missing).toEqual([]);
  });

  it('asks for webinar scopes even from an app that only manages meetings', () => {
    const meetingsOnly = NEEDED_SCOPES.filter((n) => !n.granular.startsWith('webinar')).map(
      (n) => n.granular,
    );
    const check = checkScopes(meetingsOnly);
    expect(check.toAdd).toEqual([
      'webinar:read:webinar:admin',
      'webinar:write:webinar:admin',
      'webinar:update:webinar:admin',
      'webinar:delete:webinar:admin',
    ]);
  });

  it('suggests classic names, once each, to an app that uses classic scopes', () => {
    const check = checkScopes('user:read:admin meeting:read:admin');
    expect(check.classic).toBe(true);
    expect(check.toAdd).toEqual(['meeting:write:admin', 'webinar:read:admin', 'webinar:write:admin']);
  });

  it('suggests granular names to a new app', () => {
    const check = checkScopes('user:read:user:admin');
    expect(check.classic).toBe(false);
    expect(check.toAdd).toContain('meeting:write:meeting:admin');
    expect(check.toAdd).not.toContain('meeting:write:admin');
  });

  it('reads the scopes a 4711 message names', () => {
    expect(
      scopesInMessage(
        'Invalid access token, does not contain scopes:[meeting:read:meeting:admin, meeting:read:admin].',
      ),
    ).toEqual(['meeting:read:meeting:admin', 'meeting:read:admin']);
    expect(scopesInMessage('Invalid access token.')).toEqual([]);
  });

  it('splits a token’s space-separated scope string', () => {
    expect(parseScopes(' a:b  c:d ')).toEqual(['a:b', 'c:d']);
    expect(parseScopes(undefined)).toEqual([]);
  });
});
