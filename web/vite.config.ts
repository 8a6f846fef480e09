/**
 * The "Am I affected?" page: a static site built by Vite from the library as
 * a web app installs it (`ai-training-scope`, the package's browser-ready ESM
 * entry in dist/, which `npm run build` writes). Relative asset paths, so the
 * folder it writes can be served from any host and any path.
 */
import { defineConfig } from 'vite'

const root = new URL('.', import.meta.url).pathname
const dist = new URL('../dist/', import.meta.url).pathname

export default defineConfig({
  root,
  base: './',
  resolve: {
    alias: [
      { find: /^ai-training-scope$/, replacement: `${dist}index.js` },
      { find: /^ai-training-scope\/locales$/, replacement: `${dist}locales.js` },
      { find: /^ai-training-scope\/texts$/, replacement: `${dist}texts.js` },
      { find: /^ai-training-scope\/archive$/, replacement: `${dist}archive.js` },
    ],
  },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
})
