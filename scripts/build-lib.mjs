// Shared by build.mjs and start.mjs: what each build part reads, and whether its output is stale.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const parts = {
  server: {
    inputs: [
      'src/server',
      'src/cli',
      'src/contracts',
      'src/zoom-sandbox',
      'package.json',
      'scripts/build.mjs',
    ],
    stamp: 'dist/server/.stamp',
  },
  web: {
    inputs: ['src/web', 'src/contracts', 'vite.config.ts', 'package.json'],
    stamp: 'dist/web/.stamp',
  },
};

const isSource = (name) => !/\.test\.tsx?$/.test(name);

function newestMtime(p) {
  let stat;
  try {
    stat = fs.statSync(p);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(p, { withFileTypes: true })) {
    if (entry.isFile() && !isSource(entry.name)) continue;
    newest = Math.max(newest, newestMtime(path.join(p, entry.name)));
  }
  return newest;
}

/** A part is stale when its stamp is missing or older than any of its inputs. */
export function isStale(part) {
  const { inputs, stamp } = parts[part];
  let built;
  try {
    built = fs.statSync(path.join(root, stamp)).mtimeMs;
  } catch {
    return true;
  }
  return inputs.some((input) => newestMtime(path.join(root, input)) > built);
}

export function writeStamp(part) {
  const file = path.join(root, parts[part].stamp);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${new Date().toISOString()}\n`);
}

/**
 * Production mode never builds: NODE_ENV=production, or an install without dev dependencies (no esbuild,
 * e.g. after `npm ci --omit=dev` or `npm prune --omit=dev`).
 */
export function isProduction() {
  if (process.env.NODE_ENV === 'production') return true;
  return !fs.existsSync(path.join(root, 'node_modules', 'esbuild', 'package.json'));
}

const output = { server: 'dist/server/main.js', web: 'dist/web/index.html' };

/**
 * Builds the parts that are missing or stale (development), or checks that they are there (production),
 * exiting with what to do when they are not. `say` reports on stderr.
 */
export async function ensureBuilt(wanted, say = (m) => process.stderr.write(`convene: ${m}\n`)) {
  const present = (part) => fs.existsSync(path.join(root, output[part]));
  const stale = wanted.filter((part) => isStale(part));
  if (isProduction()) {
    const missing = wanted.filter((part) => !present(part));
    if (missing.length > 0) {
      say(
        `the build is missing (${missing.map((p) => output[p]).join(', ')}), and production mode never builds ` +
          `(${process.env.NODE_ENV === 'production' ? 'NODE_ENV=production' : 'no dev dependencies installed'}). ` +
          'Build before removing the dev dependencies: npm ci && npm run build && npm prune --omit=dev',
      );
      process.exit(1);
    }
    if (stale.length > 0)
      say(`the build in dist/ is older than the sources: run "npm run build" to update it`);
    return;
  }
  if (stale.length === 0) return;
  const { buildServer, buildWeb } = await import('./build.mjs');
  const t0 = Date.now();
  say(`building ${stale.map((p) => (p === 'web' ? 'web client' : 'server')).join(' and ')}…`);
  if (stale.includes('server')) await buildServer();
  if (stale.includes('web')) buildWeb();
  say(`built in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}
