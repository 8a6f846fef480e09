/**
 * One batch row in, one record out: reading NDJSON lines and CSV records into
 * members, evaluating them, and writing the records. Shared by the main thread
 * and the workers, so both give the same answer for the same row.
 */
import { answerAt } from '../coverage/coverage'
import type { ReadOptions } from '../coverage/options'
import { type MemberInput, readRowMember } from '../coverage/member'
import { iso } from '../coverage/reasons'
import { pathText } from '../errors'

export type Format = 'ndjson' | 'csv'

/** The CSV input header, in order. */
export const csvInputColumns = ['id', 'country', 'birth_date', 'time_zone', 'secondary_school', 'opt_outs', 'opt_ins'] as const

/** The output columns (CSV) and fields (NDJSON). */
export const outputColumns = ['id', 'status', 'country', 'region', 'from', 'until', 'reasons', 'line', 'field', 'message'] as const

/** A raw row: one line of input and its line number. Members' fields never hold a line break. */
export type Row = { line: number; text: string }

/** A CSV line read into cells, or why it could not be. */
export type Cells = readonly string[] | { fault: string }

type Csv = typeof import('./csv')
let csv: Csv | undefined

/**
 * Loads what `format` needs: for CSV, csv-parse and csv-stringify, which cost
 * ~20 ms to load in every thread of a batch and NDJSON does without. Called
 * once before blocks of that format are read.
 */
export async function prepare(format: Format): Promise<void> {
  if (format === 'csv') csv ??= await import('./csv')
  await useNameTables()
}

/** Registers the ten name tables of `ai-training-scope/locales` (as the package's Node entry does), once per thread. */
export async function useNameTables(): Promise<void> {
  const { registerLocale } = await import('../region/codes')
  const locales = await import('../locales')
  for (const table of Object.values(locales)) registerLocale(table)
}

function csvLibrary(): Csv {
  if (csv === undefined) throw new Error('CSV read or written before prepare("csv")')
  return csv
}

/** CSV lines read into cells (see `./csv`). */
export const csvCells = (rows: readonly Row[]): Cells[] => csvLibrary().csvCells(rows)

/** One output record: an answer (`region` null outside the policy's regions), or an error that names the line and the field. */
export type OutRecord =
  | { id: string; status: 'covered' | 'not-covered' | 'undetermined'; country: string; region: string | null; from: string | null; until: string | null; reasons: string[] }
  | { id: string; status: 'error'; line: number; field: string; message: string }

/** Counts for the summary line. */
export interface Tally {
  rows: number
  /** Blank lines, skipped: they are no rows. */
  blank: number
  covered: number
  'not-covered': number
  undetermined: number
  error: number
}

export const emptyTally = (): Tally => ({ rows: 0, blank: 0, covered: 0, 'not-covered': 0, undetermined: 0, error: 0 })

const CSV_FIELD: Readonly<Record<string, string>> = {
  country: 'country',
  birthDate: 'birth_date',
  timeZone: 'time_zone',
  secondarySchool: 'secondary_school',
  optOuts: 'opt_outs',
  optIns: 'opt_ins',
}

/** A row read: its id and the object to read as a member (with `readRowMember`), or why it cannot be. */
type Read = { id: string; member: unknown } | { id: string; field: string; message: string }

function readJson(text: string): Read {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    return { id: '', field: '(line)', message: `is not valid JSON: ${(error as Error).message}` }
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { id: '', field: '(line)', message: 'is not a JSON object' }
  }
  const { id } = value as { id?: unknown }
  if (typeof id !== 'string' && typeof id !== 'number') {
    return { id: '', field: 'id', message: id === undefined ? 'is missing' : 'is not a string or a number' }
  }
  // The row's own object, read with readRowMember: its id is no member field.
  return { id: String(id), member: value }
}

