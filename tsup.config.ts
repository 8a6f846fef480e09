import { defineConfig } from 'tsup'

export default defineConfig({
  entry: { index: 'src/index.ts', locales: 'src/locales.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  target: 'node20',
  // Locale tables are JSON inside i18n-iso-countries: bundle them, since Node's
  // ESM loader cannot import JSON without import attributes.
  noExternal: [/^i18n-iso-countries\/langs\//],
})
