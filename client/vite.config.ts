import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The API runs on port 4000 (`npm start`); in `vite dev` the client proxies GraphQL to it.
export default defineConfig({
  plugins: [react()],
  server: { proxy: { '/graphql': 'http://localhost:4000', '/health': 'http://localhost:4000' } },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
});
