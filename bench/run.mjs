#!/usr/bin/env node
// Builds the benchmark from its TypeScript sources and runs it (`npm run bench`).
import { build } from 'esbuild'

const outfile = new URL('../.tmp/bench.mjs', import.meta.url).pathname
await build({
  entryPoints: [new URL('./main.ts', import.meta.url).pathname],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['esbuild', 'json-rules-engine', 'vite'],
  logLevel: 'warning',
})
await import(outfile)
