#!/usr/bin/env node
// `npm run zoom|backup|restore|db:migrate|zoom-sandbox`: runs the compiled command-line tool named by the
// first argument (dist/cli/<name>.js), building it first when missing or stale outside production mode.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureBuilt, root } from './build-lib.mjs';

const [name, ...args] = process.argv.slice(2);
await ensureBuilt(['server']);
process.argv = [process.argv[0], path.join(root, 'dist', 'cli', `${name}.js`), ...args];
await import(pathToFileURL(process.argv[1]).href);
