import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/**
 * The project's root directory (where package.json, drizzle/ and dist/ live), found by walking up from
 * this module: the same answer from src/ under tsx and from the bundled dist/server/main.js.
 */
export function projectRoot(): string {
  if (root) return root;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (fs.existsSync(path.join(dir, 'drizzle')) && fs.existsSync(path.join(dir, 'package.json'))) break;
    const parent = path.dirname(dir);
    if (parent === dir)
      throw new Error('cannot find the Convene project root (a folder with package.json and drizzle/)');
    dir = parent;
  }
  root = dir;
  return dir;
}

/** Convene's version, from package.json. */
export function conveneVersion(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(projectRoot(), 'package.json'), 'utf8')) as {
    version?: string;
  };
  return pkg.version ?? 'unknown';
}
