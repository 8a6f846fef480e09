#!/usr/bin/env node
// Packaging checks, run by `npm test` on the built package: publint, attw
// --pack, a browser bundle of the library entry (no Node built-ins; it runs in
// a bare JavaScript context), and no install scripts in what gets published.
// (`npm run audit` is apart: it needs the registry's advisory service.)
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runInNewContext } from 'node:vm'
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'

const root = new URL('..', import.meta.url).pathname
const bin = (name) => join(root, 'node_modules', '.bin', name)
const run = (command, args) => execFileSync(command, args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
let passed = 0
let failed = 0

async function check(name, body) {
  try {
    const detail = await body()
    console.log(`  ✓ ${name}${detail ? `: ${detail}` : ''}`)
    passed++
  } catch (error) {
    console.log(`  ✗ ${name}\n${error.stdout ?? ''}${error.stderr ?? ''}${error.message}`)
    failed++
  }
}

async function browserBundle(names) {
  const result = await build({
    stdin: { contents: `import { coverage } from './dist/index.js'\n${names}\nglobalThis.answer = coverage({ country: 'DE', timeZone: 'Europe/Berlin' }, { asOf: '2026-01-01T00:00:00Z' }).from.toISOString()`, resolveDir: root },
    bundle: true,
    minify: true,
    format: 'iife',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  })
  const code = result.outputFiles[0].text
  // A context with only the language and Intl: no process, require, Buffer.
  const context = { Intl }
  runInNewContext(code, context)
  if (context.answer !== '2025-11-02T23:00:00.000Z') throw new Error(`the bundle answered ${context.answer}`)
  return gzipSync(code).length
}

await check('publint --strict', () => {
  const out = run(bin('publint'), ['--strict'])
  if (!out.includes('All good')) throw new Error(out)
})
await check('attw --pack', () => {
  const out = run(bin('attw'), ['--pack', '.'])
  if (!out.includes('No problems found')) throw new Error(out)
})
await check('browser bundle of coverage, English names', async () => `${((await browserBundle('')) / 1024).toFixed(1)} KB min+gzip, runs without Node`)
await check('browser bundle of coverage, all names', async () => {
  const size = await browserBundle("import * as locales from './dist/locales.js'\nimport { registerLocale } from './dist/index.js'\nfor (const locale of Object.values(locales)) registerLocale(locale)")
  return `${(size / 1024).toFixed(1)} KB min+gzip`
})
await check('no install scripts in the published package', () => {
  const folder = mkdtempSync(join(tmpdir(), 'ai-training-scope-pack-'))
  try {
    const [packed] = JSON.parse(run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', folder]))
    run('tar', ['-xzf', join(folder, packed.filename), '-C', folder])
    const scripts = JSON.parse(readFileSync(join(folder, 'package', 'package.json'), 'utf8')).scripts ?? {}
    const install = ['preinstall', 'install', 'postinstall'].filter((name) => name in scripts)
    if (install.length > 0) throw new Error(`install scripts: ${install.join(', ')}`)
    const files = packed.files.map((file) => file.path)
    if (files.some((file) => !/^(dist\/|package\.json$|README\.md$|LICENSE$)/.test(file))) throw new Error(`unexpected files: ${files.join(', ')}`)
    return `${files.length} files, ${packed.size} bytes packed`
  } finally {
    rmSync(folder, { recursive: true, force: true })
  }
})
console.log(`package: ${passed} passed, ${failed} failed`)
process.exitCode = failed === 0 ? 0 : 1
