// Batch faults: damaged input never crashes the run without a clear message,
// never loses or duplicates a record, and never leaves a half output file that
// looks whole. (A reader dying mid-stream and SIGINT: tests/cli.test.ts.)
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { linkedinGenAi } from '../src/index'

const CLI = new URL('../dist/cli.js', import.meta.url).pathname
const folder = mkdtempSync(join(tmpdir(), 'ai-training-scope-faults-'))
afterAll(() => rmSync(folder, { recursive: true, force: true }))
const HEADER = 'id,country,birth_date,time_zone,secondary_school,opt_outs,opt_ins'
/** The cells every CSV record carries after its id and status: the instant asked about, the policy and its version. */
const stampCells = (policy: string) => ['2026-06-01T00:00:00.000Z', policy, policy === linkedinGenAi.id ? linkedinGenAi.version : expect.any(String)]

function batch(input: Buffer | string, format: 'ndjson' | 'csv', extra: string[] = []) {
  const run = spawnSync(process.execPath, [CLI, 'batch', '-', '--format', format, '--as-of', '2026-06-01T00:00:00Z', '--jobs', '1', ...extra], {
    input,
    maxBuffer: 64 * 1024 * 1024,
  })
  const stdout = run.stdout.toString('utf8')
  const lines = stdout === '' ? [] : stdout.trimEnd().split('\n')
  const policy = extra.includes('--policy') ? (extra[extra.indexOf('--policy') + 1] as string) : linkedinGenAi.id
  // CSV records without their stamp (checked here on every one): id, status, then the answer's cells.
  const records =
    format === 'ndjson'
      ? lines.map((line) => JSON.parse(line) as Record<string, unknown>)
      : lines.slice(1).map((line) => {
          const cells = line.split(',')
          expect(cells.slice(2, 5)).toEqual(stampCells(policy))
          return [...cells.slice(0, 2), ...cells.slice(5)]
        })
  return { code: run.status, stderr: run.stderr.toString('utf8'), records, stdout }
}

type Fault = { name: string; format: 'ndjson' | 'csv'; input: () => Buffer | string; code: number; records: number; extra?: string[]; check?: (records: unknown[], stderr: string) => void }

