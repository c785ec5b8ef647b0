import { describe, expect, it } from 'vitest';
import { signWebhook } from '../../../zoom-sandbox/webhooks';
import { verifyZoomSignature, zoomDeliveryKey, zoomWebhookSignature } from './webhook-signature';

const secret = 'whsec-test';
const body = Buffer.from('{"event":"meeting.deleted","payload":{"object":{"id":123}},"event_ts":1}');
const now = new Date('2030-01-15T09:00:00Z');
const ts = String(now.getTime() / 1000);

describe('the v0 webhook signature', () => {
  it('is the one Zoom (and the sandbox) computes', () => {
    expect(zoomWebhookSignature(secret, ts, body)).toBe(signWebhook(secret, ts, body.toString()));
  });

  it('accepts a signature made within five minutes, either side', () => {
    const signature = zoomWebhookSignature(secret, ts, body);
    expect(verifyZoomSignature({ secret, timestamp: ts, signature, rawBody: body, now })).toEqual({
      ok: true,
    });
    const later = new Date(now.getTime() + 299_000);
    expect(verifyZoomSignature({ secret, timestamp: ts, signature, rawBody: body, now: later }).ok).toBe(
      true,
    );
  });

  it('refuses a stale one, a wrong one, and one without headers', () => {
    const signature = zoomWebhookSignature(secret, ts, body);
    const late = new Date(now.getTime() + 301_000);
    const check = (over: object) =>
      verifyZoomSignature({ secret, timestamp: ts, signature, rawBody: body, now, ...over });
    expect(check({ now: late })).toMatchObject({ ok: false, reason: 'stale' });
    expect(check({ signature: `${signature.slice(0, -1)}0` })).toMatchObject({ reason: 'bad-signature' });
    expect(check({ signature: 'v0=short' })).toMatchObject({ reason: 'bad-signature' });
    expect(check({ rawBody: Buffer.from(`${body} `) })).toMatchObject({ reason: 'bad-signature' });
    expect(check({ timestamp: undefined })).toMatchObject({ reason: 'missing-headers' });
    expect(check({ timestamp: 'yesterday' })).toMatchObject({ reason: 'bad-timestamp' });
  });
});

describe('the delivery key', () => {
  it('is the same for the same notification serialised differently, and differs otherwise', () => {
    const a = zoomDeliveryKey('meeting.updated', 1, { object: { id: 1, topic: 'x' }, account_id: 'a' });
    const b = zoomDeliveryKey('meeting.updated', 1, { account_id: 'a', object: { topic: 'x', id: 1 } });
    expect(a).toBe(b);
    expect(
      zoomDeliveryKey('meeting.updated', 2, { object: { id: 1, topic: 'x' }, account_id: 'a' }),
    ).not.toBe(a);
    expect(
      zoomDeliveryKey('meeting.deleted', 1, { object: { id: 1, topic: 'x' }, account_id: 'a' }),
    ).not.toBe(a);
  });
});
