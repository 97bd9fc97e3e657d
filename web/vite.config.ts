import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './build/precompress';

const outDir = fileURLToPath(new URL('../dist/web', import.meta.url));

// The web app is built into dist/web and served by the same process as the API. Every page is a
// lazy chunk, so a page loads only the antd components and ECharts charts it uses; React gets its
// own long-cached chunk. The manifest lets test/web/bundle-budget.test.ts weigh each first visit,
// and every text file is precompressed (brotli + gzip) for the server to send as is.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react(), precompress(outDir)],
  build: {
    outDir,
    emptyOutDir: true,
    manifest: true,
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 30 },
          ],
        },
      },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
