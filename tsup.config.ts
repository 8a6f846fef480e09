import { defineConfig } from 'tsup'

// Locale tables are JSON inside i18n-iso-countries: bundle them, since Node's
// ESM loader cannot import JSON without import attributes.
const locales = /^i18n-iso-countries\/langs\//

export default defineConfig([
  {
    entry: { index: 'src/index.ts', locales: 'src/locales.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    target: 'node20',
    noExternal: [locales],
  },
  {
    // The CLI: its own entry, so the library entry has no side effects.
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
    noExternal: [locales],
  },
])
