// `ai-training-scope archive`, the built CLI run as a real process on
// synthetic exports (tests/archive-maker.ts). `npm test` builds first.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { makeArchive, plainRows } from './archive-maker'

const CLI = new URL('../dist/cli.js', import.meta.url).pathname
const ASOF = ['--as-of', '2026-06-01T00:00:00Z']
let folder = ''
let zip = ''
const made = makeArchive({ layout: 'complete', year: 2026, rows: plainRows(6, Date.UTC(2024, 0, 1), 4) })
/** Text only the items hold (plainRows writes it into every text). */
const ITEM_TEXT = 'ünïcödé'

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run `npm run build` first')
  folder = mkdtempSync(join(tmpdir(), 'ai-training-scope-archive-'))
  zip = join(folder, made.name)
  writeFileSync(zip, made.zip())
})
afterAll(() => rmSync(folder, { recursive: true, force: true }))

function cli(args: string[]) {
  const run = spawnSync(process.execPath, [CLI, 'archive', ...args], { encoding: 'utf8', cwd: folder })
  return { code: run.status, stdout: run.stdout, stderr: run.stderr }
}

describe('archive', () => {
  test('without --country it suggests one from Geo Location and Billing Country, and stops with exit 2', () => {
    const run = cli([zip])
    expect(run.code).toBe(2)
    expect(run.stdout).toBe('')
    expect(run.stderr).toContain('--country is required')
    expect(run.stderr).toContain('Profile.csv, Geo Location: "Berlin, Germany" suggests DE (Germany)')
    expect(run.stderr).toContain('Receipts_v2.csv, Billing Country: "DE" suggests DE (Germany)')
    expect(readdirSync(folder)).toEqual([made.name])
  })

  test('a plain summary: a sentence per status with its counts and oldest item, what to do, what was skipped; no item text', () => {
    const run = cli([zip, '--country', 'DE', ...ASOF])
    expect(run.code).toBe(0)
    expect(run.stderr).toBe('')
    expect(run.stdout).toContain(`Your complete LinkedIn data export: ${made.items} items read from`)
    // Germany: the 2025 phase, from the start of 3 November 2025 in its zones.
    expect(run.stdout).toContain('Since when: your data may be used from 2025-11-02 23:00 UTC; windows of use (UTC): 2025-11-02 23:00 onwards (stated).')
    expect(run.stdout).toMatch(/^In scope: \d+ items \(content \d+, profile \d+.*\) may be used to train these models now\.$/m)
    expect(run.stdout).toMatch(/^Out of scope: 15 items \(job-application 5, payment 5, private-message 5\) are not used\.$/m)
    expect(run.stdout).toMatch(/^ {2}The oldest is a \w+, created between 2023-12-31 10:00 and 2024-01-01 12:00 UTC \(.+, line 2\)\.$/m)
    expect(run.stdout).toContain('What you can do:')
    expect(run.stdout).toContain('Connections.csv: not the member\'s content')
    expect(run.stdout).toContain('Votes_31415926.csv, line 6: Date: date "2025-02-30 10:00:00" has no such calendar date')
    expect(run.stdout).not.toContain(ITEM_TEXT)
    expect(readdirSync(folder)).toEqual([made.name])
  })

  test('--json: counts, statuses with their oldest and newest items, skipped files and bad rows; no items, no text', () => {
    const run = cli([zip, '--country', 'DE', '--json', ...ASOF])
    expect(run.code).toBe(0)
    const json = JSON.parse(run.stdout)
    expect(Object.keys(json)).toEqual(['policy', 'policyVersion', 'asOf', 'counts', 'statuses', 'files', 'skipped', 'malformed', 'countryHints'])
    expect(json.counts['private-message']).toEqual({ 'in-scope': 0, retained: 0, undetermined: 0, 'out-of-scope': 5 })
    expect(json.statuses['in-scope'].oldest).toMatchObject({ line: 2, created: { from: '2023-12-31T10:00:00.000Z' } })
    expect(run.stdout).not.toContain(ITEM_TEXT)
  })

  for (const [name, text] of [
    ['items.csv', false],
    ['items.ndjson', false],
    ['with-text.ndjson', true],
  ] as const) {
    test(`--out ${name}${text ? ' --text' : ''}: one record per item${text ? ', with its text' : ', without its text'}; only that file is written`, () => {
      const out = join(folder, name)
      const run = cli([zip, '--country', 'DE', '--out', out, ...(text ? ['--text'] : []), ...ASOF])
      expect(run.code).toBe(0)
      const content = readFileSync(out, 'utf8')
      if (name.endsWith('.csv')) expect(content.split('\n')[0]).toBe('file,line,kind,category,dated,createdFrom,createdUntil,status,reasons')
      else {
        const records = content.trimEnd().split('\n').map((line) => JSON.parse(line))
        expect(records).toHaveLength(made.items)
        expect(records.every((record) => ('text' in record) === text)).toBe(true)
      }
      expect(content.includes(ITEM_TEXT)).toBe(text)
      expect(readdirSync(folder).sort()).toEqual([made.name, name].sort())
      rmSync(out)
    })
  }

  test('--time-zone does not narrow the export\'s zoneless dates', () => {
    const without = cli([zip, '--country', 'DE', '--out', join(folder, 'a.ndjson'), ...ASOF])
    const withZone = cli([zip, '--country', 'DE', '--time-zone', 'Europe/Berlin', '--out', join(folder, 'b.ndjson'), ...ASOF])
    expect([without.code, withZone.code]).toEqual([0, 0])
    const ranges = (file: string) => readFileSync(join(folder, file), 'utf8').trimEnd().split('\n').map((line) => JSON.parse(line)).map((record) => [record.createdFrom, record.createdUntil])
    expect(ranges('b.ndjson')).toEqual(ranges('a.ndjson'))
    rmSync(join(folder, 'a.ndjson'))
    rmSync(join(folder, 'b.ndjson'))
  })

  const bad = [
    { name: "Meta's policy, which names none of the export's categories", args: ['--country', 'DE', '--policy', 'meta-ai-eu'], line: 'ai-training-scope: archive: --policy meta-ai-eu: policy "meta-ai-eu" uses none of the categories' },
    { name: 'an impossible birth date', args: ['--country', 'DE', '--birth-date', '2008-02-30'], line: 'ai-training-scope: archive: --birth-date "2008-02-30"' },
    { name: 'an unknown country', args: ['--country', 'Atlantis'], line: 'ai-training-scope: archive: --country "Atlantis"' },
  ]
  for (const { name, args, line } of bad) {
    test(`${name}: exit 2 with one line naming the option`, () => {
      const run = cli([zip, ...args, ...ASOF])
      expect(run.code).toBe(2)
      expect(run.stdout).toBe('')
      expect(run.stderr.startsWith(line)).toBe(true)
      expect(run.stderr.trimEnd().split('\n')).toHaveLength(1)
    })
  }

  test('a file that is not a ZIP, or is missing: exit 2 naming it', () => {
    const notZip = join(folder, 'notes.zip')
    writeFileSync(notZip, 'hello')
    expect(cli([notZip, '--country', 'DE'])).toMatchObject({ code: 2, stderr: expect.stringContaining(`archive: ${JSON.stringify(notZip)} is not a ZIP archive that can be read`) })
    rmSync(notZip)
    expect(cli([join(folder, 'missing.zip'), '--country', 'DE'])).toMatchObject({ code: 2, stderr: expect.stringContaining('(ENOENT)') })
    expect(cli([])).toMatchObject({ code: 2, stderr: 'ai-training-scope: archive: give the ZIP of your data export\n' })
  })
})
