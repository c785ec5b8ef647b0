import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { projectRoot } from '../paths';
import { RATE_LIMITS } from './rate-limits';
import type { App } from './types';

/**
 * Serves the built web client from dist/web; every other GET that is not an API call gets index.html,
 * so that the client's router shows the page (or its own 404 page).
 */
const webDir = () => path.join(projectRoot(), 'dist', 'web');

/** The built client's index.html, or undefined when the client is not built. */
export function readIndexHtml(): string | undefined {
  const file = path.join(webDir(), 'index.html');
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
}

export async function registerSpa(app: App, indexHtml = readIndexHtml()): Promise<void> {
  const hasBuild = indexHtml !== undefined;
  if (hasBuild) {
    await app.register(fastifyStatic, {
      root: webDir(),
      prefix: '/',
      wildcard: false,
      index: false,
      // Source maps stay on the server's disk for debugging; they are not published.
      allowedPath: (pathName) => !pathName.endsWith('.map'),
      setHeaders: (res, file) => {
        // Vite puts a content hash in every asset's name: they never change.
        if (file.includes(`${path.sep}assets${path.sep}`))
          res.header('cache-control', 'public, max-age=31536000, immutable');
      },
    });
  }

  // Scanners probe thousands of unknown URLs: limited per address (rate-limits.ts). The pages of the web
  // client are answered here too (index.html, routed in the browser): every navigation and reload of a user
  // reaches this handler, so they are not counted; only what answers 404 is.
  app.setNotFoundHandler(
    {
      preHandler: app.rateLimit({
        ...RATE_LIMITS.notFound,
        allowList: (request) => isPageRequest(request),
      }),
    },
    (request: FastifyRequest, reply: FastifyReply) => {
      if (!isPageRequest(request)) {
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
      return reply
        .status(200)
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-cache')
        .send(indexHtml);
    },
  );
}

/** A GET of a page of the web client (anything outside /api), which index.html answers. */
function isPageRequest(request: FastifyRequest): boolean {
  const isApi = request.url.startsWith('/api/') || request.url === '/api';
  return request.method === 'GET' && !isApi;
}
