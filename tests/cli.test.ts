// The built CLI (dist/cli.js), run as a real process. `npm test` builds first.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { coverage, linkedinGenAi, metaAiEu } from '../src/index'
import { version } from '../package.json'

const CLI = new URL('../dist/cli.js', import.meta.url).pathname
const ESC = '\u001B'
let folder = ''

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run `npm run build` first')
  folder = mkdtempSync(join(tmpdir(), 'ai-training-scope-cli-'))
})
afterAll(() => rmSync(folder, { recursive: true, force: true }))

function cli(args: string[], options: { input?: string; env?: NodeJS.ProcessEnv } = {}) {
  const run = spawnSync(process.execPath, [CLI, ...args], {
    input: options.input,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, ...options.env },
  })
  return { code: run.status, stdout: run.stdout, stderr: run.stderr }
}

describe('program', () => {
  test('--version prints the package version', () => {
    expect(cli(['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' })
  })
  for (const command of ['', 'check', 'batch', 'items', 'archive', 'regions', 'policy']) {
    test(`${command || 'the program'} --help explains itself`, () => {
      const run = cli(command === '' ? ['--help'] : [command, '--help'])
      expect(run.code).toBe(0)
      expect(run.stdout).toMatch(/Usage:/)
      expect(run.stdout).toContain('--policy')
      expect(run.stderr).toBe('')
    })
  }
  test('no command prints the help and exits 2', () => {
    expect(cli([]).code).toBe(2)
  })
  test('an unknown command exits 2 with one line', () => {
    const run = cli(['chek'])
    expect(run.code).toBe(2)
    expect(run.stderr).toBe('ai-training-scope: unknown command "chek"; try --help\n')
  })
})

const { answers, advice } = linkedinGenAi.texts.en

describe('check', () => {
  const asOf = '2026-11-30T12:00:00Z'
  test("answers a person in the policy's words: affected, since when (local and UTC), windows, why, what to do, sources", () => {
    const run = cli(['check', '--country', 'DE', '--birth-date', '2008-02-29', '--as-of', asOf])
    expect(run.code).toBe(0)
    expect(run.stderr).toBe('')
    expect(run.stdout).toContain(`Affected: yes. ${answers.covered}\n`)
    expect(run.stdout).toContain('Since: 2026-03-01 00:00 Europe/Berlin (2026-02-28 23:00 UTC)')
    expect(run.stdout).toContain('Country: Germany (DE), region EU (European Union)\n')
    expect(run.stdout).toContain(`Policy: linkedin-genai, version ${linkedinGenAi.version}\n`)
    expect(run.stdout).toContain('Windows of use:\n  2026-03-01 00:00 Europe/Berlin (2026-02-28 23:00 UTC) onwards (no end announced) [EU/2025-six-regions, stated]\n')
    expect(run.stdout).toMatch(/Why:\n {2}- Region EU \(European Union\): phase "2025-six-regions" from 2025-11-03 until no end announced, stated; .* \[linkedin-faq-2025\]\n/)
    expect(run.stdout).toContain(`What you can do:\n  - ${advice.setting}\n  - ${advice['objection-form']}\n  - ${advice.general}\n`)
    expect(run.stdout).toContain('[linkedin-minors] LinkedIn Generative AI FAQ: members under 18 <https://www.linkedin.com/help/linkedin/answer/a5538339>')
  })


  test('--json prints the coverage report with UTC instants, windows with their certainty and ranged ends', () => {
    const run = cli(['check', '--country', 'CA', '--time-zone', 'America/Vancouver', '--opt-out', '2026-01-01T00:00:00Z,objection-form', '--opt-in', '2026-02-01T00:00:00Z', '--as-of', asOf, '--json'])
    expect(run.code).toBe(0)
    const expected = coverage({ country: 'CA', timeZone: 'America/Vancouver', optOuts: [{ at: '2026-01-01T00:00:00Z', via: 'objection-form' }], optIns: [{ at: '2026-02-01T00:00:00Z' }] }, { asOf })
    const json = JSON.parse(run.stdout)
    expect(json).toEqual(JSON.parse(JSON.stringify(expected)))
    expect(json.until).toBe('2026-01-01T00:00:00.000Z')
    expect(json.windows).toEqual([
      { from: '2024-09-18T07:00:00.000Z', until: '2024-12-10T08:00:00.000Z', phases: ['CA/2024-global'], certainty: 'reported', untilRange: { from: '2024-10-16T07:00:00.000Z', until: '2024-12-10T08:00:00.000Z' } },
      { from: '2025-11-03T08:00:00.000Z', until: '2026-01-01T00:00:00.000Z', phases: ['CA/2025-six-regions'], certainty: 'stated', untilRange: null },
    ])
  })

  test('--json flags a possible window (GB, 2024)', () => {
    const json = JSON.parse(cli(['check', '--country', 'GB', '--as-of', '2024-09-19T00:00:00Z', '--json']).stdout)
    expect(json.status).toBe('undetermined')
    expect(json.windows[0]).toEqual({ from: '2024-09-17T23:00:00.000Z', until: '2024-09-19T23:00:00.000Z', phases: ['UK/2024-global'], certainty: 'possible', untilRange: null })
  })

  const meta = metaAiEu.texts.en
  const people: { name: string; args: string[]; says: string[]; lacks?: string[] }[] = [
    {
      name: 'no longer: HK, opted out in 2025, keeps its 2024 window (and no 2025 one)',
      args: ['--country', 'HK', '--as-of', '2026-01-01T00:00:00Z', '--opt-out', '2025-10-10T00:00:00Z'],
      says: [`Affected: no longer. ${answers['no-longer']}\n`, 'Windows of use:\n  2024-09-18 00:00 Asia/Hong_Kong (2024-09-17 16:00 UTC) until 2024-10-11 00:00 Asia/Hong_Kong (2024-10-10 16:00 UTC) [HK/2024-global, reported]\n\n'],
      lacks: ['[HK/2025-six-regions'],
    },
    {
      name: 'no longer, and again later: HK during the pause',
      args: ['--country', 'HK', '--as-of', '2025-01-01T00:00:00Z'],
      says: ['Affected: no longer.', '  Again from: 2025-11-03 00:00 Asia/Hong_Kong (2025-11-02 16:00 UTC)\n', 'ended at 2024-10-10T16:00:00.000Z; no phase of use is running at asOf [pcpd-2024-10-15]'],
    },
    {
      name: 'maybe: CA inside the ranged end shows the range',
      args: ['--country', 'CA', '--time-zone', 'America/Toronto', '--as-of', '2024-11-01T00:00:00Z'],
      says: [
        `Affected: maybe. ${answers.undetermined}\n`,
        '  2024-09-18 00:00 America/Toronto (2024-09-18 04:00 UTC) until a day between 2024-10-16 00:00 America/Toronto (2024-10-16 04:00 UTC) and 2024-12-10 00:00 America/Toronto (2024-12-10 05:00 UTC) (the end is not public) [CA/2024-global, reported]\n',
        'ended on a day not made public, between 2024-10-16T04:00:00.000Z and 2024-12-10T05:00:00.000Z',
      ],
    },
    {
      name: 'maybe: GB in 2024 shows the possible window',
      args: ['--country', 'GB', '--as-of', '2024-09-19T00:00:00Z'],
      says: [
        'Affected: maybe.',
        'Possibly since: 2024-09-18 00:00 Europe/London (2024-09-17 23:00 UTC)\n',
        '  2024-09-18 00:00 Europe/London (2024-09-17 23:00 UTC) until 2024-09-20 00:00 Europe/London (2024-09-19 23:00 UTC) (possible: it may not have happened) [UK/2024-global]\n',
        'Phase "2024-global" is only possible',
      ],
    },
    {
      name: 'yes: GB later, possibly since the possible window, certainly since the stated one',
      args: ['--country', 'GB', '--as-of', '2026-01-01T00:00:00Z'],
      says: ['Affected: yes.', '  Possibly since 2024-09-18 00:00 Europe/London (2024-09-17 23:00 UTC); certainly since 2025-11-03 00:00 Europe/London (2025-11-03 00:00 UTC)\n'],
    },
    {
      name: "--policy meta-ai-eu: FR covered from 2025-05-27, in Meta's words only",
      args: ['--country', 'FR', '--policy', 'meta-ai-eu', '--as-of', '2026-01-01T00:00:00Z'],
      says: [`Affected: yes. ${meta.answers.covered}\n`, 'Since: 2025-05-27 00:00 Europe/Paris (2025-05-26 22:00 UTC)', `Policy: meta-ai-eu, version ${metaAiEu.version}`, `What you can do:\n  - ${meta.advice['objection-form']}\n  - ${meta.advice.general}\n\n`],
      lacks: ['LinkedIn'],
    },
    {
      name: '--policy meta-ai-eu: US is outside the policy',
      args: ['--country', 'US', '--policy', 'meta-ai-eu', '--as-of', '2026-01-01T00:00:00Z'],
      says: [`Affected: maybe. ${meta.answers.outside}\n`, "Country: United States of America (US), outside this policy's regions\n", "US is in none of the regions of this policy: Meta's use outside the EU and EEA is not modelled by this policy [meta-newsroom-2025-04-14]"],
      lacks: ['Windows of use:'],
    },
    {
      name: "--opt-out without a channel is through the policy's first (meta-ai-eu: objection-form): never",
      args: ['--country', 'FR', '--policy', 'meta-ai-eu', '--opt-out', '2025-01-01T00:00:00Z'],
      says: [`Affected: no. ${meta.answers.never}\n`, 'opted out through "Meta AI training objection form" at 2025-01-01T00:00:00.000Z, before any use began'],
    },
    { name: 'not yet: a minor', args: ['--country', 'FR', '--time-zone', 'Europe/Paris', '--birth-date', '2012-05-01'], says: ['Affected: not yet.', 'From: 2030-05-01 00:00 Europe/Paris (2030-04-30 22:00 UTC)'] },
    { name: 'no longer: opted out', args: ['--country', 'GB', '--opt-out', '2026-01-01T00:00:00Z'], says: ['Affected: no longer.', 'until 2026-01-01 00:00 Europe/London (2026-01-01 00:00 UTC)'] },
    { name: 'no: secondary school', args: ['--country', 'US', '--secondary-school'], says: ['Affected: no.', 'taken to hold throughout'] },
    { name: 'maybe: Jersey', args: ['--country', 'JE', '--as-of', '2025-06-01T00:00:00Z'], says: ['Affected: maybe.', 'Possibly since: 2024-09-18 00:00 Europe/Jersey (2024-09-17 23:00 UTC)'] },
    { name: 'a zone-dependent instant gives UTC only', args: ['--country', 'CA', '--as-of', '2025-11-03T05:00:00Z'], says: ['2025-11-03 03:30 UTC (local time depends on your time zone; give --time-zone)'] },
    { name: '--lang de accepts and prints German names', args: ['--country', 'Deutschland', '--lang', 'de'], says: ['Country: Deutschland (DE)'] },
    { name: 'UK and numeric codes', args: ['--country', '826'], says: ['Country: United Kingdom (GB), region UK'] },
    { name: 'a territory read two ways', args: ['--country', 'JE'], says: ['Country: Jersey (JE), region ROW (Rest of the world), also read as UK (United Kingdom)\n'] },
  ]
  for (const { name, args, says, lacks = [] } of people) {
    test(name, () => {
      const run = cli(['check', ...args, ...(args.includes('--as-of') ? [] : ['--as-of', asOf])])
      expect(run.code).toBe(0)
      for (const text of says) expect(run.stdout).toContain(text)
      for (const text of lacks) expect(run.stdout).not.toContain(text)
    })
  }

  const bad = [
    { args: ['--country', 'Atlantis'], line: '--country "Atlantis" is not an ISO 3166-1 code or a country name' },
    { args: [], line: 'which member? give at least --country' },
    { args: ['--country', 'DE', '--birth-date', '2025-02-30'], line: '--birth-date "2025-02-30" is not a real calendar date' },
    { args: ['--country', 'DE', '--time-zone', 'Europe/Atlantis'], line: '--time-zone "Europe/Atlantis" is not an IANA time zone' },
    { args: ['--country', 'DE', '--opt-out', '2025-11-01T00:00'], line: '--opt-out "2025-11-01T00:00" has no offset' },
    { args: ['--country', 'DE', '--opt-out', '2025-11-01T00:00:00Z,email'], line: '--opt-out expected one of "setting", "objection-form", got "email"' },
    { args: ['--country', 'DE', '--policy', 'meta-ai-eu', '--opt-out', '2025-11-01T00:00:00Z,setting'], line: '--opt-out expected one of "objection-form", got "setting"' },
    { args: ['--country', 'DE', '--policy', 'linkedin'], line: 'check: --policy linkedin: is neither a built-in policy (linkedin-genai, meta-ai-eu) nor a readable file (ENOENT)' },
    { args: ['--country', 'DE', '--opt-in', 'soon'], line: '--opt-in "soon" is not an ISO 8601 instant' },
    { args: ['--country', 'DE', '--as-of', '2026-13-01T00:00:00Z'], line: '--as-of "2026-13-01T00:00:00Z" has no such calendar date' },
    { args: ['--country', 'DE', '--lang', 'xx'], line: '--lang "xx" is not one of' },
    { args: ['--country', 'DE', '--frobnicate'], line: "Unknown option '--frobnicate'" },
    { args: ['--country'], line: "Option '--country <value>' argument missing" },
  ]
  for (const { args, line } of bad) {
    test(`exits 2 with one line for ${JSON.stringify(args.join(' '))}`, () => {
      const run = cli(['check', ...args])
      expect(run.code).toBe(2)
      expect(run.stdout).toBe('')
      expect(run.stderr.split('\n')).toHaveLength(2)
      expect(run.stderr).toContain(line)
      expect(run.stderr).not.toMatch(/\n\s+at /)
    })
  }
})

describe('regions and policy', () => {
  type RegionRow = { country: string; region: string | null; alsoReadAs: string | null; ambiguous: boolean; timeline: { region: string; id: string; start: string; end: unknown; certainty: string }[]; note?: string }
  test('regions --json lists every country with its region, timeline, ambiguity and notes', () => {
    const rows = JSON.parse(cli(['regions', '--json']).stdout) as RegionRow[]
    expect(rows).toHaveLength(250)
    expect(rows.find((row) => row.country === 'JE')).toMatchObject({
      region: 'ROW',
      alsoReadAs: 'UK',
      ambiguous: true,
      timeline: [
        { region: 'ROW', id: '2024-global', start: '2024-09-18', end: null, certainty: 'reported' },
        { region: 'UK', id: '2024-global', start: '2024-09-18', end: '2024-09-20', certainty: 'possible' },
        { region: 'UK', id: '2025-six-regions', start: '2025-11-03', end: null, certainty: 'stated' },
      ],
    })
    expect(rows.find((row) => row.country === 'CA')?.timeline[0]).toEqual({ region: 'CA', id: '2024-global', start: '2024-09-18', end: { earliest: '2024-10-16', latest: '2024-12-10' }, certainty: 'reported' })
    expect(rows.find((row) => row.country === 'AX')).toMatchObject({ region: 'EU', alsoReadAs: null, ambiguous: false, timeline: [{ region: 'EU', id: '2025-six-regions', start: '2025-11-03', end: null, certainty: 'stated' }] })
    expect(rows.find((row) => row.country === 'MO')?.note).toBe('Macao is not Hong Kong')
  })
  test('regions prints a table, in the chosen language: timelines with ranged ends and certainties', () => {
    const run = cli(['regions', '--lang', 'fr'])
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/^CH +Suisse +CH +2025-six-regions 2025-11-03\.\. stated$/m)
    expect(run.stdout).toMatch(/^CA +Canada +CA +2024-global 2024-09-18\.\.\(2024-10-16\.\.2024-12-10\) reported, 2025-six-regions 2025-11-03\.\. stated$/m)
    expect(run.stdout).toMatch(/^GB +Royaume-Uni +UK +2024-global 2024-09-18\.\.2024-09-20 possible, 2025-six-regions 2025-11-03\.\. stated$/m)
    expect(run.stdout).toMatch(/^JE +Jersey +ROW +2024-global 2024-09-18\.\. reported, UK\/2024-global .* {2}ambiguous {2}Jersey, a Crown Dependency/m)
    expect(run.stdout).toContain(`250 countries and territories under linkedin-genai version ${linkedinGenAi.version}`)
  })
  test('regions --policy meta-ai-eu: its own regions, "-" outside them', () => {
    const run = cli(['regions', '--policy', 'meta-ai-eu'])
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/^FR +France +EU +2025-eu 2025-05-27\.\. stated$/m)
    expect(run.stdout).toMatch(/^US +United States of America +- +-$/m)
    const rows = JSON.parse(cli(['regions', '--json', '--policy', 'meta-ai-eu']).stdout) as RegionRow[]
    expect(rows.find((row) => row.country === 'US')).toMatchObject({ region: null, timeline: [] })
  })
  test('policy --json is the policy', () => {
    expect(JSON.parse(cli(['policy', '--json']).stdout)).toEqual(JSON.parse(JSON.stringify(linkedinGenAi)))
    expect(JSON.parse(cli(['policy', '--json', '--policy', 'meta-ai-eu']).stdout)).toEqual(JSON.parse(JSON.stringify(metaAiEu)))
  })
  test('policy prints every rule with its source: phases, ranged ends, other countries, channels, sources', () => {
    const run = cli(['policy'])
    expect(run.stdout).toContain(`Policy linkedin-genai, version ${linkedinGenAi.version}\n`)
    expect(run.stdout).toContain('  CA: Canada: CA [linkedin-faq-2025]\n    2024-global: from 2024-09-18 until a day between 2024-10-16 and 2024-12-10, reported [press-2024-10-15; end: opc-2024-12-10]\n')
    expect(run.stdout).toContain('    2024-global: from 2024-09-18 until 2024-09-20, possible [ico-2024-09-20]\n')
    expect(run.stdout).toContain('    2025-six-regions: from 2025-11-03 until no end announced, stated [ico-2025-09-23]\n      lookback: the Irish DPC says')
    expect(run.stdout).toContain('Other countries: read as region ROW\n')
    expect(run.stdout).toContain('  setting: Data for Generative AI Improvement (Settings & Privacy > Data privacy > Data for Generative AI Improvement); covers content-generating AI models; an opt-in reverses it; it lasts into later phases [linkedin-setting-faq]\n')
    expect(run.stdout).toContain('  objection-form: Data Processing Objection form (linkedin.com/help/linkedin/ask/TS-DPRO); covers content-generating and all other AI and machine-learning models; no opt-in reverses it; it lasts into later phases [linkedin-objection-form]\n')
    expect(run.stdout).toContain('private-message: not used: Private messages [linkedin-faq-2025]')
    expect(run.stdout).toContain('  [ico-2025-09-23] UK ICO statement on changes to LinkedIn AI data policy (updated 23 Sept 2025) (ico.org.uk)\n      https://cy.ico.org.uk/')
    expect(run.stdout).toContain('  [pcpd-2024-10-15] Hong Kong PCPD media statement, 15 Oct 2024 (pcpd.org.hk, press_20241015)\n      https://pcpd.org.hk/english/news_events/media_statements/press_20241015.html (retrieved 2026-12-07)\n')
    expect(run.stdout).toContain("  [press-2025] Press coverage of LinkedIn's Nov 2025 change (Sept 2025), listing data not used (press, Sept 2025)\n      no URL found\n")
  })
  test('policy --policy meta-ai-eu: other countries are undetermined', () => {
    const run = cli(['policy', '--policy', 'meta-ai-eu'])
    expect(run.stdout).toContain(`Policy meta-ai-eu, version ${metaAiEu.version}\n`)
    expect(run.stdout).toContain("Other countries: undetermined: Meta's use outside the EU and EEA is not modelled by this policy [meta-newsroom-2025-04-14]\n")
    expect(run.stdout).not.toContain('LinkedIn')
  })
})