/** Splits `ISO[;via]|ISO[;via]` into opt-outs; `via` defaults to the policy's first channel. */
function optOutsCell(cell: string, options: ReadOptions): MemberInput['optOuts'] {
  return cell.split('|').map((part) => {
    const cut = part.lastIndexOf(';')
    return cut === -1 ? { at: part, via: Object.keys(options.compiled.policy.channels)[0] as string } : { at: part.slice(0, cut), via: part.slice(cut + 1) }
  })
}

function readCsv(cells: readonly string[], options: ReadOptions): Read {
  const id = cells[0] ?? ''
  if (cells.length !== csvInputColumns.length) {
    return { id, field: '(row)', message: `has ${cells.length} columns; the header has ${csvInputColumns.length}` }
  }
  const [, country = '', birthDate = '', timeZone = '', secondarySchool = '', optOuts = '', optIns = ''] = cells
  const member: MemberInput = { country }
  if (birthDate !== '') member.birthDate = birthDate
  if (timeZone !== '') member.timeZone = timeZone
  if (secondarySchool !== '') {
    if (secondarySchool !== 'true' && secondarySchool !== 'false') {
      return { id, field: 'secondary_school', message: `${JSON.stringify(secondarySchool)} is not true or false` }
    }
    member.secondarySchool = secondarySchool === 'true'
  }
  if (optOuts !== '') member.optOuts = optOutsCell(optOuts, options)
  if (optIns !== '') member.optIns = optIns.split('|').map((at) => ({ at }))
  return { id, member }
}

/** Evaluates one row with the options (asOf, policy) read once; CSV rows come with their cells. */
export function evaluateRow(row: Row, options: ReadOptions, cells?: Cells): OutRecord {
  if (cells !== undefined && 'fault' in cells) return { id: '', status: 'error', line: row.line, field: '(row)', message: `is not valid CSV: ${cells.fault}` }
  const read = cells === undefined ? readJson(row.text) : readCsv(cells, options)
  if (!('member' in read)) return { id: read.id, status: 'error', line: row.line, field: read.field, message: read.message }
  const result = answerAt(read.member, options, readRowMember)
  if (!result.ok) {
    const issues = result.issues
    const first = issues[0]?.path ?? []
    const field = cells === undefined ? pathText(first) : (CSV_FIELD[String(first[0])] ?? pathText(first))
    return { id: read.id, status: 'error', line: row.line, field: field === '' ? '(row)' : field, message: issues.map((issue) => issue.message).join('; ') }
  }
  const { evaluation, status, from, until, reasons } = result.value
  return {
    id: read.id,
    status,
    country: evaluation.member.country,
    region: evaluation.place.region,
    from: from === null ? null : iso(from),
    until: until === null ? null : iso(until),
    reasons: reasons.map((reason) => reason.code),
  }
}

/**
 * `JSON.stringify(record)`, written out for answers: only the id and the
 * region (a policy file names its own, or null) can need escaping (codes,
 * statuses and instants are plain ASCII words), and the generic walk over each
 * record cost a sixth of a batch's time.
 */
function ndjsonRecord(record: OutRecord): string {
  if (record.status === 'error') return JSON.stringify(record)
  const { from, until } = record
  return (
    `{"id":${JSON.stringify(record.id)},"status":"${record.status}","country":"${record.country}","region":${JSON.stringify(record.region)},` +
    `"from":${from === null ? 'null' : `"${from}"`},"until":${until === null ? 'null' : `"${until}"`},` +
    `"reasons":${record.reasons.length === 0 ? '[]' : `["${record.reasons.join('","')}"]`}}`
  )
}

/**
 * Records as UTF-8 bytes, NDJSON lines or CSV rows (no header), in memory of
 * their own so that a worker can move them to the main thread. Each NDJSON line
 * is written into the bytes as it is made: a block's output never exists as
 * one long string, which would be a large object for the garbage collector.
 * `into`, memory whose earlier bytes have been written out, is written over
 * (and grown if too small): fresh memory for every block cost a page fault
 * per 4 KB written.
 */
