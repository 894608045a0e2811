import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The client lives in client/; the API and sockets are proxied to the server in dev.
const apiPort = Number(process.env.PORT ?? 3000);
export default defineConfig({
  root: 'client',
  plugins: [react()],
  build: { outDir: '../dist/client', emptyOutDir: true, sourcemap: true },
  server: {
    port: Number(process.env.VITE_PORT ?? 5173),
    proxy: {
      '/api': `http://localhost:${apiPort}`,
      '/socket.io': { target: `http://localhost:${apiPort}`, ws: true },
      '/collab': { target: `ws://localhost:${apiPort}`, ws: true },
    },
  },
});