describe('--policy FILE.json', () => {
  /** A copy of LinkedIn's policy with one change, as JSON in the test folder. */
  type Editable = { regions: Record<string, { timeline: { end: unknown }[] }> }
  const write = (name: string, change: (policy: Editable) => void) => {
    const policy = JSON.parse(JSON.stringify(linkedinGenAi)) as Editable
    change(policy)
    const file = join(folder, name)
    writeFileSync(file, JSON.stringify(policy))
    return file
  }
  const later = () => write('later-pause.json', (policy) => ((policy.regions.HK?.timeline[0] as { end: unknown }).end = '2024-11-11'))
  const badDate = () => write('bad-date.json', (policy) => ((policy.regions.CA?.timeline[0] as { end: unknown }).end = '2024-13-01'))

  test('check names a source without a URL as such, with its note', () => {
    const file = write('no-url.json', (policy) => {
      const source = (policy as unknown as { sources: Record<string, Record<string, unknown>> }).sources['pcpd-2024-10-15'] as Record<string, unknown>
      source.url = null
      delete source.retrieved
      source.note = 'the page has moved'
    })
    const run = cli(['check', '--country', 'HK', '--as-of', '2026-01-01T00:00:00Z', '--policy', file])
    expect(run.stdout).toContain('[pcpd-2024-10-15] Hong Kong PCPD media statement, 15 Oct 2024 (no URL found: the page has moved)')
  })

  test('a valid file is the policy every command answers by', () => {
    const file = later()
    const check = cli(['check', '--country', 'HK', '--as-of', '2026-01-01T00:00:00Z', '--opt-out', '2025-10-10T00:00:00Z', '--policy', file])
    expect(check.code).toBe(0)
    expect(check.stdout).toContain('  2024-09-18 00:00 Asia/Hong_Kong (2024-09-17 16:00 UTC) until 2024-11-11 00:00 Asia/Hong_Kong (2024-11-10 16:00 UTC) [HK/2024-global, reported]\n')
    expect(cli(['regions', '--policy', file]).stdout).toMatch(/^HK +Hong Kong +HK +2024-global 2024-09-18\.\.2024-11-11 reported/m)
    expect(cli(['policy', '--policy', file]).stdout).toContain('    2024-global: from 2024-09-18 until 2024-11-11, reported')
    expect(JSON.parse(cli(['policy', '--json', '--policy', file]).stdout).regions.HK.timeline[0].end).toBe('2024-11-11')
  })

  test('batch: the workers answer by the file too', () => {
    const input = join(folder, 'hk.ndjson')
    let text = ''
    for (let i = 0; i < 3000; i++) text += `{"id":${i},"country":"HK","optOuts":[{"at":"2025-10-10T00:00:00Z","via":"setting"}]}\n`
    writeFileSync(input, text)
    const run = cli(['batch', input, '--as-of', '2026-01-01T00:00:00Z', '--jobs', '2', '--policy', later()])
    expect(run.code).toBe(0)
    expect(run.stderr).toContain('2 threads')
    const records = run.stdout.trimEnd().split('\n').map((line) => JSON.parse(line))
    expect(records).toHaveLength(3000)
    expect(records.every((record) => record.status === 'not-covered' && record.until === '2024-11-10T16:00:00.000Z')).toBe(true)
  })

  for (const command of ['check', 'batch', 'regions', 'policy']) {
    const args = command === 'check' ? ['--country', 'DE'] : command === 'batch' ? ['-'] : []
    test(`${command}: a file with a bad date exits 2, naming the file and the path inside it`, () => {
      const file = badDate()
      const run = cli([command, ...args, '--policy', file], { input: '' })
      expect(run.code).toBe(2)
      expect(run.stdout).toBe('')
      expect(run.stderr).toBe(`ai-training-scope: ${command}: --policy ${file}: regions.CA.timeline[0].end: "2024-13-01" is not a real date YYYY-MM-DD\n`)
    })
  }

  test('a missing file and invalid JSON exit 2 with one clear line', () => {
    const missing = cli(['regions', '--policy', join(folder, 'no-such-policy.json')])
    expect(missing.code).toBe(2)
    expect(missing.stderr).toBe(`ai-training-scope: regions: --policy ${join(folder, 'no-such-policy.json')}: is neither a built-in policy (linkedin-genai, meta-ai-eu) nor a readable file (ENOENT)\n`)
    const broken = join(folder, 'broken.json')
    writeFileSync(broken, '{"id": ')
    const invalid = cli(['policy', '--policy', broken])
    expect(invalid.code).toBe(2)
    expect(invalid.stderr).toMatch(new RegExp(`^ai-training-scope: policy: --policy ${broken}: is not valid JSON: .+\\n$`))
  })
})

