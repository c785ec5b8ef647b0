// The Test rooms provider's own routes: the page its join links open, and its administration setting.
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { requireAdmin } from '../../../auth/guards';
import type { App } from '../../../http/types';
import { vcRooms } from '../../schema';
import type { TestRoomsDeps } from './index';
import { isTestRoomsEnabled, setTestRoomsEnabled } from './settings';

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Test rooms</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#1a1b1e}
main{border:1px solid #ced4da;border-radius:8px;padding:1.5rem}label{display:block;margin:.5rem 0}
button{background:#3b4cca;color:#fff;border:0;border-radius:6px;padding:.5rem 1rem;font-size:1rem}</style>
</head><body><main>${body}</main></body></html>`;
}

const TestRoomsSetting = z.object({ enabled: z.boolean() });

export function registerTestRoomsRoutes(app: App, deps: TestRoomsDeps): void {
  app.get(
    '/vc/test-rooms/:code',
    {
      schema: {
        hide: true,
        params: z.object({ code: z.string().max(40) }),
        querystring: z.object({ pwd: z.string().max(40).optional() }),
      },
    },
    async (request, reply) => {
      const [room] = await deps.db
        .select({ name: vcRooms.name, data: vcRooms.data })
        .from(vcRooms)
        .where(
          and(
            eq(vcRooms.provider, 'test'),
            eq(vcRooms.status, 'created'),
            sql`${vcRooms.data}->>'code' = ${request.params.code}`,
          ),
        )
        .limit(1);
      reply.type('text/html; charset=utf-8').header('cache-control', 'no-store');
      if (!room) {
        return reply
          .status(404)
          .send(
            page('Room not found', '<h1>This test room does not exist</h1><p>It may have been deleted.</p>'),
          );
      }
      const data = z.object({ passcode: z.string() }).safeParse(room.data);
      const passcode = data.success ? data.data.passcode : '';
      const name = escapeHtml(room.name);
      if (passcode && request.query.pwd !== passcode) {
        const wrong =
          request.query.pwd !== undefined ? '<p role="alert">That passcode is not right.</p>' : '';
        return reply.send(
          page(
            room.name,
            `<h1>${name}</h1><p>This test room needs its passcode.</p>${wrong}
<form method="get"><label for="pwd">Passcode</label><input id="pwd" name="pwd" autocomplete="off"> <button type="submit">Join</button></form>`,
          ),
        );
      }
      return reply.send(page(room.name, `<h1>${name}</h1><p>You have joined this test room.</p>`));
    },
  );

  app.get(
    '/api/admin/vc/providers/test/settings',
    { schema: { tags: ['videoconference'], response: { 200: TestRoomsSetting } } },
    async (request) => {
      requireAdmin(request);
      return { enabled: await isTestRoomsEnabled(deps.db) };
    },
  );

  app.put(
    '/api/admin/vc/providers/test/settings',
    { schema: { tags: ['videoconference'], body: TestRoomsSetting, response: { 200: TestRoomsSetting } } },
    async (request) => {
      requireAdmin(request);
      await setTestRoomsEnabled(deps.db, request.body.enabled, deps.clock());
      return { enabled: request.body.enabled };
    },
  );
}
