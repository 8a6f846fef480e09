#!/usr/bin/env node
// Packaging lints, run by `npm test` on the built package: publint and attw
// --pack. (What gets published, and that it installs and runs from ESM, CJS,
// the bin and TypeScript: tests/consumer/run.mjs. The browser bundle:
// tests/budgets.test.ts. `npm run audit` is apart: it needs the registry's
// advisory service.)
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'

const root = new URL('..', import.meta.url).pathname
const bin = (name) => join(root, 'node_modules', '.bin', name)
const run = (command, args) => execFileSync(command, args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
let passed = 0
let failed = 0

function check(name, expected, command, args) {
  try {
    const out = run(command, args)
    if (!out.includes(expected)) throw new Error(out)
    console.log(`  ✓ ${name}`)
    passed++
  } catch (error) {
    console.log(`  ✗ ${name}\n${error.stdout ?? ''}${error.stderr ?? ''}${error.message}`)
    failed++
  }
}

check('publint --strict', 'All good', bin('publint'), ['--strict'])
check('attw --pack', 'No problems found', bin('attw'), ['--pack', '.'])
console.log(`package: ${passed} passed, ${failed} failed`)
process.exitCode = failed === 0 ? 0 : 1
