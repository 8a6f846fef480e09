// The browser bundle of `coverage` with English names: its size (bytes, not
// time) and that it runs with nothing of Node's; and that of
// `ai-training-scope/archive`, which must run there too. `npm test` builds dist first.
import { runInNewContext } from 'node:vm'
import { expect, test } from 'vitest'
import { browserBundle, bundleEntries } from '../bench/bundle'
import { strToU8, zipSync } from 'fflate'
import type { archiveReport, readArchive } from '../src/archive'
import type { coverage } from '../src/index'

/** Text only zod's code holds, and only Meta's policy. */
const ZOD = '_zod'
const META = 'meta-newsroom-2025-04-14'
/** Text only the German texts of ai-training-scope/texts hold. */
const GERMAN = 'Kein Geburtsdatum angegeben'

test('the markers are in the bundles that use zod, Meta\'s policy and the German texts', async () => {
  expect((await browserBundle("import { policySchema } from './dist/schemas.js'\nglobalThis.s = policySchema")).code).toContain(ZOD)
  expect((await browserBundle("import { metaAiEu } from './dist/index.js'\nglobalThis.s = metaAiEu")).code).toContain(META)
  expect((await browserBundle("import { withLanguages } from './dist/texts.js'\nglobalThis.s = withLanguages")).code).toContain(GERMAN)
})

test('the browser bundle of coverage with English names is at most 25 KB min+gzip, and runs without Node', async () => {
  const { code, gzipped } = await browserBundle(bundleEntries.english)
  expect(gzipped).toBeLessThanOrEqual(25 * 1024)
  // What it need not ship: zod (the schemas are apart) and the policies it does not use.
  expect(code).not.toContain(ZOD)
  expect(code).not.toContain(META)
  expect(code).not.toContain(GERMAN)
  // A context with only the language and Intl: no process, require or Buffer.
  const context: { Intl: typeof Intl; coverage?: typeof coverage } = { Intl }
  runInNewContext(code, context)
  const report = context.coverage?.({ country: 'HK', timeZone: 'Asia/Hong_Kong' }, { asOf: '2026-01-01T00:00:00Z' })
  expect(report?.from?.toISOString()).toBe('2024-09-17T16:00:00.000Z')
  expect(report?.status).toBe('covered')
})

test('ai-training-scope/archive bundles for browsers and reads a ZIP with nothing of Node', async () => {
  // esbuild's browser platform fails on any Node built-in, and picks fflate's browser build.
  const { code } = await browserBundle("import { readArchive, archiveReport } from './dist/archive.js'\nglobalThis.readArchive = readArchive\nglobalThis.archiveReport = archiveReport")
  const context: { Intl: typeof Intl; TextDecoder: typeof TextDecoder; readArchive?: typeof readArchive; archiveReport?: typeof archiveReport } = { Intl, TextDecoder }
  runInNewContext(code, context)
  const zip = zipSync({ 'Shares_7.csv': strToU8('Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility\n2025-12-01 10:00:00,https://x.invalid/1,Hi,,,MEMBER_NETWORK\n') })
  const archive = context.readArchive?.(zip, { name: 'Complete_LinkedInDataExport_03-08-2026.zip' })
  expect(archive?.items.map((item) => [item.category, item.line])).toEqual([['content', 2]])
  const report = archive === undefined ? undefined : context.archiveReport?.({ country: 'DE', timeZone: 'Europe/Berlin' }, archive, { asOf: '2026-06-01T00:00:00Z' })
  expect(report?.counts).toEqual({ content: { 'in-scope': 1, retained: 0, undetermined: 0, 'out-of-scope': 0 } })
})
