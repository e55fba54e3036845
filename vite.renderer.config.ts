// The window's bundle: renderer/ → dist/renderer/, with relative URLs so that it loads from the app's
// own scheme in Electron and from the loopback bridge in a browser alike.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: { outDir: '../dist/renderer', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  logLevel: 'warn',
});
