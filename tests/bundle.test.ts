// The browser bundle of `coverage` with English names: its size (bytes, not
// time) and that it runs with nothing of Node's. `npm test` builds dist first.
import { runInNewContext } from 'node:vm'
import { expect, test } from 'vitest'
import { browserBundle, bundleEntries } from '../bench/bundle'
import type { coverage } from '../src/index'

/** Text only zod's code holds, and only Meta's policy. */
const ZOD = '_zod'
const META = 'meta-newsroom-2025-04-14'

test('the markers are in the bundles that use zod and Meta\'s policy', async () => {
  expect((await browserBundle("import { policySchema } from './dist/schemas.js'\nglobalThis.s = policySchema")).code).toContain(ZOD)
  expect((await browserBundle("import { metaAiEu } from './dist/index.js'\nglobalThis.s = metaAiEu")).code).toContain(META)
})

test('the browser bundle of coverage with English names is at most 25 KB min+gzip, and runs without Node', async () => {
  const { code, gzipped } = await browserBundle(bundleEntries.english)
  expect(gzipped).toBeLessThanOrEqual(25 * 1024)
  // What it need not ship: zod (the schemas are apart) and the policies it does not use.
  expect(code).not.toContain(ZOD)
  expect(code).not.toContain(META)
  // A context with only the language and Intl: no process, require or Buffer.
  const context: { Intl: typeof Intl; coverage?: typeof coverage } = { Intl }
  runInNewContext(code, context)
  const report = context.coverage?.({ country: 'HK', timeZone: 'Asia/Hong_Kong' }, { asOf: '2026-01-01T00:00:00Z' })
  expect(report?.from?.toISOString()).toBe('2024-09-17T16:00:00.000Z')
  expect(report?.status).toBe('covered')
})
