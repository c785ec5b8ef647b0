import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const server = 'http://localhost:8080';

export default defineConfig({
  root: 'src/web',
  plugins: [react()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    // Maps for debugging on the server's disk, with no sourceMappingURL in the published bundles.
    sourcemap: 'hidden',
    // Vite 8 bundles with rolldown: chunking lives under rolldownOptions. Mantine and React change less
    // often than our code, so they get chunks of their own that browsers keep cached across releases.
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'mantine', test: /node_modules[\\/]@mantine[\\/]/ },
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
