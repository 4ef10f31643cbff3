import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';

// The fonts live in ../assets/fonts (shared with the PDF export); Vite copies the
// ones the CSS uses into dist/assets, so nothing is fetched from outside at run time.
const assetsDir = fileURLToPath(new URL('../assets', import.meta.url));

export default defineConfig({
  plugins: [svelte()],
  clearScreen: false,
  resolve: {
    alias: {
      $assets: assetsDir,
    },
  },
  server: {
    port: 1420,
    strictPort: true,
    fs: {
      allow: ['.', assetsDir],
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // One small app chunk: no preload polyfill needed, and no inline script.
    modulePreload: { polyfill: false },
    // Fonts must stay files (font-src 'self'), never data: URLs.
    assetsInlineLimit: 0,
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
