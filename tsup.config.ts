import { defineConfig } from 'tsup'

// Bundled into dist: i18n-iso-countries' tables (JSON, which Node's ESM loader
// cannot import without import attributes), zod/mini, whose ~50 ESM files
// cost ~40 ms to load where one bundled file costs a few, and d3-dsv, which
// is ESM only (the CommonJS build of ai-training-scope/archive requires it).
const bundled = [/^i18n-iso-countries\//, /^zod(\/|$)/, /^d3-dsv$/]

export default defineConfig([
  {
    entry: { index: 'src/index.ts', node: 'src/node.ts', locales: 'src/locales.ts', schemas: 'src/schemas.ts', archive: 'src/archive.ts', texts: 'src/texts.ts' },
    format: ['esm', 'cjs'],
    // One copy of the code the entries share (the schemas entry marks the
    // policies it checks in the evaluator's own module), in CommonJS too.
    splitting: true,
    dts: true,
    clean: true,
    target: 'node20',
    noExternal: bundled,
  },
  {
    // The CLI: its own entry, so the library entry has no side effects.
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    // batch and the locales load when asked for, so `check` starts lean.
    splitting: true,
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
    noExternal: bundled,
  },
])
