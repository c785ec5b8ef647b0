import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const server = 'http://localhost:8080';

export default defineConfig({
  root: 'src/web',
  plugins: [react()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    sourcemap: true,
    // bench/event-page-js.mjs reads which chunks a page loads from the manifest.
    manifest: true,
    // Vite 8 bundles with rolldown: chunking lives under rolldownOptions. React changes less often than our
    // code, so it gets a chunk of its own that browsers keep cached across releases. Mantine does not: one
    // chunk of all of it would make every page download the components of every other (dates, forms…).
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|react-router|scheduler|@tanstack)[\\/]/,
            },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': server,
      '/healthz': server,
      '/zoom-sandbox': server,
    },
  },
});
