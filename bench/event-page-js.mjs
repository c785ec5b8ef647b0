#!/usr/bin/env node
// `npm run bench:event-page-js [dir]`: the JavaScript an anonymous visitor downloads to open an event page, gzip
// and brotli, from the built client (dist/web, or dir; `npm run build` first). What the page loads is read from
// Vite's manifest: the entry chunk and everything it imports statically, plus the event page's route chunk
// and its static imports when the page is split off. Without a manifest (an older build), every JS asset
// counts, as every visitor then downloaded them all.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const web = path.resolve(process.argv[2] ?? path.join(root, 'dist', 'web'));
const manifestFile = path.join(web, '.vite', 'manifest.json');
const ROUTE = 'events/components/event-page.tsx';

if (!fs.existsSync(path.join(web, 'index.html'))) {
  console.error('dist/web is not built: run npm run build first');
  process.exit(1);
}

function filesOfPage() {
  if (!fs.existsSync(manifestFile))
    return fs
      .readdirSync(path.join(web, 'assets'))
      .filter((f) => f.endsWith('.js'))
      .map((f) => `assets/${f}`);
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
  const files = new Set();
  const visit = (key) => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const dep of chunk.imports ?? []) visit(dep);
  };
  visit('index.html');
  if (manifest[ROUTE]) visit(ROUTE);
  return [...files];
}

const rows = filesOfPage().map((file) => {
  const body = fs.readFileSync(path.join(web, file));
  return {
    file,
    raw: body.length,
    gzip: zlib.gzipSync(body, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(body).length,
  };
});
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
for (const r of rows.sort((a, b) => b.gzip - a.gzip))
  console.log(
    `${r.file.padEnd(48)} ${kb(r.raw).padStart(10)} ${kb(r.gzip).padStart(10)} gzip ${kb(r.brotli).padStart(10)} br`,
  );
const sum = (k) => rows.reduce((s, r) => s + r[k], 0);
console.log(
  `anonymous event page JS: ${rows.length} files, ${kb(sum('raw'))} raw, ${kb(sum('gzip'))} gzip, ${kb(sum('brotli'))} brotli (target < 150 KB gzip)`,
);
