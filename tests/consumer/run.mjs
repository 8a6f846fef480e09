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
    `import { coverage, dataUse, resolveRegion, registerLocale, isPolicyInputError, linkedinGenAi } from 'ai-training-scope'
import { de } from 'ai-training-scope/locales'
import assert from 'node:assert/strict'
const report = coverage({ country: 'DE', timeZone: 'Europe/Berlin' }, { asOf: '2026-01-01T00:00:00Z' })
assert.equal(report.status, 'covered')
assert.equal(report.from.toISOString(), '2025-11-02T23:00:00.000Z')
assert.equal(dataUse({ country: 'DE' }, { category: 'salary', createdAt: '2025-01-01T00:00:00Z' }).status, 'out-of-scope')
registerLocale(de)
assert.equal(resolveRegion('Deutschland').country, 'DE')
assert.ok(Object.isFrozen(linkedinGenAi))
try { coverage({ country: 'Atlantis' }) ; assert.fail('no error') } catch (error) { assert.ok(isPolicyInputError(error)) }`,
  ],
  'CJS require': [
    'cjs.cjs',
    `const { coverage, coveredFrom, safeCoverage, PolicyInputError } = require('ai-training-scope')
const { fr } = require('ai-training-scope/locales')
const assert = require('node:assert/strict')
assert.equal(coverage({ country: 'UK', timeZone: 'Europe/London' }, { asOf: '2025-11-03T00:00:00Z' }).status, 'covered')
assert.equal(coveredFrom({ country: 'HK' }).toISOString(), '2025-11-02T16:00:00.000Z')
const failed = safeCoverage({ country: 'DE', birthDate: '2025-02-30' })
assert.equal(failed.success, false)
assert.ok(failed.error instanceof PolicyInputError)
assert.equal(fr.locale, 'fr')`,
  ],
  'the installed bin': [
    'bin.mjs',
    `import { execFileSync } from 'node:child_process'
import assert from 'node:assert/strict'
const report = JSON.parse(execFileSync('node_modules/.bin/ai-training-scope', ['check', '--country', 'HK', '--json', '--as-of', '2026-01-01T00:00:00Z'], { encoding: 'utf8' }))
assert.equal(report.status, 'covered')
assert.equal(report.from, '2025-11-02T16:00:00.000Z')`,
  ],
  'TypeScript types (node16 resolution, ESM and CJS)': [
    'types.mts',
    `import { coverage, type CoverageReport } from 'ai-training-scope'
import { de } from 'ai-training-scope/locales'
const report: CoverageReport = coverage({ country: 'DE' })
const status: 'covered' | 'not-covered' | 'undetermined' = report.status
export { status, de }`,
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
        writeFileSync(join(scratch, 'types.cts'), source.replace('export { status, de }', 'export = { status, de }'))
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