const ROWS = 100_000
/** Member i: varied, with a bad country at i % 1000 === 7 and a bad date at i % 1000 === 500. */
function member(i: number): Record<string, string | undefined> {
  const countries = ['DE', 'CA', 'US', 'GB', 'JE', 'ES', 'HK', 'deu', 'XK', 'PT']
  return {
    id: `m${i}`,
    country: i % 1000 === 7 ? 'Atlantis' : countries[i % countries.length],
    birthDate: i % 1000 === 500 ? '2025-02-30' : [undefined, '1990-05-05', '2008', '2008-02-29'][i % 4],
    timeZone: i % 3 === 0 ? 'Europe/Berlin' : undefined,
    optOut: i % 5 === 0 ? '2026-01-01T00:00:00Z' : undefined,
  }
}
const badLines = (offset: number) => Array.from({ length: ROWS }, (_, i) => i).filter((i) => i % 1000 === 7 || i % 1000 === 500).map((i) => i + offset)

describe('batch', () => {
  const asOf = '2026-06-01T00:00:00Z'
  /** What every record carries: the instant asked about, the policy and its version. */
  const stamp = { asOf: '2026-06-01T00:00:00.000Z', policy: 'linkedin-genai', policyVersion: linkedinGenAi.version }
  const STAMP = Object.values(stamp).join(',')
  /** A report's windows as records write them (instants in UTC). */
  const windowsOf = (member: { country: string; birthDate?: string }) => JSON.parse(JSON.stringify(coverage(member, { asOf }).windows))
  const ndjson = () => {
    const file = join(folder, 'members.ndjson')
    if (!existsSync(file)) {
      let text = ''
      for (let i = 0; i < ROWS; i++) {
        const m = member(i)
        text += `${JSON.stringify({ id: m.id, country: m.country, birthDate: m.birthDate, timeZone: m.timeZone, optOuts: m.optOut === undefined ? undefined : [{ at: m.optOut, via: 'setting' }] })}\n`
      }
      writeFileSync(file, text)
    }
    return file
  }
  const csv = () => {
    const file = join(folder, 'members.csv')
    if (!existsSync(file)) {
      let text = 'id,country,birth_date,time_zone,secondary_school,opt_outs,opt_ins\n'
      for (let i = 0; i < ROWS; i++) {
        const m = member(i)
        text += `${m.id},${m.country},${m.birthDate ?? ''},${m.timeZone ?? ''},,${m.optOut === undefined ? '' : `${m.optOut};setting`},\n`
      }
      writeFileSync(file, text)
    }
    return file
  }

  test(`${ROWS} NDJSON rows with bad rows, on 2 workers: one record per row, in order, errors with line and field, exit 1`, () => {
    const run = cli(['batch', ndjson(), '--as-of', asOf, '--jobs', '2'])
    expect(run.code).toBe(1)
    const records = run.stdout.trimEnd().split('\n').map((line) => JSON.parse(line))
    expect(records).toHaveLength(ROWS)
    expect(records.every((record, i) => record.id === `m${i}`)).toBe(true)
    const errors = records.filter((record) => record.status === 'error')
    expect(errors.map((record) => record.line)).toEqual(badLines(1))
    expect(errors[0]).toEqual({ id: 'm7', status: 'error', ...stamp, line: 8, field: 'country', message: expect.stringContaining('"Atlantis" is not') })
    expect(errors[1]).toMatchObject({ id: 'm500', line: 501, field: 'birthDate' })
    expect(records[1]).toEqual({
      id: 'm1',
      status: 'covered',
      ...stamp,
      country: 'CA',
      region: 'CA',
      from: '2024-09-18T02:30:00.000Z',
      until: null,
      windows: windowsOf({ country: 'CA', birthDate: '1990-05-05' }),
      reasons: ['phase', 'phase', 'time-zone-inferred', 'adult-from'],
    })
    expect(records[1].windows).toEqual([
      { from: '2024-09-18T02:30:00.000Z', until: '2024-12-10T08:00:00.000Z', phases: ['CA/2024-global'], certainty: 'reported', untilRange: { from: '2024-10-16T02:30:00.000Z', until: '2024-12-10T08:00:00.000Z' } },
      { from: '2025-11-03T03:30:00.000Z', until: null, phases: ['CA/2025-six-regions'], certainty: 'stated', untilRange: null },
    ])
    expect(run.stderr).toMatch(new RegExp(`^rows ${ROWS}, covered \\d+, not covered \\d+, undetermined \\d+, errors ${errors.length}; \\d+ rows/s`))
    expect(run.stderr).not.toContain(ESC)
  }, 60_000)

  test(`${ROWS} CSV rows in one process: the same answers as NDJSON, as CSV with a header`, () => {
    const run = cli(['batch', csv(), '--as-of', asOf, '--jobs', '1'])
    expect(run.code).toBe(1)
    const lines = run.stdout.trimEnd().split('\n')
    expect(lines[0]).toBe('id,status,as_of,policy,policy_version,country,region,from,until,windows,reasons,line,field,message')
    expect(lines).toHaveLength(ROWS + 1)
    expect(lines[1]).toBe(`m0,not-covered,${STAMP},DE,EU,2025-11-02T23:00:00.000Z,2026-01-01T00:00:00.000Z,2025-11-02T23:00:00.000Z/2026-01-01T00:00:00.000Z;stated,phase|age-not-given|opted-out,,,`)
    const errorLines = lines.slice(1).filter((line) => line.split(',')[1] === 'error').map((line) => Number(line.split(',')[11]))
    expect(errorLines).toEqual(badLines(2))
    expect(lines[8]).toMatch(new RegExp(`^m7,error,${STAMP},,,,,,,9,country,`))
    expect(lines[501]).toMatch(new RegExp(`^m500,error,${STAMP},,,,,,,502,birth_date,`))
    const fromNdjson = cli(['batch', ndjson(), '--as-of', asOf, '--jobs', '1']).stdout.trimEnd().split('\n').map((line) => JSON.parse(line).status)
    expect(lines.slice(1).map((line) => line.split(',')[1])).toEqual(fromNdjson)
  }, 60_000)

  // 9,000 rows are ~14 blocks: with more than one thread, both the main thread and the workers evaluate some.
  test.each([
    ['ndjson', ndjson, 9000],
    ['csv', csv, 9001],
  ])('%s: --jobs 1, 2 and 3 write the same bytes', (format, file, lines) => {
    const small = join(folder, `small.${format}`)
    writeFileSync(small, readFileSync(file(), 'utf8').split('\n').slice(0, lines).join('\n'))
    const [one, two, three] = ['1', '2', '3'].map((jobs) => cli(['batch', small, '--as-of', asOf, '--jobs', jobs]))
    expect(one?.stdout.split('\n')).toHaveLength(lines + 1)
    expect(two?.stdout).toBe(one?.stdout)
    expect(three?.stdout).toBe(one?.stdout)
    expect(three?.stderr).toContain('3 threads')
  }, 30_000)

  test('reads standard input, skips blank lines, tells the format from the first line', () => {
    const run = cli(['batch', '-', '--as-of', asOf], { input: '\uFEFF{"id":1,"country":"DE"}\r\n\n{"id":2,"country":"XX"}\n[1]\n{"country":"DE"}' })
    expect(run.code).toBe(1)
    expect(run.stdout.trimEnd().split('\n').map((line) => JSON.parse(line))).toEqual([
      expect.objectContaining({ id: '1', status: 'covered' }),
      expect.objectContaining({ id: '2', status: 'error', line: 3, field: 'country' }),
      { id: '', status: 'error', ...stamp, line: 4, field: '(line)', message: 'is not a JSON object' },
      { id: '', status: 'error', ...stamp, line: 5, field: 'id', message: 'is missing' },
    ])
    expect(run.stderr).toContain('blank lines skipped 1')
  })

  test('an NDJSON row is read as a member with its id: a near-miss of a field is an error naming the field meant', () => {
    const run = cli(['batch', '-', '--as-of', asOf], { input: '{"id":"a","country":"DE","birthdate":"2000-01-01"}\n{"country":"DE","id":"b","timeZone":"Europe/Berlin"}\n' })
    expect(run.code).toBe(1)
    expect(run.stdout.trimEnd().split('\n').map((line) => JSON.parse(line))).toEqual([
      { id: 'a', status: 'error', ...stamp, line: 1, field: 'birthdate', message: 'is not a known field; did you mean "birthDate"?' },
      expect.objectContaining({ id: 'b', status: 'covered', country: 'DE' }),
    ])
  })

  test('CSV cells: a bad secondary_school, too few columns, an objection', () => {
    const input = 'id,country,birth_date,time_zone,secondary_school,opt_outs,opt_ins\na,DE,,,maybe,,\nb,DE\nc,DE,,Europe/Berlin,,2026-01-01T00:00:00Z;objection-form,2026-02-01T00:00:00Z\n'
    const run = cli(['batch', '-', '--format', 'csv', '--as-of', asOf], { input })
    expect(run.stdout.trimEnd().split('\n').slice(1)).toEqual([
      `a,error,${STAMP},,,,,,,2,secondary_school,"""maybe"" is not true, false, yes, no, 1 or 0 (in any case)"`,
      `b,error,${STAMP},,,,,,,3,(row),has 2 columns; the header has 7`,
      `c,not-covered,${STAMP},DE,EU,2025-11-02T23:00:00.000Z,2026-01-01T00:00:00.000Z,2025-11-02T23:00:00.000Z/2026-01-01T00:00:00.000Z;stated,phase|age-not-given|opt-in-ignored|opted-out-for-good,,,`,
    ])
  })

  test("--policy meta-ai-eu: a row outside its regions is answered with no region, an opt-out without a channel is through the policy's first", () => {
    const meta = { ...stamp, policy: 'meta-ai-eu', policyVersion: metaAiEu.version }
    const META = Object.values(meta).join(',')
    const ndjson = cli(['batch', '-', '--as-of', asOf, '--policy', 'meta-ai-eu'], { input: '{"id":"us","country":"US"}\n{"id":"fr","country":"FR","optOuts":[{"at":"2025-01-01T00:00:00Z","via":"setting"}]}\n' })
    expect(ndjson.code).toBe(1)
    expect(ndjson.stdout.trimEnd().split('\n').map((line) => JSON.parse(line))).toEqual([
      { id: 'us', status: 'undetermined', ...meta, country: 'US', region: null, from: null, until: null, windows: [], reasons: ['outside-policy'] },
      { id: 'fr', status: 'error', ...meta, line: 2, field: 'optOuts[0].via', message: 'expected one of "objection-form", got "setting"' },
    ])
    const csv = cli(['batch', '-', '--format', 'csv', '--as-of', asOf, '--policy', 'meta-ai-eu'], { input: 'id,country,birth_date,time_zone,secondary_school,opt_outs,opt_ins\nus,US,,,,,\nfr,FR,,,,2025-01-01T00:00:00Z,\n' })
    expect(csv.code).toBe(0)
    expect(csv.stdout.trimEnd().split('\n').slice(1)).toEqual([`us,undetermined,${META},US,,,,,outside-policy,,,`, `fr,not-covered,${META},FR,EU,,,,phase|time-zone-inferred|age-not-given|opted-out-before-start,,,`])
  })

  test('a reader that goes away ends the run with one line, not a stack trace', async () => {
    const child = spawn(process.execPath, [CLI, 'batch', ndjson(), '--jobs', '1', '--as-of', asOf], { stdio: ['ignore', 'pipe', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (chunk) => (stderr += chunk))
    child.stdout.once('data', () => child.stdout.destroy())
    const code = await new Promise((resolve) => child.on('exit', resolve))
    expect(code).toBe(1)
    expect(stderr).toBe('ai-training-scope: standard output closed (EPIPE); output is incomplete\n')
  }, 30_000)

  test('an empty input gives no records and exits 0', () => {
    const run = cli(['batch', '-', '--format', 'csv'], { input: '' })
    expect(run).toMatchObject({ code: 0, stdout: 'id,status,as_of,policy,policy_version,country,region,from,until,windows,reasons,line,field,message\n' })
  })

  const badOptions = [
    { args: ['batch'], line: 'give an input file' },
    { args: ['batch', join(tmpdir(), 'no-such-file.ndjson')], line: 'cannot read' },
    { args: ['batch', '-', '--format', 'xml'], line: '--format "xml" is not ndjson or csv' },
    { args: ['batch', '-', '--jobs', '0'], line: '--jobs "0" is not a whole number' },
    { args: ['batch', '-', '--as-of', 'yesterday'], line: '--as-of "yesterday" is not an ISO 8601 instant' },
  ]
  for (const { args, line } of badOptions) {
    test(`exits 2 for ${JSON.stringify(args.slice(1).join(' '))}`, () => {
      const run = cli(args, { input: '' })
      expect(run.code).toBe(2)
      expect(run.stderr).toContain(line)
      expect(run.stdout).toBe('')
    })
  }
})

describe('batch --out', () => {
  const start = (out: string) =>
    spawn(process.execPath, [CLI, 'batch', '-', '--out', out, '--jobs', '1', '--as-of', '2026-06-01T00:00:00Z'], { stdio: ['pipe', 'pipe', 'pipe'] })
  /** Feeds rows until the temporary file holds output, leaving the input open. */
  async function midRun(child: ChildProcess, out: string): Promise<string> {
    const prefix = `.${out.split('/').at(-1)}.`
    let i = 0
    const deadline = Date.now() + 20_000
    for (;;) {
      let text = ''
      for (let n = 0; n < 5000; n++, i++) text += `{"id":${i},"country":"DE"}\n`
      await new Promise<void>((resolve) => child.stdin?.write(text, () => resolve()))
      const temporary = readdirSync(folder).find((name) => name.startsWith(prefix))
      if (temporary !== undefined && statSync(join(folder, temporary)).size > 0) return join(folder, temporary)
      if (Date.now() > deadline) throw new Error('the batch never wrote its temporary file')
    }
  }
  const exited = (child: ChildProcess) => new Promise<{ code: number | null; signal: string | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })))

  test('a killed run leaves no complete-looking file', async () => {
    const out = join(folder, 'killed.ndjson')
    const child = start(out)
    const temporary = await midRun(child, out)
    child.kill('SIGKILL')
    expect((await exited(child)).signal).toBe('SIGKILL')
    expect(existsSync(out)).toBe(false)
    expect(temporary).toMatch(/\.killed\.ndjson\.\d+\.tmp$/)
    rmSync(temporary, { force: true })
  }, 30_000)

  test('SIGINT removes the temporary file and exits 130', async () => {
    const out = join(folder, 'interrupted.ndjson')
    const child = start(out)
    let stderr = ''
    child.stderr?.on('data', (chunk) => (stderr += chunk))
    const temporary = await midRun(child, out)
    child.kill('SIGINT')
    expect((await exited(child)).code).toBe(130)
    expect(existsSync(out)).toBe(false)
    expect(existsSync(temporary)).toBe(false)
    expect(stderr).toContain('stopped by SIGINT; no output file was written')
  }, 30_000)

  test('a finished run renames the complete file into place', () => {
    const out = join(folder, 'done.ndjson')
    const run = cli(['batch', '-', '--out', out, '--as-of', '2026-06-01T00:00:00Z'], { input: '{"id":1,"country":"DE"}\n{"id":2,"country":"HK"}\n' })
    expect(run.code).toBe(0)
    expect(run.stdout).toBe('')
    expect(readFileSync(out, 'utf8').trimEnd().split('\n')).toHaveLength(2)
    expect(readdirSync(folder).filter((name) => name.startsWith('.done.'))).toEqual([])
  })
})