export function recordBytes(records: readonly OutRecord[], format: Format, into?: ArrayBuffer): Uint8Array<ArrayBuffer> {
  const out = new ByteWriter(records.length * 256, into)
  if (format === 'ndjson') {
    for (const record of records) out.add(`${ndjsonRecord(record)}\n`)
    return out.bytes()
  }
  out.add(
    csvLibrary().csvText(
      records.map((record) =>
        record.status === 'error'
          ? [record.id, record.status, '', '', '', '', '', record.line, record.field, record.message]
          : [record.id, record.status, record.country, record.region ?? '', record.from ?? '', record.until ?? '', record.reasons.join('|'), '', '', ''],
      ),
    ),
  )
  return out.bytes()
}

/**
 * Text appended as UTF-8 to a buffer that doubles when full. Text is gathered
 * into pieces of some kilobytes first: each write into the buffer is a call
 * into Node's C++, which would cost more than the row itself if made per row.
 */
class ByteWriter {
  #buffer: Buffer<ArrayBuffer>
  #length = 0
  #pending = ''
  constructor(capacity: number, into: ArrayBuffer | undefined) {
    this.#buffer = into === undefined ? Buffer.allocUnsafeSlow(Math.max(capacity, 1024)) : Buffer.from(into)
  }
  add(text: string): void {
    this.#pending += text
    if (this.#pending.length >= 16_384) this.#flush()
  }
  bytes(): Uint8Array<ArrayBuffer> {
    this.#flush()
    return this.#buffer.subarray(0, this.#length)
  }
  #flush(): void {
    const text = this.#pending
    this.#pending = ''
    // A UTF-16 code unit takes at most 3 bytes in UTF-8.
    const needed = this.#length + text.length * 3
    if (needed > this.#buffer.length) {
      const grown = Buffer.allocUnsafeSlow(Math.max(needed, this.#buffer.length * 2))
      this.#buffer.copy(grown, 0, 0, this.#length)
      this.#buffer = grown
    }
    this.#length += this.#buffer.write(text, this.#length)
  }
}

/** The CSV output header line. */
export const csvOutputHeader = `${outputColumns.join(',')}\n`

/** A block of whole input lines as UTF-8 bytes, the first of which is line `firstLine`. */
export interface Block {
  bytes: Uint8Array<ArrayBuffer>
  firstLine: number
}

/** UTF-8 bytes as text; an invalid sequence becomes U+FFFD, as in any UTF-8 reader. */
export function decode(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')
}

/** The line of `text` that starts at `start`, without its line break (CR before LF dropped), and where the next one starts. */
export function lineAt(text: string, start: number): { line: string; next: number } {
  const newline = text.indexOf('\n', start)
  const end = newline === -1 ? text.length : newline
  return { line: text.slice(start, text[end - 1] === '\r' ? end - 1 : end), next: end + 1 }
}

/** The rows of a block: its lines, blank ones counted and skipped. */
function rowsOf(block: Block, tally: Tally): Row[] {
  const rows: Row[] = []
  const all = decode(block.bytes)
  for (let start = 0, line = block.firstLine; start < all.length; line++) {
    const { line: text, next } = lineAt(all, start)
    start = next
    if (text.trim() === '') tally.blank++
    else rows.push({ line, text })
  }
  return rows
}

/** Evaluates a block of lines with the options read once: the bytes to write (in `into` when given) and the counts. */
export function evaluateBlock(block: Block, options: ReadOptions, format: Format, into?: ArrayBuffer): { bytes: Uint8Array<ArrayBuffer>; tally: Tally } {
  const tally = emptyTally()
  const rows = rowsOf(block, tally)
  const cells = format === 'csv' ? csvCells(rows) : undefined
  const records = rows.map((row, index) => {
    const record = evaluateRow(row, options, cells?.[index])
    tally.rows++
    tally[record.status]++
    return record
  })
  return { bytes: recordBytes(records, format, into), tally }
}
