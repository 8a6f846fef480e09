#!/usr/bin/env node
// The consumer test: pack the package as npm would publish it, install the
// tarball in a scratch folder, and use it through ESM and CJS as a user would.
// It packs dist/ as built (`npm test` builds first).
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('../..', import.meta.url))
const scratch = mkdtempSync(join(tmpdir(), 'ai-training-scope-consumer-'))
const run = (command, args, cwd) => execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })

const checks = {
  'ESM import': [
    'esm.mjs',
    `import { coverage, dataUse, resolveRegion, registerLocale, isPolicyInputError, linkedinGenAi, metaAiEu, policies, reasonCodes, certainties } from 'ai-training-scope'
import { policySchema, definePolicy, jsonSchemas } from 'ai-training-scope/schemas'
import { de } from 'ai-training-scope/locales'
import policyJsonSchema from 'ai-training-scope/schemas/policy.schema.json' with { type: 'json' }
assert.deepEqual(policyJsonSchema, JSON.parse(JSON.stringify(jsonSchemas().policy)))
import assert from 'node:assert/strict'
const report = coverage({ country: 'DE', timeZone: 'Europe/Berlin' }, { asOf: '2026-01-01T00:00:00Z' })
assert.equal(report.status, 'covered')
assert.equal(report.from.toISOString(), '2025-11-02T23:00:00.000Z')
assert.deepEqual(report.windows.map((window) => [window.phases, window.certainty]), [[['EU/2025-six-regions'], 'stated']])
assert.equal(dataUse({ country: 'DE' }, { category: 'salary', createdAt: '2025-01-01T00:00:00Z' }).status, 'out-of-scope')
assert.equal(dataUse({ country: 'HK', optOuts: [{ at: '2025-10-10T00:00:00Z', via: 'setting' }] }, { category: 'feedback', createdAt: '2024-10-01' }, { asOf: '2026-01-01T00:00:00Z' }).status, 'retained')
registerLocale(de)
assert.equal(resolveRegion('Deutschland').country, 'DE')
assert.deepEqual(resolveRegion('HK').timeline.map((phase) => phase.id), ['2024-global', '2025-six-regions'])
assert.ok(Object.isFrozen(linkedinGenAi) && Object.isFrozen(metaAiEu))
assert.deepEqual(Object.keys(policies), ['linkedin-genai', 'meta-ai-eu'])
assert.equal(policySchema.safeParse(linkedinGenAi).success, true)
assert.equal(policySchema.safeParse(metaAiEu).success, true)
const us = coverage({ country: 'US' }, { asOf: '2026-01-01T00:00:00Z', policy: metaAiEu })
assert.equal(us.status, 'undetermined')
assert.equal(us.region, null)
const fr = coverage({ country: 'FR', timeZone: 'Europe/Paris' }, { asOf: '2025-05-26T22:00:00Z', policy: metaAiEu })
assert.equal(fr.status, 'covered')
const custom = definePolicy({ ...metaAiEu, id: 'meta-ai-eu-b', version: '2' })
assert.equal(coverage({ country: 'FR' }, { asOf: '2026-01-01T00:00:00Z', policy: custom }).policy, 'meta-ai-eu-b')
const fromFile = policySchema.parse(JSON.parse(JSON.stringify(linkedinGenAi)))
assert.equal(coverage({ country: 'HK' }, { policy: fromFile }).from.toISOString(), '2024-09-17T16:00:00.000Z')
try { definePolicy({ ...metaAiEu, version: '' }) ; assert.fail('no error') } catch (error) { assert.ok(isPolicyInputError(error)) ; assert.equal(error.input, 'policy') ; assert.deepEqual(error.issues[0].path, ['version']) }
assert.ok(reasonCodes.includes('end-range') && reasonCodes.includes('possible-phase'))
assert.deepEqual([...certainties], ['possible', 'reported', 'stated'])
try { coverage({ country: 'Atlantis' }) ; assert.fail('no error') } catch (error) { assert.ok(isPolicyInputError(error)) }
import { readArchive, archiveReport } from 'ai-training-scope/archive'
import { zipSync, strToU8 } from 'fflate'
const archive = readArchive(zipSync({ 'Comments_9.csv': strToU8('Date,Link,Message\\n2025-12-01 10:00:00,https://x.invalid,"A \\\\"quoted\\\\" word"\\n') }))
assert.deepEqual(archive.items.map((item) => [item.category, item.text]), [['content', 'A "quoted" word']])
assert.equal(archiveReport({ country: 'DE' }, archive, { asOf: '2026-06-01T00:00:00Z' }).statuses['in-scope'].count, 1)
import { withLanguages } from 'ai-training-scope/texts'
const german = coverage({ country: 'DE' }, { policy: withLanguages(linkedinGenAi), language: 'de', asOf: '2026-01-01T00:00:00Z' })
assert.equal(german.policy, 'linkedin-genai')
assert.ok(german.reasons.some((reason) => reason.message.startsWith('Kein Geburtsdatum angegeben')))
assert.equal(withLanguages(metaAiEu).texts.fr.answers.never, 'Aucune de vos données n’est utilisée pour entraîner ces modèles.')`,
  ],
  'CJS require': [
    'cjs.cjs',
    `const { coverage, coveredFrom, safeCoverage, PolicyInputError, metaAiEu, policies, reasonCodes, certainties } = require('ai-training-scope')
const { policySchema, definePolicy } = require('ai-training-scope/schemas')
const { fr } = require('ai-training-scope/locales')
const assert = require('node:assert/strict')
assert.equal(coverage({ country: 'UK', timeZone: 'Europe/London' }, { asOf: '2025-11-03T00:00:00Z' }).status, 'covered')
// POLICY.md, Phases: Hong Kong was on from 2024-09-18; the UK possibly so.
assert.equal(coveredFrom({ country: 'HK' }).toISOString(), '2024-09-17T16:00:00.000Z')
const uk = coverage({ country: 'GB' }, { asOf: '2024-09-19T00:00:00Z' })
assert.equal(uk.status, 'undetermined')
assert.equal(uk.windows[0].certainty, 'possible')
const toronto = coverage({ country: 'CA', timeZone: 'America/Toronto' }, { asOf: '2024-11-01T00:00:00Z' })
assert.equal(toronto.status, 'undetermined')
assert.equal(toronto.windows[0].untilRange.from.toISOString(), '2024-10-16T04:00:00.000Z')
assert.equal(coveredFrom({ country: 'US' }, { policy: metaAiEu }), null)
assert.equal(policies['meta-ai-eu'], metaAiEu)
assert.equal(typeof policySchema.safeParse, 'function')
assert.equal(typeof definePolicy, 'function')
assert.ok(Array.isArray(reasonCodes) && certainties.length === 3)
const failed = safeCoverage({ country: 'DE', birthDate: '2025-02-30' })
assert.equal(failed.success, false)
assert.ok(failed.error instanceof PolicyInputError)
assert.equal(fr.locale, 'fr')
const { readArchive } = require('ai-training-scope/archive')
assert.equal(readArchive({ 'Votes.csv': 'Date,Link,OptionText\\n2025-12-01 10:00:00,https://x.invalid,Yes\\n' }).items[0].category, 'content')
const { withLanguages } = require('ai-training-scope/texts')
const french = coverage({ country: 'FR' }, { policy: withLanguages(metaAiEu), language: 'fr', asOf: '2026-01-01T00:00:00Z' })
assert.ok(french.reasons.some((reason) => reason.message.startsWith('Aucune date de naissance indiquée')))`,
  ],
  'the installed bin': [
    'bin.mjs',
    `import { execFileSync } from 'node:child_process'
import assert from 'node:assert/strict'
const check = (...args) => JSON.parse(execFileSync('node_modules/.bin/ai-training-scope', ['check', ...args, '--json'], { encoding: 'utf8' }))
const report = check('--country', 'HK', '--as-of', '2026-01-01T00:00:00Z')
assert.equal(report.status, 'covered')
assert.equal(report.from, '2024-09-17T16:00:00.000Z')
assert.deepEqual(report.windows.map((window) => window.phases), [['HK/2024-global'], ['HK/2025-six-regions']])
const meta = check('--country', 'US', '--as-of', '2026-01-01T00:00:00Z', '--policy', 'meta-ai-eu')
assert.equal(meta.policy, 'meta-ai-eu')
assert.equal(meta.status, 'undetermined')`,
  ],
  'TypeScript types (node16 resolution, ESM and CJS)': [
    'types.mts',
    `import { coverage, metaAiEu, type CoverageReport, type RegionOf, type linkedinGenAi } from 'ai-training-scope'
import { de } from 'ai-training-scope/locales'
import { definePolicy } from 'ai-training-scope/schemas'
import { withLanguages } from 'ai-training-scope/texts'
const germanRegion: 'EU' | 'EEA' | null = coverage({ country: 'DE' }, { policy: withLanguages(metaAiEu), language: 'de' }).region
const report: CoverageReport<RegionOf<typeof linkedinGenAi>> = coverage({ country: 'DE' })
const custom = definePolicy({ ...metaAiEu, id: 'meta-b' })
const customRegion: 'EU' | 'EEA' | null = coverage({ country: 'DE' }, { policy: custom }).region
const status: 'covered' | 'not-covered' | 'undetermined' = report.status
const region: 'EU' | 'EEA' | 'CH' | 'CA' | 'HK' | 'UK' | 'ROW' | null = report.region
const metaRegion: 'EU' | 'EEA' | null = coverage({ country: 'DE', optOuts: [{ at: '2025-06-01T00:00:00Z', via: 'objection-form' }] }, { policy: metaAiEu }).region
// @ts-expect-error Meta has no setting
coverage({ country: 'DE', optOuts: [{ at: '2025-06-01T00:00:00Z', via: 'setting' }] }, { policy: metaAiEu })
export { status, region, metaRegion, customRegion, germanRegion, de }`,
  ],
}