const faults: Fault[] = [
  {
    name: 'a truncated last line becomes an error record',
    format: 'ndjson',
    input: () => '{"id":1,"country":"DE"}\n{"id":2,"country":"FR"}\n{"id":3,"coun',
    code: 1,
    records: 3,
    check: (records) => expect(records[2]).toMatchObject({ status: 'error', line: 3, field: '(line)' }),
  },
  {
    name: 'a last line without a newline is read',
    format: 'ndjson',
    input: () => '{"id":1,"country":"DE"}\n{"id":2,"country":"FR"}',
    code: 0,
    records: 2,
  },
  {
    name: 'invalid UTF-8 inside a value is refused for that row only',
    format: 'ndjson',
    input: () => Buffer.concat([Buffer.from('{"id":1,"country":"D'), Buffer.from([0xff, 0xfe]), Buffer.from('E"}\n{"id":2,"country":"DE"}\n')]),
    code: 1,
    records: 2,
    check: (records) => {
      expect(records[0]).toMatchObject({ id: '1', status: 'error', field: 'country' })
      expect(records[1]).toMatchObject({ id: '2', status: 'covered' })
    },
  },
  {
    name: 'invalid UTF-8 outside a value makes that line invalid JSON',
    format: 'ndjson',
    input: () => Buffer.concat([Buffer.from('{"id":1,'), Buffer.from([0xc3]), Buffer.from('"country":"DE"}\n{"id":2,"country":"DE"}\n')]),
    code: 1,
    records: 2,
    check: (records) => expect(records[0]).toMatchObject({ status: 'error', line: 1, field: '(line)' }),
  },
  {
    name: 'a 10 MB line is one error record with a short message, and the next line is read',
    format: 'ndjson',
    input: () => `{"id":1,"country":"${'x'.repeat(10 * 1024 * 1024)}"}\n{"id":2,"country":"HK"}\n`,
    code: 1,
    records: 2,
    check: (records) => {
      expect(String((records[0] as { message: string }).message).length).toBeLessThan(300)
      expect(records[1]).toMatchObject({ id: '2', status: 'covered' })
    },
  },
  {
    name: 'CRLF line ends (NDJSON)',
    format: 'ndjson',
    input: () => '{"id":1,"country":"DE"}\r\n{"id":2,"country":"GB"}\r\n',
    code: 0,
    records: 2,
  },
  {
    name: 'CRLF line ends (CSV)',
    format: 'csv',
    input: () => `${HEADER}\r\na,DE,,,,,\r\nb,GB,,Europe/London,,,\r\n`,
    code: 0,
    records: 2,
    check: (records) => expect((records[1] as string[]).slice(0, 4)).toEqual(['b', 'covered', 'GB', 'UK']),
  },
  {
    name: 'a byte order mark (NDJSON)',
    format: 'ndjson',
    input: () => '\uFEFF{"id":1,"country":"DE"}\n',
    code: 0,
    records: 1,
  },
  {
    name: 'a byte order mark (CSV header)',
    format: 'csv',
    input: () => `\uFEFF${HEADER}\na,DE,,,,,\n`,
    code: 0,
    records: 1,
  },
  { name: 'an empty file (NDJSON): no records, exit 0', format: 'ndjson', input: () => '', code: 0, records: 0 },
  { name: 'an empty file (CSV): the header only, exit 0', format: 'csv', input: () => '', code: 0, records: 0 },
  {
    name: 'a CSV row with a missing column',
    format: 'csv',
    input: () => `${HEADER}\na,DE,,,,\nb,DE,,,,,\n`,
    code: 1,
    records: 2,
    check: (records) => expect((records[0] as string[]).slice(0, 10)).toEqual(['a', 'error', '', '', '', '', '', '', '2', '(row)']),
  },
  {
    name: 'a CSV row with an extra column',
    format: 'csv',
    input: () => `${HEADER}\na,DE,,,,,,extra\nb,DE,,,,,\n`,
    code: 1,
    records: 2,
  },
  {
    name: 'a stray quote takes only its own line',
    format: 'csv',
    input: () => `${HEADER}\na,"D"E,,,,,\nb,"unclosed,,,,,\nc,FR,,,,,\n`,
    code: 1,
    records: 3,
    check: (records) => expect((records as string[][]).map((record) => record[1])).toEqual(['error', 'error', 'covered']),
  },
  {
    name: "rows outside the policy's regions are answered, not dropped (NDJSON, meta-ai-eu)",
    format: 'ndjson',
    input: () => '{"id":1,"country":"US"}\n{"id":2,"country":"FR"}\n{"id":3,"country":"JE"}\n',
    code: 0,
    records: 3,
    extra: ['--policy', 'meta-ai-eu'],
    check: (records) => expect(records.map((record) => (record as { region: unknown }).region)).toEqual([null, 'EU', null]),
  },
  {
    name: "rows outside the policy's regions are answered, not dropped (CSV, meta-ai-eu)",
    format: 'csv',
    input: () => `${HEADER}\na,US,,,,,\nb,FR,,,,,\nc,JE,,,,,\n`,
    code: 0,
    records: 3,
    extra: ['--policy', 'meta-ai-eu'],
    check: (records) => expect((records as string[][]).map((record) => record.slice(1, 4))).toEqual([['undetermined', 'US', ''], ['covered', 'FR', 'EU'], ['undetermined', 'JE', '']]),
  },
  {
    name: 'a CSV header without the optional columns is read',
    format: 'csv',
    input: () => 'id,country,birth_date\na,DE,\n',
    code: 0,
    records: 1,
    check: (records) => expect((records[0] as string[]).slice(0, 4)).toEqual(['a', 'covered', 'DE', 'EU']),
  },
  {
    name: 'a CSV header without a required column is refused as a whole, listing the header (exit 2, no output)',
    format: 'csv',
    input: () => 'id,name,birth_date\na,DE,\n',
    code: 2,
    records: 0,
    check: (_, stderr) => expect(stderr).toBe('ai-training-scope: batch: no column for country in the CSV header (columns: "id", "name", "birth_date"); name it with --columns country="..."\n'),
  },
]

describe('batch faults', () => {
  for (const { name, format, input, code, records, extra, check } of faults) {
    test(name, () => {
      const run = batch(input(), format, extra)
      expect(run.code).toBe(code)
      expect(run.records).toHaveLength(records)
      expect(run.stderr).not.toMatch(/\n\s+at /)
      check?.(run.records, run.stderr)
    })
  }

  test('no record is lost or duplicated: ids come back once each, in order, over damaged input', () => {
    let text = ''
    const expected: string[] = []
    for (let i = 0; i < 5000; i++) {
      const damage = i % 97
      const line = damage === 1 ? `{"id":"r${i}","country":` : damage === 2 ? '' : damage === 3 ? `{"id":"r${i}","country":"DE"}\r` : `{"id":"r${i}","country":"${['DE', 'XX', 'CA'][i % 3]}"}`
      if (damage !== 2) expected.push(damage === 1 ? '' : `r${i}`)
      text += `${line}\n`
    }
    const run = batch(text, 'ndjson')
    expect(run.records.map((record) => (record as Record<string, unknown>).id)).toEqual(expected)
  })

  test('--out on damaged input still writes a whole file, and only at the end', () => {
    const out = join(folder, 'answers.csv')
    const run = batch(`${HEADER}\na,DE,,,,,\nb,"x,,,,,\n`, 'csv', ['--out', out])
    expect(run.code).toBe(1)
    expect(readFileSync(out, 'utf8').trimEnd().split('\n')).toHaveLength(3)
    expect(readdirSync(folder).filter((name) => name.endsWith('.tmp'))).toEqual([])
  })

  test('--out refused as a whole (bad header) leaves no file behind', () => {
    const out = join(folder, 'refused.csv')
    const run = batch('id,name\na,DE\n', 'csv', ['--out', out])
    expect(run.code).toBe(2)
    expect(existsSync(out)).toBe(false)
    expect(readdirSync(folder).filter((name) => name.endsWith('.tmp'))).toEqual([])
  })
})
