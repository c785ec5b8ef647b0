import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, loadSessionSecret, parseEnv, parseOidcProviders } from './config';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'convene-config-'));

describe('configuration', () => {
  it('defaults to port 8080, ./var and the embedded database', () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(8080);
    expect(env.DATA_DIR).toBe('./var');
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it.each([
    ['PORT', 'eighty', /^PORT must be a port number/],
    ['PORT', '70000', /^PORT must be a port number/],
    ['DATABASE_URL', 'mysql://x', /^DATABASE_URL must be a postgres/],
    ['LOG_LEVEL', 'loud', /^LOG_LEVEL must be one of/],
    ['BASE_URL', 'not a url', /^BASE_URL must be an absolute/],
    ['SESSION_SECRET', 'short', /^SESSION_SECRET must be at least 32/],
    ['TRUST_PROXY', 'true', /^TRUST_PROXY must be false, a number of proxy hops/],
    ['TRUST_PROXY', '10.0.0.0/99', /^TRUST_PROXY must be false, a number of proxy hops/],
  ])('a wrong %s stops start-up with one line naming it', (name, value, message) => {
    expect(() => parseEnv({ [name]: value })).toThrowError(ConfigError);
    expect(() => parseEnv({ [name]: value })).toThrowError(message);
  });

  it('trusts no proxy unless TRUST_PROXY names hops or the proxies’ addresses', () => {
    expect(parseEnv({}).TRUST_PROXY).toBe(false);
    expect(parseEnv({ TRUST_PROXY: 'false' }).TRUST_PROXY).toBe(false);
    expect(parseEnv({ TRUST_PROXY: '2' }).TRUST_PROXY).toBe(2);
    expect(parseEnv({ TRUST_PROXY: '10.0.0.0/8, ::1,192.0.2.7' }).TRUST_PROXY).toEqual([
      '10.0.0.0/8',
      '::1',
      '192.0.2.7',
    ]);
  });

  it('generates the session secret once and keeps it in DATA_DIR', () => {
    const dir = tmp();
    const first = loadSessionSecret(dir, undefined);
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(loadSessionSecret(dir, undefined)).toBe(first);
    expect(fs.statSync(path.join(dir, 'session-secret')).mode & 0o777).toBe(0o600);
  });

  it('refuses a DATA_DIR that cannot be written, naming it', () => {
    const file = path.join(tmp(), 'a-file');
    fs.writeFileSync(file, '');
    expect(() => loadConfig({ DATA_DIR: path.join(file, 'sub') })).toThrowError(
      /^DATA_DIR .* cannot be written/,
    );
  });

  it('uses secure cookies when BASE_URL is https', () => {
    const config = loadConfig({ DATA_DIR: tmp(), BASE_URL: 'https://events.example.org/' });
    expect(config.secureCookies).toBe(true);
    expect(config.baseUrl).toBe('https://events.example.org');
  });
});

describe('identity providers (OIDC_PROVIDERS)', () => {
  const entry = {
    id: 'cern',
    name: 'CERN',
    issuer: 'https://auth.cern.ch/auth/realms/cern',
    clientId: 'convene',
    clientSecret: 's3cret',
  };

  it('reads a JSON array of providers, with default scopes and claims', () => {
    expect(parseOidcProviders(JSON.stringify([entry]))).toEqual([
      {
        ...entry,
        scopes: 'openid profile email',
        usernameClaim: 'preferred_username',
        affiliationClaim: 'affiliation',
      },
    ]);
    expect(parseOidcProviders(undefined)).toEqual([]);
  });

  it.each([
    ['not json', /^OIDC_PROVIDERS must be a JSON array/],
    [
      JSON.stringify([{ ...entry, clientId: '' }]),
      /^OIDC_PROVIDERS entry 0\.clientId: clientId must not be empty/,
    ],
    [JSON.stringify([{ ...entry, id: 'Has Spaces' }]), /entry 0\.id: id must be lower-case/],
    [JSON.stringify([entry, entry]), /lists the id "cern" twice/],
    [
      JSON.stringify([{ ...entry, issuer: 'http://idp.example.org' }]),
      /the issuer must be an https:\/\/ URL/,
    ],
  ])('refuses %s with one line naming the problem', (value, message) => {
    expect(() => parseOidcProviders(value)).toThrowError(ConfigError);
    expect(() => parseOidcProviders(value)).toThrowError(message);
  });

  it('accepts plain http only for a provider on the loopback', () => {
    const local = { ...entry, issuer: 'http://127.0.0.1:9000' };
    expect(parseOidcProviders(JSON.stringify([local]))[0]?.issuer).toBe('http://127.0.0.1:9000');
  });
});
