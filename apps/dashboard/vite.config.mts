import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react-swc';
import { defineConfig } from 'vitest/config';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';

const root = fileURLToPath(new URL('.', import.meta.url));
/** Where `npm run dev:dashboard` sends API calls. */
const apiUrl = process.env.TIERGATE_API_URL ?? 'http://localhost:3000';

/**
 * The dashboard is built to dist/dashboard, which the api serves at `/` (same origin: the session
 * cookie and the API need no CORS). Assets are precompressed (brotli and gzip) for the api's static
 * handler. `npm run dev:dashboard` proxies the API to TIERGATE_API_URL (an api on :3000 by default).
 */
export default defineConfig({
  root,
  plugins: [
    react(),
    compression({
      algorithms: [defineAlgorithm('brotliCompress'), defineAlgorithm('gzip')],
      threshold: 1024,
      deleteOriginalAssets: false,
    }),
  ],
  resolve: { alias: { '@': `${root}src` } },
  build: {
    outDir: fileURLToPath(new URL('../../dist/dashboard', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: Object.fromEntries(['/api', '/v1', '/health', '/docs', '/metrics'].map((path) => [path, apiUrl])),
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test/setup.ts'],
  },
});
