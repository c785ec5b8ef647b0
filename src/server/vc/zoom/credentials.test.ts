import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../../../test/support/app';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/database';
import { loadConfig } from '../../config';
import { settings } from '../../settings/schema';
import { mergeZoomSettings, resolveZoomCredentials } from './credentials';

const zoomEnv = (over: Partial<ReturnType<typeof testConfig>['zoom']> = {}) =>
  testConfig({ zoom: { ...testConfig().zoom, ...over } });

describe('Zoom credentials', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.drop();
  });

  it('come from the admin settings when the environment has none', async () => {
    await database.db.insert(settings).values([
      { module: 'zoom', key: 'accountId', value: 'acc-db' },
      { module: 'zoom', key: 'clientId', value: 'client-db' },
      { module: 'zoom', key: 'clientSecret', value: 'secret-db' },
      { module: 'zoom', key: 'apiBaseUrl', value: 'https://eu01api-www4local.zoom.us/v2' },
      { module: 'zoom', key: 'timeoutMs', value: 5000 },
      { module: 'zoom', key: 'oauthTokenUrl', value: 'not a url' },
    ]);
    const resolved = await resolveZoomCredentials(zoomEnv(), database.db);
    expect(resolved.configured).toBe(true);
    if (!resolved.configured) return;
    expect(resolved.credentials).toEqual({
      accountId: 'acc-db',
      clientId: 'client-db',
      clientSecret: 'secret-db',
      webhookSecret: undefined,
      oauthTokenUrl: 'https://zoom.us/oauth/token',
      apiBaseUrl: 'https://eu01api-www4local.zoom.us/v2',
      timeoutMs: 5000,
    });
    expect(resolved.sources.oauthTokenUrl).toBe('default');
  });

  it('let the environment win, field by field', async () => {
    const resolved = await resolveZoomCredentials(
      zoomEnv({ clientSecret: 'secret-env', apiBaseUrl: 'http://127.0.0.1:9/v2' }),
      database.db,
    );
    if (!resolved.configured) throw new Error('expected configured');
    expect(resolved.credentials.clientSecret).toBe('secret-env');
    expect(resolved.credentials.clientId).toBe('client-db');
    expect(resolved.credentials.apiBaseUrl).toBe('http://127.0.0.1:9/v2');
    expect(resolved.sources).toMatchObject({
      clientSecret: 'environment',
      clientId: 'database',
      apiBaseUrl: 'environment',
    });
  });

  it('let an environment value equal to the default still win when the environment set it', () => {
    const config = loadConfig({
      DATA_DIR: testConfig().dataDir,
      ZOOM_API_BASE_URL: 'https://api.zoom.us/v2',
    });
    const resolved = mergeZoomSettings(config, {
      accountId: 'a',
      clientId: 'c',
      clientSecret: 's',
      apiBaseUrl: 'https://eu01api-www4local.zoom.us/v2',
    });
    if (!resolved.configured) throw new Error('expected configured');
    expect(resolved.credentials.apiBaseUrl).toBe('https://api.zoom.us/v2');
  });

  it('name the missing settings as environment variables', () => {
    const resolved = mergeZoomSettings(zoomEnv({ accountId: 'a' }), { clientId: 'c' });
    expect(resolved).toMatchObject({ configured: false, missing: ['ZOOM_CLIENT_SECRET'] });
  });
});
