import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { precompress } from './client/vite/precompress.ts';

// The client lives in client/; the API and sockets are proxied to the server in dev.
const apiPort = Number(process.env.PORT ?? 3000);
export default defineConfig({
  root: 'client',
  plugins: [react(), precompress()],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    // Maps are written without a reference in the code and moved out of the served folder.
    sourcemap: 'hidden',
  },
  server: {
    port: Number(process.env.VITE_PORT ?? 5173),
    proxy: {
      '/api': `http://localhost:${apiPort}`,
      '/socket.io': { target: `http://localhost:${apiPort}`, ws: true },
      '/collab': { target: `ws://localhost:${apiPort}`, ws: true },
    },
  },
});
