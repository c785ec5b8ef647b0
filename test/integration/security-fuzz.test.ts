// Every operation of the OpenAPI document, driven with malformed input (wrong types, 1 MB strings, lone
// surrogates, NUL, nulls, extra fields, overflowing numbers, non-decimal ids), as an anonymous visitor and as
// a logged-in administrator with CSRF: never a 5xx, never a hang, and the process still answers after.
import { beforeAll, describe, expect, it } from 'vitest';
import { Agent, fakeClock, useTestApp } from '../support/app';
import { makeEvent } from '../support/event-factories';
import { agentFor, makeUser } from '../support/factories';
import { createRoom, enableTestRooms } from '../support/vc';

interface Operation {
  method: string;
  path: string;
  params: string[];
  query: string[];
  bodyProps: string[];
  hasBody: boolean;
}

const MB = 'x'.repeat(1024 * 1024);
const BAD_IDS = ['0x10', '1e3', '%201', '-1', '0', '99999999999999999999', 'abc', '%00', '1.5'];
const BAD_QUERY = ['%00', '%ED%A0%80', 'x'.repeat(10_000), '-1', '1e400', '0x10', '', '%5B%5D'];
const BAD_VALUES: unknown[] = [
  MB,
  'Lone \ud800 x',
  'a\u0000b',
  null,
  1e308,
  -1,
  2 ** 53 + 1,
  [],
  {},
  true,
  '',
  [null],
  { nested: 'Lone \udc00' },
];
const BAD_BODIES: unknown[] = [null, [], 'text', 42, {}, { unexpected: 'extra field' }];

function operationsOf(doc: {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: Array<{ in: string; name: string }>;
        requestBody?: { content?: Record<string, { schema?: { properties?: Record<string, unknown> } }> };
      }
    >
  >;
}): Operation[] {
  const out: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const params = (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
      const query = (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
      const schema = op.requestBody?.content?.['application/json']?.schema;
      out.push({
        method: method.toUpperCase(),
        path,
        params,
        query,
        bodyProps: Object.keys(schema?.properties ?? {}),
        hasBody: op.requestBody !== undefined,
      });
    }
  }
  return out;
}

/** The requests for one operation: each id malformed in turn, each query parameter, each body field. */
function requestsFor(op: Operation, validId: string): Array<{ url: string; body?: unknown }> {
  const fill = (except?: string, value?: string) =>
    op.path.replace(/\{(\w+)\}/g, (_m, name: string) => (name === except ? (value ?? '') : validId));
  const out: Array<{ url: string; body?: unknown }> = [];
  const body = op.hasBody ? {} : undefined;
  for (const p of op.params) for (const bad of BAD_IDS) out.push({ url: fill(p, bad), body });
  for (const q of op.query) for (const bad of BAD_QUERY) out.push({ url: `${fill()}?${q}=${bad}`, body });
  if (op.hasBody) {
    for (const b of BAD_BODIES) out.push({ url: fill(), body: b });
    for (const prop of op.bodyProps)
      for (const bad of BAD_VALUES) out.push({ url: fill(), body: { [prop]: bad } });
  }
  return out;
}

const withDeadline = <T>(p: Promise<T>, ms: number, what: string) =>
  Promise.race([
    p,
    new Promise<never>((_r, reject) =>
      setTimeout(() => reject(new Error(`no answer in ${ms} ms: ${what}`)), ms),
    ),
  ]);

describe('every operation under malformed input', () => {
  const clock = fakeClock();
  const t = useTestApp({ clock });
  let admin: Agent;
  let anonymous: Agent;
  let validId = '1';

  beforeAll(async () => {
    const user = await makeUser(t.deps.db, { isAdmin: true });
    admin = await agentFor(t.app, t.deps.db, user, clock());
    anonymous = new Agent(t.app);
    await enableTestRooms(t);
    const ev = await makeEvent(t.deps.db, { creator: user });
    await createRoom(admin, ev.id, { name: 'Fuzzed room' });
    validId = String(ev.id);
  });

  it('answers every malformed request without a 5xx or a hang, and keeps serving', async () => {
    const doc = (await anonymous.get('/api/docs/json')).json();
    const ops = operationsOf(doc);
    expect(ops.length).toBeGreaterThan(40);
    const failures: string[] = [];
    let sent = 0;
    for (const op of ops) {
      // Logging out would end the admin's session for the rest of the run.
      const agents = op.path === '/api/auth/logout' ? [anonymous] : [anonymous, admin];
      for (const agent of agents) {
        const requests = requestsFor(op, validId);
        for (let i = 0; i < requests.length; i += 8) {
          const batch = requests.slice(i, i + 8);
          const answers = await Promise.all(
            batch.map((r) =>
              withDeadline(
                agent.request(op.method as 'GET', r.url, r.body),
                10_000,
                `${op.method} ${r.url.slice(0, 120)}`,
              ),
            ),
          );
          sent += answers.length;
          answers.forEach((res, k) => {
            if (res.statusCode >= 500)
              failures.push(
                `${op.method} ${batch[k]?.url.slice(0, 120)} ${JSON.stringify(batch[k]?.body)?.slice(0, 120)} → ${res.statusCode} ${res.body.slice(0, 200)}`,
              );
          });
        }
      }
    }
    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThan(1000);
    expect((await anonymous.get('/healthz')).statusCode).toBe(200);
  }, 120_000);
});