describe('progress', () => {
  test('a terminal gets a progress line; NO_COLOR drops colour; a pipe gets none', () => {
    const input = join(folder, 'progress.ndjson')
    let text = ''
    for (let i = 0; i < 30_000; i++) text += `{"id":${i},"country":"DE"}\n`
    writeFileSync(input, text)
    const out = join(folder, 'progress-out.ndjson')
    const inTerminal = (env: NodeJS.ProcessEnv) =>
      spawnSync('script', ['-qec', `${process.execPath} ${CLI} batch ${input} --out ${out} --jobs 1`, '/dev/null'], { encoding: 'utf8', env: { ...process.env, ...env } })
    const colour = inTerminal({ NO_COLOR: '' })
    expect(colour.status).toBe(0)
    expect(colour.stdout).toMatch(/\r\[.*\d+% {2}[\d,]+ rows {2}[\d,]+ rows\/s/)
    expect(colour.stdout).toContain(`${ESC}[32m`)
    const plain = inTerminal({ NO_COLOR: '1' })
    expect(plain.stdout).toMatch(/\r\[#*-*\] \d+%/)
    expect(plain.stdout).not.toContain(`${ESC}[32m`)
    const piped = cli(['batch', input, '--out', out, '--jobs', '1'])
    expect(piped.stderr).not.toContain(ESC)
    expect(piped.stderr).not.toContain('\r')
  }, 30_000)
})
