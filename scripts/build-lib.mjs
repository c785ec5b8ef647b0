// Shared by build.mjs and start.mjs: what each build part reads, and whether its output is stale.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const parts = {
  server: {
    inputs: ['src/server', 'src/contracts', 'src/zoom-sandbox', 'package.json', 'scripts/build.mjs'],
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
