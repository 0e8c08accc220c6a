import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// The dev server forwards the API and the SignalR hub to a locally running Hubs server.
const backend = { target: 'https://localhost:8443', secure: false, changeOrigin: false };

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
  },
  server: {
    proxy: {
      '/api': backend,
      '/hubs': { ...backend, ws: true },
    },
  },
  test: {
    include: ['src/**/*.test.ts'],
  },
});
