#!/usr/bin/env node
// Runs the whole vitest suite once per host time zone: no answer may move with
// the host's zone. Prints a line per zone and a closing "N passed, N failed".
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const zones = ['UTC', 'Pacific/Kiritimati', 'America/St_Johns', 'Asia/Kathmandu', 'Europe/Berlin']
const folder = mkdtempSync(join(tmpdir(), 'ai-training-scope-tz-'))
let passed = 0
let failed = 0
const started = Date.now()
try {
  for (const zone of zones) {
    const report = join(folder, `${zone.replace('/', '_')}.json`)
    const run = spawnSync('npx', ['vitest', 'run', '--reporter=dot', '--reporter=json', `--outputFile.json=${report}`], {
      env: { ...process.env, TZ: zone },
      stdio: ['ignore', 'inherit', 'inherit'],
    })
    let counts = { numPassedTests: 0, numFailedTests: 0, numTotalTests: 0 }
    try {
      counts = JSON.parse(readFileSync(report, 'utf8'))
    } catch {
      counts.numFailedTests = 1 // no report: the run itself failed
    }
    const missing = run.status !== 0 && counts.numFailedTests === 0 ? 1 : 0
    passed += counts.numPassedTests
    failed += counts.numFailedTests + missing
    console.log(`TZ=${zone}: ${counts.numPassedTests} passed, ${counts.numFailedTests + missing} failed`)
  }
} finally {
  rmSync(folder, { recursive: true, force: true })
}
console.log(`host time zones: ${zones.length}, ${((Date.now() - started) / 1000).toFixed(1)} s`)
console.log(`${passed} passed, ${failed} failed`)
process.exitCode = failed === 0 && passed > 0 ? 0 : 1
