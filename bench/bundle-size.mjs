#!/usr/bin/env node
// What every start of the built server loads: dist/server/main.js and the chunks it imports statically, in
// bytes, and how many of those bytes come from the Zoom sandbox (src/zoom-sandbox), which main.ts loads only
// when it mounts it. Builds with scripts/build.mjs's options into a temporary directory.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { serverBuildOptions } from '../scripts/build.mjs';

const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'convene-bundle-'));
try {
  const { metafile } = await build({ ...serverBuildOptions, outdir, sourcemap: false, metafile: true });
  const outputs = metafile.outputs;
  const main = Object.keys(outputs).find((file) => file.endsWith('server/main.js'));
  const loaded = new Set();
  const visit = (file) => {
    if (loaded.has(file)) return;
    loaded.add(file);
    for (const imp of outputs[file].imports)
      if (imp.kind === 'import-statement' && !imp.external) visit(imp.path);
  };
  visit(main);
  let bytes = 0;
  let sandbox = 0;
  for (const file of loaded) {
    bytes += outputs[file].bytes;
    for (const [input, { bytesInOutput }] of Object.entries(outputs[file].inputs))
      if (input.startsWith('src/zoom-sandbox/')) sandbox += bytesInOutput;
  }
  const lazy = Object.keys(outputs).filter((file) => !loaded.has(file) && file.endsWith('.js'));
  const lazyBytes = lazy.reduce((sum, file) => sum + outputs[file].bytes, 0);
  console.log(`server bundle loaded at start: ${bytes} bytes in ${loaded.size} file(s)`);
  console.log(`  of which from src/zoom-sandbox: ${sandbox} bytes`);
  console.log(`loaded only when used (dynamic imports): ${lazyBytes} bytes in ${lazy.length} file(s)`);
} finally {
  fs.rmSync(outdir, { recursive: true, force: true });
}
