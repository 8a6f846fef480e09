// The built CLI (dist/cli.js), run as a real process. `npm test` builds first.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { coverage, linkedinGenAi } from '../src/index'
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
  for (const command of ['', 'check', 'batch', 'regions', 'policy']) {
    test(`${command || 'the program'} --help explains itself`, () => {
      const run = cli(command === '' ? ['--help'] : [command, '--help'])
      expect(run.code).toBe(0)
      expect(run.stdout).toMatch(/Usage:/)
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

describe('check', () => {
  const asOf = '2026-11-30T12:00:00Z'
  test('answers a person: affected, since when (local and UTC), why, what to do, sources', () => {
    const run = cli(['check', '--country', 'DE', '--birth-date', '2008-02-29', '--as-of', asOf])
    expect(run.code).toBe(0)
    expect(run.stderr).toBe('')
    expect(run.stdout).toContain('Affected: yes.')
    expect(run.stdout).toContain('Since: 2026-03-01 00:00 local time (2026-02-28 23:00 UTC)')
    expect(run.stdout).toContain('Country: Germany (DE), region EU, rollout 2025-six-regions from 2025-11-03')
    expect(run.stdout).toMatch(/Why:\n {2}- DE is in region EU/)
    expect(run.stdout).toContain('Settings & Privacy > Data privacy > Data for Generative AI Improvement')
    expect(run.stdout).toContain('linkedin.com/help/linkedin/ask/TS-DPRO')
    expect(run.stdout).toContain('[linkedin-minors] LinkedIn Generative AI FAQ: members under 18')
  })

  test('--json prints the coverage report with UTC instants', () => {
    const run = cli(['check', '--country', 'CA', '--time-zone', 'America/Vancouver', '--opt-out', '2026-01-01T00:00:00Z,objection-form', '--opt-in', '2026-02-01T00:00:00Z', '--as-of', asOf, '--json'])
    expect(run.code).toBe(0)
    const expected = coverage({ country: 'CA', timeZone: 'America/Vancouver', optOuts: [{ at: '2026-01-01T00:00:00Z', via: 'objection-form' }], optIns: [{ at: '2026-02-01T00:00:00Z' }] }, { asOf })
    expect(JSON.parse(run.stdout)).toEqual(JSON.parse(JSON.stringify(expected)))
    expect(JSON.parse(run.stdout).until).toBe('2026-01-01T00:00:00.000Z')
  })

  const people = [
    { name: 'not yet: a minor', args: ['--country', 'FR', '--time-zone', 'Europe/Paris', '--birth-date', '2012-05-01'], says: ['Affected: not yet.', 'From: 2030-05-01 00:00 Europe/Paris (2030-04-30 22:00 UTC)'] },
    { name: 'no longer: opted out', args: ['--country', 'GB', '--opt-out', '2026-01-01T00:00:00Z'], says: ['Affected: no longer.', 'until 2026-01-01 00:00 local time (2026-01-01 00:00 UTC)'] },
    { name: 'no: secondary school', args: ['--country', 'US', '--secondary-school'], says: ['Affected: no.', 'taken to hold throughout'] },
    { name: 'maybe: Jersey', args: ['--country', 'JE', '--as-of', '2025-06-01T00:00:00Z'], says: ['Affected: maybe.', 'Possibly since: 2024-09-18 00:00 local time (2024-09-17 23:00 UTC)'] },
    { name: 'a zone-dependent instant gives UTC only', args: ['--country', 'CA', '--as-of', '2025-11-03T05:00:00Z'], says: ['2025-11-03 03:30 UTC (local time depends on your time zone; give --time-zone)'] },
    { name: '--lang de accepts and prints German names', args: ['--country', 'Deutschland', '--lang', 'de'], says: ['Country: Deutschland (DE)'] },
    { name: 'UK and numeric codes', args: ['--country', '826'], says: ['Country: United Kingdom (GB), region UK'] },
  ]
  for (const { name, args, says } of people) {
    test(name, () => {
      const run = cli(['check', ...args, ...(args.includes('--as-of') ? [] : ['--as-of', asOf])])
      expect(run.code).toBe(0)
      for (const text of says) expect(run.stdout).toContain(text)
    })
  }

  const bad = [
    { args: ['--country', 'Atlantis'], line: '--country "Atlantis" is not an ISO 3166-1 code or a country name' },
    { args: [], line: '--country is required' },
    { args: ['--country', 'DE', '--birth-date', '2025-02-30'], line: '--birth-date "2025-02-30" is not a real calendar date' },
    { args: ['--country', 'DE', '--time-zone', 'Europe/Atlantis'], line: '--time-zone "Europe/Atlantis" is not an IANA time zone' },
    { args: ['--country', 'DE', '--opt-out', '2025-11-01T00:00'], line: '--opt-out "2025-11-01T00:00" has no offset' },
    { args: ['--country', 'DE', '--opt-out', '2025-11-01T00:00:00Z,email'], line: '--opt-out expected one of "setting", "objection-form", got "email"' },
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
  test('regions --json lists every country with region, rollout, effective date and notes', () => {
    const rows = JSON.parse(cli(['regions', '--json']).stdout) as { country: string; region: string; effective: string; ambiguous: boolean; note?: string }[]
    expect(rows).toHaveLength(250)
    expect(rows.find((row) => row.country === 'JE')).toMatchObject({ region: 'ROW', effective: '2024-09-18', ambiguous: true })
    expect(rows.find((row) => row.country === 'AX')).toMatchObject({ region: 'EU', effective: '2025-11-03' })
    expect(rows.find((row) => row.country === 'MO')?.note).toBe('Macao is not Hong Kong')
  })
  test('regions prints a table, in the chosen language', () => {
    const run = cli(['regions', '--lang', 'fr'])
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/^CH {2}Suisse +CH +2025-six-regions {2}2025-11-03$/m)
    expect(run.stdout).toContain('250 countries and territories')
  })
  test('policy --json is the policy', () => {
    expect(JSON.parse(cli(['policy', '--json']).stdout)).toEqual(JSON.parse(JSON.stringify(linkedinGenAi)))
  })
  test('policy prints every rule with its source', () => {
    const run = cli(['policy'])
    expect(run.stdout).toContain('2025-six-regions: 2025-11-03 (stated) for EU, EEA, CH, CA, HK, UK [linkedin-faq-2025]')
    expect(run.stdout).toContain('private-message: not used: Private messages [linkedin-faq-2025]')
    expect(run.stdout).toContain('[ico-2025-09-23]')
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
    expect(errors[0]).toEqual({ id: 'm7', status: 'error', line: 8, field: 'country', message: expect.stringContaining('"Atlantis" is not') })
    expect(errors[1]).toMatchObject({ id: 'm500', line: 501, field: 'birthDate' })
    expect(records[1]).toEqual({ id: 'm1', status: 'covered', country: 'CA', region: 'CA', from: '2025-11-03T03:30:00.000Z', until: null, reasons: ['rollout', 'time-zone-inferred', 'adult-from'] })
    expect(run.stderr).toMatch(new RegExp(`^rows ${ROWS}, covered \\d+, not covered \\d+, undetermined \\d+, errors ${errors.length}; \\d+ rows/s`))
    expect(run.stderr).not.toContain(ESC)
  }, 60_000)

  test(`${ROWS} CSV rows in one process: the same answers as NDJSON, as CSV with a header`, () => {
    const run = cli(['batch', csv(), '--as-of', asOf, '--jobs', '1'])
    expect(run.code).toBe(1)
    const lines = run.stdout.trimEnd().split('\n')
    expect(lines[0]).toBe('id,status,country,region,from,until,reasons,line,field,message')
    expect(lines).toHaveLength(ROWS + 1)
    expect(lines[1]).toBe('m0,not-covered,DE,EU,2025-11-02T23:00:00.000Z,2026-01-01T00:00:00.000Z,rollout|age-not-given|opted-out,,,')
    const errorLines = lines.slice(1).filter((line) => line.split(',')[1] === 'error').map((line) => Number(line.split(',')[7]))
    expect(errorLines).toEqual(badLines(2))
    expect(lines[8]).toMatch(/^m7,error,,,,,,9,country,/)
    expect(lines[501]).toMatch(/^m500,error,,,,,,502,birth_date,/)
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
      { id: '', status: 'error', line: 4, field: '(line)', message: 'is not a JSON object' },
      { id: '', status: 'error', line: 5, field: 'id', message: 'is missing' },
    ])
    expect(run.stderr).toContain('blank lines skipped 1')
  })

  test('an NDJSON row is read as a member with its id: any other unknown field is refused', () => {
    const run = cli(['batch', '-', '--as-of', asOf], { input: '{"id":"a","country":"DE","birthdate":"2000-01-01"}\n{"country":"DE","id":"b","timeZone":"Europe/Berlin"}\n' })
    expect(run.code).toBe(1)
    expect(run.stdout.trimEnd().split('\n').map((line) => JSON.parse(line))).toEqual([
      { id: 'a', status: 'error', line: 1, field: 'birthdate', message: '"birthdate" is not a known field' },
      expect.objectContaining({ id: 'b', status: 'covered', country: 'DE' }),
    ])
  })

  test('CSV cells: a bad secondary_school, too few columns, an objection', () => {
    const input = 'id,country,birth_date,time_zone,secondary_school,opt_outs,opt_ins\na,DE,,,maybe,,\nb,DE\nc,DE,,Europe/Berlin,,2026-01-01T00:00:00Z;objection-form,2026-02-01T00:00:00Z\n'
    const run = cli(['batch', '-', '--format', 'csv', '--as-of', asOf], { input })
    expect(run.stdout.trimEnd().split('\n').slice(1)).toEqual([
      'a,error,,,,,,2,secondary_school,"""maybe"" is not true or false"',
      'b,error,,,,,,3,(row),has 2 columns; the header has 7',
      'c,not-covered,DE,EU,2025-11-02T23:00:00.000Z,2026-01-01T00:00:00.000Z,rollout|age-not-given|opt-in-ignored|objected,,,',
    ])
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
    expect(run).toMatchObject({ code: 0, stdout: 'id,status,country,region,from,until,reasons,line,field,message\n' })
  })

  const badOptions = [
    { args: ['batch'], line: 'give an input file' },
    { args: ['batch', join(tmpdir(), 'no-such-file.ndjson')], line: 'cannot read' },
    { args: ['batch', '-', '--format', 'xml'], line: '--format "xml" is not ndjson or csv' },
    { args: ['batch', '-', '--jobs', '0'], line: '--jobs "0" is not a whole number' },
    { args: ['batch', '-', '--as-of', 'now'], line: '--as-of "now" is not an ISO 8601 instant' },
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
