import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { projectRoot } from '../paths';
import type { App } from './types';

/**
 * Serves the built web client from dist/web; every other GET that is not an API call gets index.html,
 * so that the client's router shows the page (or its own 404 page).
 */
export async function registerSpa(
  app: App,
  webDir: string = path.join(projectRoot(), 'dist', 'web'),
): Promise<void> {
  const indexFile = path.join(webDir, 'index.html');
  const hasBuild = fs.existsSync(indexFile);
  if (hasBuild) {
    await app.register(fastifyStatic, {
      root: webDir,
      prefix: '/',
      wildcard: false,
      index: false,
      // The build wrote .br and .gz beside each asset (scripts/build.mjs): sent as the browser accepts.
      preCompressed: true,
      setHeaders: (res, file) => {
        // Vite puts a content hash in every asset's name: they never change.
        if (file.includes(`${path.sep}assets${path.sep}`))
          res.header('cache-control', 'public, max-age=31536000, immutable');
      },
    });
  }
  const indexHtml = hasBuild ? fs.readFileSync(indexFile, 'utf8') : undefined;
  // index.html names the hashed assets of this build: browsers revalidate it on every visit (no-cache),
  // and an unchanged one costs a 304.
  const indexEtag = indexHtml
    ? `"${crypto.createHash('sha256').update(indexHtml).digest('base64url').slice(0, 27)}"`
    : undefined;

  app.setNotFoundHandler((request: FastifyRequest, reply: FastifyReply) => {
    const isApi = request.url.startsWith('/api/') || request.url === '/api';
    if (isApi || request.method !== 'GET') {
      return reply.status(404).send({
        error: { code: 'NOT_FOUND', message: `No route ${request.method} ${request.url.split('?')[0]}.` },
      });
    }
    if (!indexHtml) {
      return reply
        .status(503)
        .type('text/plain; charset=utf-8')
        .send('The web client is not built: run npm run build (npm start builds it when missing).');
    }
    reply.header('cache-control', 'no-cache').header('etag', indexEtag);
    if (request.headers['if-none-match'] === indexEtag) return reply.status(304).send();
    return reply.status(200).type('text/html; charset=utf-8').send(indexHtml);
  });
}
