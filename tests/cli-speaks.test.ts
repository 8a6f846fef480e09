// The CLI speaks CLI: no message tells its user to call a function, advice
// follows the member's state, local times name their zone and say where it
// came from, `regions` has a header, names in any language and `--as-of now`
// and `today` work. Runs dist/cli.js (`npm test` builds first).
import { spawnSync } from 'node:child_process'
import { describe, expect, test } from 'vitest'
import { linkedinGenAi } from '../src/index'

const CLI = new URL('../dist/cli.js', import.meta.url).pathname
const cli = (args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' })
const { advice } = linkedinGenAi.texts.en
const asOf = ['--as-of', '2026-06-01T00:00:00Z']

describe('no message tells a CLI user to call a function', () => {
  const cases = [
    ['check', '--country', 'Atlantis'],
    ['check', '--country', 'Kongo'],
    ['check', '--country', 'Korea'],
    ['check', '--country', 'Deutschlnd'],
    ['check', '--country', 'DE', '--birth-date', '2030-01-01', ...asOf],
    ['check', '--country', 'DE', '--birth-date', '1850'],
    ['check', '--country', 'DE', '--time-zone', 'Europe/Atlantis'],
    ['check', '--country', 'DE', '--as-of', 'soon'],
    ['check', '--country', 'DE', '--lang', 'qq'],
    ['check'],
    ['regions', '--lang', 'qq'],
  ]
  for (const args of cases) {
    test(`${args.join(' ')}: exit 2, one line, no function named`, () => {
      const run = cli(args)
      expect(run.status).toBe(2)
      expect(run.stderr.trim().split('\n')).toHaveLength(1)
      expect(run.stderr).not.toMatch(/[A-Za-z]\(|registerLocale|policySchema|definePolicy|register/)
    })
  }

  test('check with no options points to --help', () => {
    expect(cli(['check']).stderr).toContain('"ai-training-scope check --help" lists the options')
  })
})

describe('advice follows the member\'s state', () => {
  const cases = [
    {
      name: 'no opt-out: both channels and the general advice',
      args: ['--country', 'DE'],
      has: [advice.setting, advice['objection-form'], advice.general],
      hasNot: ['You opted out'],
    },
    {
      name: 'opted out through the setting: not told to turn it off',
      args: ['--country', 'DE', '--opt-out', '2026-01-15T09:00:00Z,setting'],
      has: ['You opted out through "Data for Generative AI Improvement" at 2026-01-15 09:00 UTC: it holds until you turn it on again.', advice['objection-form'], advice.general],
      hasNot: [advice.setting],
    },
    {
      name: 'objected: told it lasts, and not told to turn off a setting that adds nothing',
      args: ['--country', 'DE', '--opt-out', '2026-01-15T09:00:00Z,objection-form'],
      has: ['You opted out through "Data Processing Objection form" at 2026-01-15 09:00 UTC: it lasts; no opt-in reverses it.', advice.general],
      hasNot: [advice.setting, advice['objection-form']],
    },
    {
      name: 'opted out, then in again: the advice of a member who never opted out',
      args: ['--country', 'DE', '--opt-out', '2026-01-15T09:00:00Z,setting', '--opt-in', '2026-02-01T00:00:00Z'],
      has: [advice.setting, advice['objection-form'], advice.general],
      hasNot: ['You opted out'],
    },
    {
      name: 'an opt-out after asOf is not in force yet',
      args: ['--country', 'DE', '--opt-out', '2027-01-15T09:00:00Z,setting'],
      has: [advice.setting],
      hasNot: ['You opted out'],
    },
  ]
  for (const { name, args, has, hasNot } of cases) {
    test(name, () => {
      const run = cli(['check', ...args, ...asOf])
      expect(run.status).toBe(0)
      const what = run.stdout.slice(run.stdout.indexOf('What you can do:'), run.stdout.indexOf('Sources:'))
      for (const text of has) expect(what).toContain(text)
      for (const text of hasNot ?? []) expect(what).not.toContain(text)
    })
  }
})

describe('local times name their zone, and say where it came from', () => {
  const cases = [
    { args: ['--country', 'DE', '--time-zone', 'Europe/Berlin'], since: 'Since: 2025-11-03 00:00 Europe/Berlin (2025-11-02 23:00 UTC)', zone: 'Time zone: Europe/Berlin, as given' },
    { args: ['--country', 'UA', '--time-zone', 'Europe/Kiev'], since: 'Since: 2024-09-18 00:00 Europe/Kyiv (2024-09-17 21:00 UTC)', zone: 'Time zone: Europe/Kyiv, as given' },
    { args: ['--country', 'FR'], since: 'Since: 2025-11-03 00:00 Europe/Paris (2025-11-02 23:00 UTC)', zone: "Time zone: Europe/Paris, inferred: no --time-zone given, and it is FR's only zone" },
    { args: ['--country', 'DE'], since: 'Since: 2025-11-03 00:00 Europe/Berlin (2025-11-02 23:00 UTC)', zone: "Time zone: inferred: no --time-zone given; local times in Europe/Berlin, where DE's zones (Europe/Berlin, Europe/Busingen) agree, else UTC alone" },
    { args: ['--country', 'Canary Islands'], since: 'Since: 2025-11-03 00:00 Atlantic/Canary (2025-11-03 00:00 UTC)', zone: 'Time zone: Atlantic/Canary, that of Canary Islands (no --time-zone given)' },
    { args: ['--country', 'Azores'], since: 'Since: 2025-11-03 00:00 Atlantic/Azores (2025-11-03 01:00 UTC)', zone: 'Time zone: Atlantic/Azores, that of Azores (no --time-zone given)' },
  ]
  for (const { args, since, zone } of cases) {
    test(`${args.join(' ')}: ${zone}`, () => {
      const run = cli(['check', ...args, ...asOf])
      expect(run.stdout).toContain(`  ${since}\n`)
      expect(run.stdout).toContain(`  ${zone}\n`)
    })
  }
})

describe('countries as people type them, and --as-of now and today', () => {
  const cases = [
    { country: 'Deutschland', shows: 'Country: Germany (DE)' },
    { country: 'Polônia', shows: 'Country: Poland (PL)' },
    { country: 'Tchéquie', shows: 'Country: Czech Republic (CZ)' },
    { country: '日本', shows: 'Country: Japan (JP)' },
    { country: "Côte d’Ivoire", shows: "Country: Cote d'Ivoire (CI)" },
    { country: 'Viet Nam', shows: 'Country: Vietnam (VN)' },
    { country: 'England', shows: 'Country: United Kingdom (GB), region UK' },
    { country: 'Holland', shows: 'Country: Netherlands (NL), region EU' },
  ]
  for (const { country, shows } of cases) {
    test(`--country ${country}`, () => {
      const run = cli(['check', '--country', country, ...asOf])
      expect(run.status, run.stderr).toBe(0)
      expect(run.stdout).toContain(shows)
    })
  }

  test('--lang ja prints names in Japanese, which no table has', () => {
    expect(cli(['check', '--country', 'DE', '--lang', 'ja', ...asOf]).stdout).toContain('Country: ドイツ (DE)')
  })

  const words = [
    { word: 'now', near: () => Date.now() },
    { word: 'today', near: () => Math.floor(Date.now() / 86_400_000) * 86_400_000 },
  ]
  for (const { word, near } of words) {
    test(`--as-of ${word}`, () => {
      const run = cli(['check', '--country', 'DE', '--as-of', word, '--json'])
      expect(run.status).toBe(0)
      const asked = Date.parse((JSON.parse(run.stdout) as { asOf: string }).asOf)
      expect(Math.abs(asked - near())).toBeLessThan(60_000)
    })
  }

  test('batch takes --as-of today too', () => {
    const run = spawnSync(process.execPath, [CLI, 'batch', '-', '--as-of', 'today'], { input: '{"id":"a","country":"Canary Islands"}\n', encoding: 'utf8' })
    expect(run.status).toBe(0)
    expect(JSON.parse(run.stdout)).toMatchObject({ id: 'a', country: 'ES', reasons: expect.arrayContaining(['time-zone-of-place']) })
  })
})

describe('regions prints a header row', () => {
  test('its first line names the columns', () => {
    const [header, first] = cli(['regions']).stdout.split('\n')
    expect(header).toMatch(/^code +name +region +timeline/)
    expect(first).toMatch(/^AD +Andorra +ROW /)
  })
})
