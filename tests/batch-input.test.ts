// Exports as they are, through the built CLI (dist/cli.js): CSV headers in
// any order and with any names, separators, booleans, day-first dates,
// NDJSON extra fields and near-misses, output formats, --out, leftover
// temporary files, `items` joined to a members file, and --as-of now/today.
// Every run gives one record per input row, in order.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { afterAll, describe, expect, test } from 'vitest'
import { coverage, dataUse, linkedinGenAi, metaAiEu } from '../src/index'

const CLI = new URL('../dist/cli.js', import.meta.url).pathname
const folder = mkdtempSync(join(tmpdir(), 'ai-training-scope-input-'))
afterAll(() => rmSync(folder, { recursive: true, force: true }))
const asOf = '2026-06-01T00:00:00Z'
const stamp = { asOf: '2026-06-01T00:00:00.000Z', policy: linkedinGenAi.id, policyVersion: linkedinGenAi.version }

type Record = { [key: string]: unknown }
/** Runs the CLI; its records read from NDJSON or CSV (by the first character of the output). */
function cli(args: string[], input = '') {
  const run = spawnSync(process.execPath, [CLI, ...args], { input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  const text = run.stdout
  const records: Record[] = text === '' ? [] : text.startsWith('{') ? text.trimEnd().split('\n').map((line) => JSON.parse(line)) : parse(text, { columns: true })
  return { code: run.status, stdout: text, stderr: run.stderr, records }
}
const file = (name: string, text: string) => {
  const path = join(folder, name)
  writeFileSync(path, text)
  return path
}
const ids = (records: Record[]) => records.map((record) => record.id)
/** Each test spawns the CLI a few times: on a loaded machine that takes seconds. */
const slow = { timeout: 60_000 }

describe('CSV as exported', slow, () => {
  type Case = { name: string; input: string; args?: string[]; code?: number; ids: string[]; records?: Partial<Record>[]; stderr?: string | RegExp }
  const cases: Case[] = [
    {
      name: 'an HR export with its own headers: recognised names read, the rest ignored, and stderr says which',
      input: 'Member ID,First Name,Last Name,Country,Date of Birth,Timezone,Department\ne1,Ann,Lee,DE,1990-05-05,Europe/Berlin,HR\ne2,Bo,Ng,Hong Kong,,Asia/Hong_Kong,IT\n',
      ids: ['e1', 'e2'],
      records: [
        { status: 'covered', country: 'DE', region: 'EU', reasons: 'phase|adult-from' },
        { status: 'covered', country: 'HK', region: 'HK' },
      ],
      stderr:
        'batch: columns read: id <- "Member ID" (recognised by its name), country <- "Country" (recognised by its name), birth_date <- "Date of Birth" (recognised by its name), time_zone <- "Timezone" (recognised by its name); ignored (--keep-extra carries them): "First Name", "Last Name", "Department"\n',
    },
    {
      name: 'columns in another order and case (DOB, TZ)',
      input: 'TZ,Country,DOB,ID\nEurope/Paris,FR,2012-05-01,k1\n',
      ids: ['k1'],
      records: [{ status: 'not-covered', country: 'FR', from: '2030-04-30T22:00:00.000Z', reasons: 'phase|adult-from|under-18' }],
      stderr: /time_zone <- "TZ" \(recognised by its name\)/,
    },
    { name: 'only the required columns', input: 'id,country\nr1,GB\n', ids: ['r1'], records: [{ status: 'covered', region: 'UK' }], stderr: /^rows 1,/ },
    { name: 'separated by semicolons', input: 'id;country;time_zone\ns1;DE;Europe/Berlin\ns2;CA;America/Toronto\n', ids: ['s1', 's2'], records: [{ country: 'DE' }, { country: 'CA' }] },
    { name: 'separated by tabs', input: 'id\tcountry\tbirth_date\nt1\tES\t1980\n', ids: ['t1'], records: [{ country: 'ES', reasons: 'phase|time-zone-inferred|birth-year-only' }] },
    {
      name: 'booleans in any case: true/false, yes/no, 1/0',
      input: 'id,country,secondary_school\nb1,US,TRUE\nb2,US,Yes\nb3,US,1\nb4,US,false\nb5,US,NO\nb6,US,0\nb7,US,maybe\n',
      code: 1,
      ids: ['b1', 'b2', 'b3', 'b4', 'b5', 'b6', 'b7'],
      records: [
        ...['b1', 'b2', 'b3'].map(() => ({ status: 'not-covered' })),
        ...['b4', 'b5', 'b6'].map(() => ({ status: 'covered' })),
        { status: 'error', line: '8', field: 'secondary_school', message: '"maybe" is not true, false, yes, no, 1 or 0 (in any case)' },
      ],
    },
    {
      name: 'every cell trimmed, also around ;via and |',
      input: 'id , country ,time_zone, opt_outs\n  p1 , DE , Europe/Berlin ,2026-01-01T00:00:00Z ; objection-form | 2026-03-01T00:00:00Z ;setting \n',
      ids: ['p1'],
      records: [{ status: 'not-covered', country: 'DE', until: '2026-01-01T00:00:00.000Z', reasons: 'phase|age-not-given|opted-out-for-good' }],
    },
    {
      name: 'a number in a column read as country by its name is a row error: 380 is the dialling code of Ukraine and the ISO number of Italy',
      input: 'Member ID,Country Code\nd1,380\nd2,UA\n',
      code: 1,
      ids: ['d1', 'd2'],
      records: [
        { status: 'error', field: 'Country Code', message: expect.stringContaining('"380" is a number in "Country Code", a column read as country by its name alone: it may be a telephone dialling code') },
        { status: 'covered', country: 'UA', region: 'ROW' },
      ],
    },
    {
      name: '--columns maps the user\'s names; a country column so named may hold ISO numbers',
      input: 'Member ID,Land,Date of Birth\nc1,276,1990-01-01\n',
      args: ['--columns', 'id="Member ID",birth_date="Date of Birth"', '--columns', 'country=Land'],
      ids: ['c1'],
      records: [{ status: 'covered', country: 'DE' }],
      stderr: /id <- "Member ID" \(--columns\), country <- "Land" \(--columns\), birth_date <- "Date of Birth" \(--columns\)/,
    },
    {
      name: 'a day-first or month-first birth date is a row error without --date-order',
      input: 'id,country,time_zone,birth_date\nf1,DE,Europe/Berlin,03/05/2008\n',
      code: 1,
      ids: ['f1'],
      records: [{ status: 'error', field: 'birth_date', message: '"03/05/2008" could be day-first or month-first: give --date-order dmy or mdy (never guessed)' }],
    },
    {
      name: '--date-order dmy reads 03/05/2008 as 3 May 2008: under 18 on 1 April 2026',
      input: 'id,country,time_zone,birth_date\nf1,DE,Europe/Berlin,03/05/2008\nf2,DE,Europe/Berlin,25.12.2007\n',
      args: ['--date-order', 'dmy', '--as-of', '2026-04-01T00:00:00Z'],
      ids: ['f1', 'f2'],
      records: [{ status: 'not-covered', from: '2026-05-02T22:00:00.000Z' }, { status: 'covered' }],
    },
    {
      name: '--date-order mdy reads 03/05/2008 as 5 March 2008: an adult on 1 April 2026; a 13th month is a row error',
      input: 'id,country,time_zone,birth_date\nf1,DE,Europe/Berlin,03/05/2008\nf2,DE,Europe/Berlin,25/12/2007\n',
      args: ['--date-order', 'mdy', '--as-of', '2026-04-01T00:00:00Z'],
      code: 1,
      ids: ['f1', 'f2'],
      records: [{ status: 'covered', from: '2026-03-04T23:00:00.000Z' }, { status: 'error', field: 'birth_date', message: '"25/12/2007" has no month 25, read as mdy (--date-order)' }],
    },
  ]
  for (const { name, input, args = [], code = 0, ids: expected, records = [], stderr } of cases) {
    test(name, () => {
      const run = cli(['batch', file('input.csv', input), '--as-of', asOf, ...args])
      expect(run.code, run.stderr).toBe(code)
      expect(ids(run.records)).toEqual(expected)
      records.forEach((record, index) => expect(run.records[index]).toMatchObject(record))
      for (const each of run.records) expect(each).toMatchObject({ as_of: args.includes('--as-of') ? expect.any(String) : stamp.asOf, policy: stamp.policy, policy_version: stamp.policyVersion })
      if (typeof stderr === 'string') expect(run.stderr.startsWith(stderr)).toBe(true)
      else if (stderr !== undefined) expect(run.stderr).toMatch(stderr)
    })
  }

  const refused = [
    {
      name: 'no column for a required field: one line listing the header',
      input: 'Name,First Name,Nation\nx,Ann,DE\n',
      args: [],
      line: 'ai-training-scope: batch: no column for id, country in the CSV header (columns: "Name", "First Name", "Nation"); name it with --columns id="...",country="..."\n',
    },
    {
      name: 'two columns that could both be country',
      input: 'id,Country,Country Code\nx,DE,49\n',
      args: [],
      line: 'ai-training-scope: batch: the CSV columns "Country" and "Country Code" could both be country; choose one with --columns country="..." (columns: "id", "Country", "Country Code")\n',
    },
    {
      name: '--columns naming a column the header lacks',
      input: 'id,country\nx,DE\n',
      args: ['--columns', 'birth_date=DOB'],
      line: 'ai-training-scope: batch: --columns birth_date="DOB": the CSV header has no such column; its columns are "id", "country"\n',
    },
    { name: '--columns naming no field', input: 'id,country\nx,DE\n', args: ['--columns', 'email=Mail'], line: 'ai-training-scope: --columns "email=Mail": "email" is not one of id, country, birth_date, time_zone, secondary_school, opt_outs, opt_ins\n' },
    { name: '--date-order that is neither', input: 'id,country\nx,DE\n', args: ['--date-order', 'ymd'], line: 'ai-training-scope: --date-order "ymd" is not dmy (day first) or mdy (month first)\n' },
  ]
  for (const { name, input, args, line } of refused) {
    test(`refused as a whole, exit 2: ${name}`, () => {
      const run = cli(['batch', file('refused.csv', input), ...args])
      expect(run).toMatchObject({ code: 2, stdout: '', stderr: line })
    })
  }

  test('--keep-extra carries the other columns into the output: a JSON object in CSV, an object in NDJSON', () => {
    const input = file('extra.csv', 'id,country,email,Department\nx1,DE,a@example.com,HR\n')
    const csv = cli(['batch', input, '--as-of', asOf, '--keep-extra'])
    expect(csv.records[0]).toMatchObject({ id: 'x1', status: 'covered', extra: '{"email":"a@example.com","Department":"HR"}' })
    expect(csv.stderr).toContain('; carried into the output: "email", "Department"\n')
    const ndjson = cli(['batch', input, '--as-of', asOf, '--keep-extra', '--out-format', 'ndjson'])
    expect(ndjson.records[0]).toMatchObject({ id: 'x1', status: 'covered', extra: { email: 'a@example.com', Department: 'HR' } })
  })
})

describe('NDJSON as exported', slow, () => {
  test('unknown fields are ignored and named once on stderr; --keep-extra carries them', () => {
    const input = '{"id":1,"country":"DE","email":"a@example.com"}\n{"id":2,"country":"FR","email":"b@example.com","team":"HR"}\n{"id":3,"country":"IT"}\n'
    const ignored = cli(['batch', '-', '--as-of', asOf], input)
    expect(ignored.code).toBe(0)
    expect(ignored.records.map((record) => [record.id, record.status, record.extra])).toEqual([['1', 'covered', undefined], ['2', 'covered', undefined], ['3', 'covered', undefined]])
    expect(ignored.stderr).toMatch(/^batch: fields read as no field of a row, ignored \(--keep-extra carries them\): "email", "team"\nrows 3,/)
    const carried = cli(['batch', '-', '--as-of', asOf, '--keep-extra'], input)
    expect(carried.records.map((record) => record.extra)).toEqual([{ email: 'a@example.com' }, { email: 'b@example.com', team: 'HR' }, undefined])
    expect(carried.stderr).toContain('carried into the output: "email", "team"\n')
  })

  const nearMisses = [
    ['birthdate', 'birthDate'],
    ['birth_date', 'birthDate'],
    ['opt_outs', 'optOuts'],
    ['time_zone', 'timeZone'],
    ['dob', 'birthDate'],
    ['Country', 'country'],
  ] as const
  test.each(nearMisses)('a near-miss of a field (%s) is a row error naming the field meant (%s), never dropped', (field, meant) => {
    const run = cli(['batch', '-', '--as-of', asOf], `{"id":"a","country":"DE","${field}":"x"}\n{"id":"b","country":"DE"}\n`)
    expect(run.code).toBe(1)
    expect(run.records).toEqual([{ id: 'a', status: 'error', ...stamp, line: 1, field, message: `is not a known field; did you mean "${meant}"?` }, expect.objectContaining({ id: 'b', status: 'covered' })])
  })

  test("an opt-out without a channel is through the policy's first, in NDJSON as in CSV and check", () => {
    const ndjson = cli(['batch', '-', '--as-of', asOf, '--policy', 'meta-ai-eu'], '{"id":"fr","country":"FR","optOuts":[{"at":"2025-01-01T00:00:00Z"}]}\n')
    const csv = cli(['batch', '-', '--format', 'csv', '--as-of', asOf, '--policy', 'meta-ai-eu'], 'id,country,opt_outs\nfr,FR,2025-01-01T00:00:00Z\n')
    expect(ndjson.records[0]).toMatchObject({ status: 'not-covered', policy: metaAiEu.id, reasons: ['phase', 'time-zone-inferred', 'age-not-given', 'opted-out-before-start'] })
    expect(csv.records[0]).toMatchObject({ status: 'not-covered', policy: metaAiEu.id, reasons: 'phase|time-zone-inferred|age-not-given|opted-out-before-start' })
  })

  test('--lang de accepts German country names, on the workers too (3,000 rows: more than one block)', () => {
    let input = ''
    for (let i = 0; i < 3000; i++) input += `{"id":${i},"country":"${i % 2 === 0 ? 'Deutschland' : 'Schweiz'}"}\n`
    const run = cli(['batch', '-', '--as-of', asOf, '--lang', 'de', '--jobs', '2'], input)
    expect(run.code).toBe(0)
    expect(run.stderr).toContain('2 threads')
    expect(ids(run.records)).toEqual(Array.from({ length: 3000 }, (_, i) => String(i)))
    expect(run.records.every((record, i) => record.country === (i % 2 === 0 ? 'DE' : 'CH'))).toBe(true)
    // Without --lang, names in any language are read too (it only says which language is tried first); a name of no country is a row error.
    const plain = cli(['batch', '-', '--as-of', asOf], '{"id":1,"country":"Deutschland"}\n{"id":2,"country":"Atlantis"}\n')
    expect(plain.records[0]).toMatchObject({ status: 'covered', country: 'DE' })
    expect(plain.records[1]).toMatchObject({ status: 'error', field: 'country' })
  })

  test('a day-first birth date is read with --date-order in NDJSON too', () => {
    const input = '{"id":"a","country":"DE","timeZone":"Europe/Berlin","birthDate":"03/05/2008"}\n'
    expect(cli(['batch', '-', '--as-of', asOf], input).records[0]).toMatchObject({ status: 'error', field: 'birthDate' })
    expect(cli(['batch', '-', '--as-of', '2026-04-01T00:00:00Z', '--date-order', 'dmy'], input).records[0]).toMatchObject({ status: 'not-covered', from: '2026-05-02T22:00:00.000Z' })
  })
})

describe('output', slow, () => {
  test('records carry asOf, the policy and its version, the windows with their certainty and ranged ends; --reason-texts adds the texts', () => {
    const member = { country: 'CA', timeZone: 'America/Toronto' }
    const when = '2024-11-01T00:00:00Z'
    const run = cli(['batch', '-', '--as-of', when, '--reason-texts'], `${JSON.stringify({ id: 'ca', ...member })}\n`)
    const report = coverage(member, { asOf: when })
    expect(run.records).toEqual([
      {
        id: 'ca',
        status: 'undetermined',
        asOf: '2024-11-01T00:00:00.000Z',
        policy: 'linkedin-genai',
        policyVersion: linkedinGenAi.version,
        country: 'CA',
        region: 'CA',
        from: '2024-09-18T04:00:00.000Z',
        until: null,
        windows: JSON.parse(JSON.stringify(report.windows)),
        reasons: report.reasons.map((reason) => reason.code),
        reasonTexts: report.reasons.map((reason) => reason.message),
      },
    ])
    expect(run.records[0]?.windows).toEqual([
      { from: '2024-09-18T04:00:00.000Z', until: '2024-12-10T05:00:00.000Z', phases: ['CA/2024-global'], certainty: 'reported', untilRange: { from: '2024-10-16T04:00:00.000Z', until: '2024-12-10T05:00:00.000Z' } },
      { from: '2025-11-03T05:00:00.000Z', until: null, phases: ['CA/2025-six-regions'], certainty: 'stated', untilRange: null },
    ])
    const csv = cli(['batch', '-', '--as-of', when, '--out-format', 'csv'], `${JSON.stringify({ id: 'ca', ...member })}\n`)
    expect(csv.records[0]?.windows).toBe('2024-09-18T04:00:00.000Z/2024-12-10T05:00:00.000Z;reported;2024-10-16T04:00:00.000Z/2024-12-10T05:00:00.000Z|2025-11-03T05:00:00.000Z/..;stated')
  })

  const formats = [
    { name: 'NDJSON in, --out x.csv: CSV', input: 'in.ndjson', text: '{"id":"a","country":"DE"}\n', out: 'x.csv', args: [], starts: 'id,status,as_of,' },
    { name: 'CSV in, --out x.ndjson: NDJSON', input: 'in.csv', text: 'id,country\na,DE\n', out: 'x.ndjson', args: [], starts: '{"id":"a","status":"covered"' },
    { name: 'CSV in, --out x.jsonl: NDJSON', input: 'in.csv', text: 'id,country\na,DE\n', out: 'x.jsonl', args: [], starts: '{"id":"a"' },
    { name: 'NDJSON in, --out x.csv --out-format ndjson: NDJSON', input: 'in.ndjson', text: '{"id":"a","country":"DE"}\n', out: 'x.csv', args: ['--out-format', 'ndjson'], starts: '{"id":"a"' },
  ]
  for (const { name, input, text, out, args, starts } of formats) {
    test(`the output format follows --out's extension or --out-format: ${name}`, () => {
      const target = join(folder, out)
      rmSync(target, { force: true })
      const run = cli(['batch', file(input, text), '--out', target, '--as-of', asOf, ...args])
      expect(run).toMatchObject({ code: 0, stdout: '' })
      expect(readFileSync(target, 'utf8').startsWith(starts)).toBe(true)
    })
  }

  test('an --out whose extension names no format is refused', () => {
    const run = cli(['batch', '-', '--out', join(folder, 'answers.txt')], '{"id":"a","country":"DE"}\n')
    expect(run).toMatchObject({ code: 2, stderr: `ai-training-scope: batch: --out "${join(folder, 'answers.txt')}": its extension names no format (.csv, .ndjson, .jsonl); give --out-format csv or ndjson\n` })
  })

  test('--out onto the input file is refused, by its path or through a link, and the input is left as it was', () => {
    const input = file('same.csv', 'id,country\na,DE\n')
    const link = join(folder, 'link.csv')
    if (!existsSync(link)) symlinkSync(input, link)
    for (const out of [input, join(folder, '.', 'same.csv'), link]) {
      const run = cli(['batch', input, '--out', out])
      expect(run.code).toBe(2)
      expect(run.stderr).toBe(`ai-training-scope: batch: --out ${JSON.stringify(out)} is the input file ${JSON.stringify(input)}; write the answers to another file\n`)
    }
    expect(readFileSync(input, 'utf8')).toBe('id,country\na,DE\n')
  })

  test("a killed run's temporary file is removed by the next run into the same --out; a running one's is named in the error", () => {
    const out = join(folder, 'answers.ndjson')
    // A process that has ended: its id names no running process.
    const ended = spawnSync(process.execPath, ['-e', '0']).pid
    const left = join(folder, `.answers.ndjson.${ended}.tmp`)
    writeFileSync(left, '{"id":"half')
    const run = cli(['batch', '-', '--out', out, '--as-of', asOf], '{"id":"a","country":"DE"}\n')
    expect(run.code).toBe(0)
    expect(run.stderr).toContain(`batch: removed ${JSON.stringify(left)}, left by an earlier run (process ${ended}) that did not finish\n`)
    expect(existsSync(left)).toBe(false)
    expect(readdirSync(folder).filter((name) => name.startsWith('.answers.ndjson.'))).toEqual([])
    // This test's own process is running: a file named after it is another run's, in progress.
    const running = join(folder, `.answers.ndjson.${process.pid}.tmp`)
    writeFileSync(running, '')
    const refused = cli(['batch', '-', '--out', out, '--as-of', asOf], '{"id":"a","country":"DE"}\n')
    expect(refused.code).toBe(2)
    expect(refused.stderr).toContain(`(its temporary file ${JSON.stringify(running)})`)
    rmSync(running)
  })
})

describe('items: stored records joined to a members file', slow, () => {
  const members = file('members.csv', 'Member ID;Country;Timezone;Opt-outs\nm1;HK;Asia/Hong_Kong;2025-10-20T09:00:00+08:00\nm2;Atlantis;;\nm3;DE;Europe/Berlin;\nm3;FR;;\n')
  const items: [string, string, string, string][] = [
    ['i1', 'm1', 'content', '2024-10-01T12:00:00+08:00'],
    ['i2', 'm1', 'content', '2025-03-01T12:00:00+08:00'],
    ['i3', 'm1', 'private-message', '2024-10-01'],
    ['i4', 'nobody', 'content', '2024-10-01'],
    ['i5', 'm2', 'content', '2024-10-01'],
    ['i6', 'm3', 'content', '2024-10-01'],
    ['i7', 'm1', 'content', '2024-10-10'],
  ]
  const member = { country: 'HK', timeZone: 'Asia/Hong_Kong', optOuts: [{ at: '2025-10-20T09:00:00+08:00', via: 'setting' as const }] }
  const expected = (category: string, createdAt: string) => dataUse(member, { category, createdAt }, { asOf })

  test('each item gets its dataUse status, in order; an unknown, unreadable or doubled member is a row error', () => {
    const input = file('items.csv', `Item,Member ID,Category,Created\n${items.map((item) => item.join(',')).join('\n')}\n`)
    const run = cli(['items', input, '--members', members, '--columns', 'id=Item,member_id=Member ID,category=Category,created_at=Created', '--as-of', asOf])
    expect(run.code).toBe(1)
    expect(ids(run.records)).toEqual(items.map((item) => item[0]))
    const [i1, i2, i3, i4, i5, i6, i7] = run.records
    for (const [record, index] of [[i1, 0], [i2, 1], [i3, 2], [i7, 6]] as const) {
      const [, , category, createdAt] = items[index] as [string, string, string, string]
      const report = expected(category, createdAt)
      expect(record).toEqual({
        id: record?.id,
        status: report.status,
        as_of: stamp.asOf,
        policy: stamp.policy,
        policy_version: stamp.policyVersion,
        member_id: 'm1',
        category,
        created_from: report.createdFrom.toISOString(),
        created_until: report.createdUntil.toISOString(),
        reasons: report.reasons.map((reason) => reason.code).join('|'),
        line: '',
        field: '',
        message: '',
      })
    }
    expect([i1, i2, i3, i7].map((record) => record?.status)).toEqual(['retained', 'out-of-scope', 'out-of-scope', 'undetermined'])
    expect(i4).toMatchObject({ status: 'error', line: '5', field: 'Member ID', message: `"nobody" is not in the members file ${JSON.stringify(members)}` })
    expect(i5).toMatchObject({ status: 'error', line: '6', field: 'Member ID', message: expect.stringMatching(/^member "m2" \(members file, line 3\) cannot be read: Country: "Atlantis" is not an ISO 3166-1 code/) })
    expect(i6).toMatchObject({ status: 'error', line: '7', field: 'Member ID', message: 'member "m3" (members file, line 5) cannot be read: is on lines 4, 5 of the members file: which one is meant is not known' })
    expect(run.stderr).toMatch(/rows 7, in scope 0, retained 1, out of scope 2, undetermined 1, errors 3; /)
  })

  test('items as NDJSON, members as NDJSON, with the reasons\' texts', () => {
    const people = file('members.ndjson', `${JSON.stringify({ id: 'm1', ...member })}\n`)
    const run = cli(['items', '-', '--members', people, '--as-of', asOf, '--reason-texts'], '{"id":"i1","memberId":"m1","category":"content","createdAt":"2024-10-01T12:00:00+08:00"}\n')
    const report = expected('content', '2024-10-01T12:00:00+08:00')
    expect(run.records).toEqual([
      {
        id: 'i1',
        status: 'retained',
        ...stamp,
        memberId: 'm1',
        category: 'content',
        createdFrom: report.createdFrom.toISOString(),
        createdUntil: report.createdUntil.toISOString(),
        reasons: report.reasons.map((reason) => reason.code),
        reasonTexts: report.reasons.map((reason) => reason.message),
      },
    ])
  })

  test('--members is required, and neither file may be the --out', () => {
    expect(cli(['items', '-'], '')).toMatchObject({ code: 2, stderr: 'ai-training-scope: items: --members FILE is required: the members the items belong to\n' })
    expect(cli(['items', '-', '--members', members, '--out', members], '')).toMatchObject({ code: 2, stderr: expect.stringContaining('is the input file') })
  })
})

describe('--as-of now and today', slow, () => {
  test('now: the instant of the run; today: 00:00 UTC of the current day', () => {
    const before = Date.now()
    const now = cli(['batch', '-', '--as-of', 'now'], '{"id":"a","country":"DE"}\n').records[0]?.asOf as string
    const after = Date.now()
    expect(Date.parse(now)).toBeGreaterThanOrEqual(before)
    expect(Date.parse(now)).toBeLessThanOrEqual(after)
    const today = cli(['batch', '-', '--as-of', 'today'], '{"id":"a","country":"DE"}\n').records[0]?.asOf as string
    const days = [before, Date.now()].map((ms) => `${new Date(ms).toISOString().slice(0, 10)}T00:00:00.000Z`)
    expect(days).toContain(today)
    const check = spawnSync(process.execPath, [CLI, 'check', '--country', 'DE', '--as-of', 'today', '--json'], { encoding: 'utf8' })
    expect(days).toContain(JSON.parse(check.stdout).asOf)
  })
})
