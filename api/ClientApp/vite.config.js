import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The API serves the build from its wwwroot/app folder, so the UI and the API share one origin.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: '../IdeogramJobs.Api/wwwroot/app',
    emptyOutDir: true,
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:8080',
      '/media': 'http://127.0.0.1:8080',
    },
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/testSetup.js'],
    include: ['src/**/*.test.{js,jsx}'],
  },
});
