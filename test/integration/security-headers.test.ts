// Browser hardening: CSP with frame-ancestors 'none', nosniff, no framing, HSTS under https only, and API
// answers (some carry passcodes) never cached.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { inlineScriptHashes } from '../../src/server/http/security-headers';
import { Agent, useTestApp } from '../support/app';
import { makeEvent } from '../support/event-factories';
import { agentFor, makeUser } from '../support/factories';

describe('security headers over http', () => {
  const t = useTestApp();

  it('sends a CSP that forbids framing, nosniff and no-store on an event’s API answer', async () => {
    const user = await makeUser(t.deps.db);
    const ev = await makeEvent(t.deps.db, { creator: user });
    const res = await (await agentFor(t.app, t.deps.db, user)).get(`/api/events/${ev.id}`);
    expect(res.statusCode).toBe(200);
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('sends the same policy with the web client’s pages, which stay cacheable after revalidation', async () => {
    const res = await new Agent(t.app).get('/events/1');
    expect(String(res.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).not.toBe('no-store');
  });

  it('allows the inline script of index.html by its hash', () => {
    const html = fs.readFileSync(path.resolve(import.meta.dirname, '../../src/web/index.html'), 'utf8');
    const hashes = inlineScriptHashes(html);
    expect(hashes).toHaveLength(1);
    expect(hashes[0]).toMatch(/^'sha256-[A-Za-z0-9+/]+=*'$/);
    expect(inlineScriptHashes('<script type="module" src="/a.js"></script>')).toEqual([]);
  });
});

describe('security headers over https', () => {
  const t = useTestApp({ config: { secureCookies: true, baseUrl: 'https://events.example.org' } });

  it('adds HSTS', async () => {
    const res = await new Agent(t.app).get('/api/auth/session');
    expect(res.headers['strict-transport-security']).toMatch(/max-age=31536000/);
  });
});
