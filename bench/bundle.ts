/**
 * The browser bundles of `coverage`, built from `dist/` as a web app would:
 * sizes in bytes, counted, never timed (the bench reports them, and
 * tests/bundle.test.ts checks them).
 */
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'
import { firstLoad, pageFiles } from '../web/build'

const root = new URL('..', import.meta.url).pathname

/** A minified browser bundle (no Node built-ins allowed) of `contents`, and its gzipped size. */
export async function browserBundle(contents: string): Promise<{ code: string; gzipped: number }> {
  const result = await build({ stdin: { contents, resolveDir: root }, bundle: true, minify: true, format: 'esm', platform: 'browser', write: false, logLevel: 'silent' })
  const code = result.outputFiles[0]?.text ?? ''
  return { code, gzipped: gzipSync(code).length }
}

/** What a web app bundles to call `coverage`: with English names only, and with all ten languages. */
export const bundleEntries = {
  english: "import { coverage } from './dist/index.js'\nglobalThis.coverage = coverage",
  all: "import { coverage, registerLocale } from './dist/index.js'\nimport * as locales from './dist/locales.js'\nfor (const locale of Object.values(locales)) registerLocale(locale)\nglobalThis.coverage = coverage",
}

/** Minified + gzipped browser bundle of `import { coverage }`, with English names only and with all names. */
export async function bundleSize(): Promise<{ english: number; all: number }> {
  return { english: (await browserBundle(bundleEntries.english)).gzipped, all: (await browserBundle(bundleEntries.all)).gzipped }
}

/** Gzipped bytes of the "Am I affected?" page's first visit: index.html and what it loads before any file is dropped. */
export async function pageSize(): Promise<number> {
  return firstLoad(await pageFiles()).gzipped
}
