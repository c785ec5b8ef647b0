#!/usr/bin/env node
// `npm run dev`: the server under tsx with reload, and Vite's dev server (proxying /api to it) with HMR.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { root } from './build-lib.mjs';

const bin = (p) => path.join(root, 'node_modules', p);
const children = [
  spawn(process.execPath, [bin('tsx/dist/cli.mjs'), 'watch', '--clear-screen=false', 'src/server/main.ts'], {
    cwd: root,
    stdio: 'inherit',
  }),
  spawn(process.execPath, [bin('vite/bin/vite.js'), '--port', process.env.VITE_PORT ?? '5173'], {
    cwd: root,
    stdio: 'inherit',
  }),
];
console.log('Convene dev: API on http://localhost:8080, web client with reload on http://localhost:5173');
const stop = (signal) => {
  for (const child of children) child.kill(signal);
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
for (const child of children) child.on('exit', (code) => code && stop('SIGTERM'));