try {
  const packed = JSON.parse(run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', scratch], root))[0]
  console.log(`packed ${packed.filename}: ${packed.entryCount} files, ${packed.size} bytes`)
  writeFileSync(join(scratch, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }))
  run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts', join(scratch, packed.filename)], scratch)
  let passed = 0
  let failed = 0
  // What gets published: dist/ and the three top files, with no install scripts.
  const files = packed.files.map((file) => file.path).filter((file) => !/^(dist\/|package\.json$|README\.md$|LICENSE$)/.test(file))
  const { scripts = {} } = JSON.parse(readFileSync(join(scratch, 'node_modules', 'ai-training-scope', 'package.json'), 'utf8'))
  const install = ['preinstall', 'install', 'postinstall'].filter((name) => name in scripts)
  if (files.length === 0 && install.length === 0) {
    console.log(`  ✓ only dist/, package.json, README.md and LICENSE are published, with no install scripts`)
    passed++
  } else {
    console.log(`  ✗ published extra files (${files.join(', ')}) or install scripts (${install.join(', ')})`)
    failed++
  }
  for (const [name, [file, source]] of Object.entries(checks)) {
    writeFileSync(join(scratch, file), source)
    try {
      if (file.endsWith('.mts')) {
        writeFileSync(join(scratch, 'types.cts'), source.replace('export { status, region, metaRegion, customRegion, germanRegion, de }', 'export = { status, region, metaRegion, customRegion, germanRegion, de }'))
        const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc')
        run(process.execPath, [tsc, '--noEmit', '--strict', '--module', 'node16', '--moduleResolution', 'node16', '--types', 'node', '--typeRoots', join(root, 'node_modules/@types'), 'types.mts', 'types.cts'], scratch)
      } else {
        run(process.execPath, [file], scratch)
      }
      console.log(`  ✓ ${name}`)
      passed++
    } catch (error) {
      console.log(`  ✗ ${name}\n${error.stdout ?? ''}${error.message}`)
      failed++
    }
  }
  console.log(`consumer: ${passed} passed, ${failed} failed`)
  process.exitCode = failed === 0 ? 0 : 1
} finally {
  rmSync(scratch, { recursive: true, force: true })
}
