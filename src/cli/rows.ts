/**
 * One batch row in, one record out: reading NDJSON lines and CSV records into
 * fields, evaluating them, and writing the records. Shared by the main thread
 * and the workers, so both give the same answer for the same row.
 */
import { csvField } from '../csv-field'
import { answerAt } from '../coverage/coverage'
import { readRowMember } from '../coverage/member'
import type { ReadOptions } from '../coverage/options'
import { iso } from '../coverage/reasons'
import { pathText } from '../errors'
import type { Path } from '../input'
import { type CsvLayout, FIELDS, layoutOf, type Mapped, nearMiss, type RowKind, separatorOf } from './columns'
import { UsageError } from './errors'

export type Format = 'ndjson' | 'csv'

/** Which way round a birth date such as `03/05/1990` is read: day first or month first. Never guessed. */
export type DateOrder = 'dmy' | 'mdy'

/** How a run's rows are read and written: plain data, the same in every thread. */
export interface RowShape {
  readonly kind: RowKind
  readonly input: Format
  readonly output: Format
  /** The CSV header as read, for CSV input. */
  readonly csv: CsvLayout | undefined
  readonly dateOrder: DateOrder | undefined
  /** Carry the columns (CSV) or fields (NDJSON) read as no field into the output, as `extra`. */
  readonly keepExtra: boolean
  /** Add the reasons' texts (`reasonTexts`) beside their codes. */
  readonly texts: boolean
}

/** A raw row: one line of input and its line number. Members' fields never hold a line break. */
export type Row = { line: number; text: string }

/** A CSV line read into cells, or why it could not be. */
export type Cells = readonly string[] | { fault: string }

type Csv = typeof import('./csv')
let csv: Csv | undefined

/**
 * Loads what `format` needs: for CSV input, csv-parse, which costs ~20 ms to
 * load in every thread of a batch and NDJSON does without. Called once before
 * blocks of that format are read.
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

/** CSV lines read into trimmed cells (see `./csv`). */
export function csvCells(rows: readonly Row[], separator: string): Cells[] {
  if (csv === undefined) throw new Error('CSV read before prepare("csv")')
  return csv.csvCells(rows, separator)
}

/** What every record carries: the instant asked about and the policy answered by. */
export interface Stamp {
  readonly asOf: string
  readonly policy: string
  readonly policyVersion: string
}

/** A window of use as records write it (instants in UTC, `null` while open), as `check --json` does. */
export interface WindowRecord {
  from: string
  until: string | null
  phases: readonly string[]
  certainty: string
  untilRange: { from: string; until: string } | null
}

/** Columns (CSV) or fields (NDJSON) of the input read as no field, carried with `--keep-extra`. */
export type Extra = Record<string, unknown>

/** One output record: a member's answer, an item's, or an error that names the line and the field. */
export type OutRecord =
  | (Stamp & { id: string; status: 'covered' | 'not-covered' | 'undetermined'; country: string; region: string | null; from: string | null; until: string | null; windows: WindowRecord[]; reasons: string[]; reasonTexts?: string[]; extra?: Extra })
  | (Stamp & { id: string; status: 'in-scope' | 'retained' | 'out-of-scope' | 'undetermined'; memberId: string; category: string; createdFrom: string; createdUntil: string; reasons: string[]; reasonTexts?: string[]; extra?: Extra })
  | (Stamp & { id: string; status: 'error'; line: number; field: string; message: string; extra?: Extra })

/** Counts for the summary line, and the NDJSON fields read as none. */
export interface Tally {
  rows: number
  /** Blank lines, skipped: they are no rows. */
  blank: number
  /** By status, `error` included. */
  statuses: Record<string, number>
  /** NDJSON fields that are no field of a row, ignored or carried: listed once on stderr. */
  fields: string[]
}

export const emptyTally = (): Tally => ({ rows: 0, blank: 0, statuses: {}, fields: [] })

/** A row read into fields under their NDJSON names (CSV cells converted), or why it cannot be. */
export type RowRead = { id: string; fields: Record<string, unknown>; extra: Extra | undefined } | { id: string; field: string; message: string; extra: Extra | undefined }

/** Each kind's NDJSON field names. */
const JSON_FIELDS: Readonly<Record<RowKind, ReadonlySet<string>>> = {
  members: new Set(FIELDS.members.map((field) => field.json)),
  items: new Set(FIELDS.items.map((field) => field.json)),
}

function readJson(text: string, shape: RowShape, seen: Set<string>): RowRead {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    return { id: '', field: '(line)', message: `is not valid JSON: ${(error as Error).message}`, extra: undefined }
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { id: '', field: '(line)', message: 'is not a JSON object', extra: undefined }
  }
  const record = value as Record<string, unknown>
  const known = JSON_FIELDS[shape.kind]
  let extra: Extra | undefined
  for (const key in record) {
    if (known.has(key) || !Object.hasOwn(record, key)) continue
    const meant = nearMiss(shape.kind, key)
    // A near-miss is never dropped: read as unknown, `birth_date` would be "no birth date".
    if (meant !== undefined) return { id: idOf(record.id) ?? '', field: key, message: `is not a known field; did you mean ${JSON.stringify(meant)}?`, extra: undefined }
    seen.add(key)
    ;(extra ??= {})[key] = record[key]
  }
  const id = idOf(record.id)
  const kept = extra !== undefined && shape.keepExtra ? extra : undefined
  if (id === undefined) return { id: '', field: 'id', message: record.id === undefined ? 'is missing' : 'is not a string or a number', extra: kept }
  if (extra === undefined) return { id, fields: record, extra: undefined }
  const fields: Record<string, unknown> = {}
  for (const key in record) if (known.has(key)) fields[key] = record[key]
  return { id, fields, extra: kept }
}

const idOf = (id: unknown): string | undefined => (typeof id === 'string' ? id.trim() : typeof id === 'number' ? String(id) : undefined)

/** The cells of a CSV row in the layout's order: NDJSON name, CSV field name, column, how it was mapped. Made once per layout. */
type Plan = readonly { json: string; csv: string; index: number; name: string; mapped: Mapped }[]
let planned: { layout: CsvLayout; plan: Plan } | undefined
function planOf(layout: CsvLayout, kind: RowKind): Plan {
  if (planned?.layout !== layout) {
    const plan = FIELDS[kind].flatMap((field) => {
      const column = layout.columns[field.csv]
      return column === undefined ? [] : [{ json: field.json, csv: field.csv, ...column }]
    })
    planned = { layout, plan }
  }
  return planned.plan
}

const BOOLEAN: Readonly<Record<string, boolean>> = { true: true, false: false, yes: true, no: false, '1': true, '0': false }

/** A CSV cell as the field's value: booleans, opt-out and opt-in lists (`ISO[;via]` joined by `|`, each part trimmed). */
function cellValue(csv: string, cell: string): unknown {
  switch (csv) {
    case 'secondary_school':
      return BOOLEAN[cell.toLowerCase()] ?? { fault: `${JSON.stringify(cell)} is not true, false, yes, no, 1 or 0 (in any case)` }
    case 'opt_outs':
      return cell.split('|').map((part) => {
        const cut = part.lastIndexOf(';')
        return cut === -1 ? { at: part.trim() } : { at: part.slice(0, cut).trim(), via: part.slice(cut + 1).trim() }
      })
    case 'opt_ins':
      return cell.split('|').map((part) => ({ at: part.trim() }))
    default:
      return cell
  }
}

function readCsv(cells: readonly string[], shape: RowShape): RowRead {
  const layout = shape.csv as CsvLayout
  const plan = planOf(layout, shape.kind)
  let extra: Extra | undefined
  if (shape.keepExtra && layout.extra.length > 0) {
    extra = {}
    for (const column of layout.extra) extra[column.name] = cells[column.index] ?? ''
  }
  const idColumn = layout.columns.id
  const id = idColumn === undefined ? '' : (cells[idColumn.index] ?? '')
  if (cells.length !== layout.count) return { id, field: '(row)', message: `has ${cells.length} columns; the header has ${layout.count}`, extra }
  const fields: Record<string, unknown> = {}
  for (const { json, csv, index, name, mapped } of plan) {
    const cell = cells[index] as string
    if (cell === '') continue
    // A column read as country by its name alone may hold dialling codes: 380 (Ukraine) would read as ISO numeric 380 (Italy).
    if (csv === 'country' && mapped === 'recognised' && /^[0-9]+$/.test(cell)) {
      const message = `${JSON.stringify(cell)} is a number in ${JSON.stringify(name)}, a column read as country by its name alone: it may be a telephone dialling code rather than an ISO 3166-1 numeric code; if it is the latter, give --columns country=${JSON.stringify(name)}`
      return { id, field: name, message, extra }
    }
    const value = cellValue(csv, cell)
    if (value !== null && typeof value === 'object' && 'fault' in value) return { id, field: name, message: (value as { fault: string }).fault, extra }
    fields[json] = value
  }
  return { id, fields, extra }
}

/** A birth date written day and month first or month and day first, with the year last: `03/05/1990`, `3.5.1990`. */
const DAY_MONTH_YEAR = /^([0-9]{1,2})[./-]([0-9]{1,2})[./-]([0-9]{4})$/

/**
 * A birth date as the library reads it: `03/05/1990` becomes `1990-05-03`
 * (`dmy`) or `1990-03-05` (`mdy`) only with `--date-order`; anything else is
 * left to the library's checks.
 */
function birthDateOf(value: string, order: DateOrder | undefined): string | { fault: string } {
  const match = DAY_MONTH_YEAR.exec(value.trim())
  if (match === null) return value
  if (order === undefined) return { fault: `${JSON.stringify(value)} could be day-first or month-first: give --date-order dmy or mdy (never guessed)` }
  const [, first = '', second = '', year = ''] = match
  const [day, month] = order === 'dmy' ? [first, second] : [second, first]
  if (Number(month) > 12) return { fault: `${JSON.stringify(value)} has no month ${month}, read as ${order} (--date-order)` }
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`
}

/**
 * The defaults every input form shares (`check`'s options, CSV and NDJSON):
 * an opt-out without a channel is through the policy's first; a birth date
 * such as `03/05/1990` is read with `--date-order`. The row's fields are
 * copied only where something changes.
 */
export function memberDefaults(fields: Record<string, unknown>, dateOrder: DateOrder | undefined, firstChannel: string): { member: Record<string, unknown> } | { field: string; fault: string } {
  let out = fields
  const { birthDate, optOuts } = fields
  if (typeof birthDate === 'string') {
    const read = birthDateOf(birthDate, dateOrder)
    if (typeof read !== 'string') return { field: 'birthDate', fault: read.fault }
    if (read !== birthDate) out = { ...out, birthDate: read }
  }
  if (Array.isArray(optOuts) && optOuts.some((entry) => entry !== null && typeof entry === 'object' && !('via' in entry))) {
    out = { ...out, optOuts: optOuts.map((entry) => (entry !== null && typeof entry === 'object' && !('via' in entry) ? { ...entry, via: firstChannel } : entry)) }
  }
  return { member: out }
}

/** A run's context: the options read once, the shape of its rows, what every record carries. */
export interface RowContext {
  readonly options: ReadOptions
  readonly shape: RowShape
  readonly stamp: Stamp
  /** Answers a row read well: its record (an error record when the row's fields are not valid). */
  readonly answer: (read: { id: string; fields: Record<string, unknown>; extra: Extra | undefined }, line: number) => OutRecord
}

/** The stamp of every record of a run. */
export const stampOf = (options: ReadOptions): Stamp => ({ asOf: iso(options.asOf), policy: options.compiled.policy.id, policyVersion: options.compiled.policy.version })

/** An error record, with what the row carries. */
export function errorRecord(stamp: Stamp, id: string, line: number, field: string, message: string, extra: Extra | undefined): OutRecord {
  const record: OutRecord = { id, status: 'error', ...stamp, line, field: field === '' ? '(row)' : field, message }
  if (extra !== undefined) record.extra = extra
  return record
}

/** A field named in an error: its CSV column's header for CSV input, else its NDJSON path. */
export function fieldName(shape: RowShape, path: Path): string {
  const [first] = path
  const column = shape.csv === undefined ? undefined : shape.csv.columns[FIELDS[shape.kind].find((field) => field.json === first)?.csv ?? '']
  return column === undefined ? pathText(path) : column.name
}

/** Answers member rows (`batch`). */
export function memberAnswerer(options: ReadOptions, shape: RowShape): RowContext {
  const stamp = stampOf(options)
  const firstChannel = Object.keys(options.compiled.policy.channels)[0] as string
  const answer: RowContext['answer'] = ({ id, fields, extra }, line) => {
    const read = memberDefaults(fields, shape.dateOrder, firstChannel)
    if (!('member' in read)) return errorRecord(stamp, id, line, fieldName(shape, [read.field]), read.fault, extra)
    const result = answerAt(read.member, options, readRowMember)
    if (!result.ok) {
      const { issues } = result
      return errorRecord(stamp, id, line, fieldName(shape, issues[0]?.path ?? []), issues.map((issue) => issue.message).join('; '), extra)
    }
    const { evaluation, status, windows, from, until, reasons } = result.value
    const record: OutRecord = {
      id,
      status,
      ...stamp,
      country: evaluation.member.country,
      region: evaluation.place.region,
      from: from === null ? null : iso(from),
      until: until === null ? null : iso(until),
      windows: windows.map((window) => ({
        from: iso(window.from),
        until: window.until === Infinity ? null : iso(window.until),
        phases: window.phases,
        certainty: window.certainty,
        untilRange: window.untilRange === null ? null : { from: iso(window.untilRange.from), until: iso(window.untilRange.until) },
      })),
      reasons: reasons.map((reason) => reason.code),
    }
    if (shape.texts) record.reasonTexts = reasons.map((reason) => reason.message)
    if (extra !== undefined) record.extra = extra
    return record
  }
  return { options, shape, stamp, answer }
}

/** Reads one row (CSV rows come with their cells): its fields, or why it cannot be read. `seen` collects NDJSON fields read as none. */
export function readRow(row: Row, shape: RowShape, cells: Cells | undefined, seen: Set<string>): RowRead {
  if (cells === undefined) return readJson(row.text, shape, seen)
  if ('fault' in cells) return { id: '', field: '(row)', message: `is not valid CSV: ${cells.fault}`, extra: undefined }
  return readCsv(cells, shape)
}

/** Evaluates one row: its record. */
export function evaluateRow(row: Row, context: RowContext, cells: Cells | undefined, seen: Set<string>): OutRecord {
  const read = readRow(row, context.shape, cells, seen)
  return 'fields' in read ? context.answer(read, row.line) : errorRecord(context.stamp, read.id, row.line, read.field, read.message, read.extra)
}

/** The output columns (CSV) of a run, in order. */
export function outputColumns(shape: Pick<RowShape, 'kind' | 'texts' | 'keepExtra'>): string[] {
  const answer = shape.kind === 'members' ? ['country', 'region', 'from', 'until', 'windows'] : ['member_id', 'category', 'created_from', 'created_until']
  return ['id', 'status', 'as_of', 'policy', 'policy_version', ...answer, 'reasons', ...(shape.texts ? ['reason_texts'] : []), 'line', 'field', 'message', ...(shape.keepExtra ? ['extra'] : [])]
}

/** The CSV output header line. */
export const csvOutputHeader = (shape: RowShape): string => `${outputColumns(shape).join(',')}\n`

/** A window in a CSV cell: `FROM/UNTIL;CERTAINTY`, `..` for an open end, `;RANGE_FROM/RANGE_UNTIL` after a ranged one. */
const windowCell = (window: WindowRecord): string =>
  `${window.from}/${window.until ?? '..'};${window.certainty}${window.untilRange === null ? '' : `;${window.untilRange.from}/${window.untilRange.until}`}`

/** A record as a CSV line, cells in {@link outputColumns}' order; lists joined by `|`, texts and extra as JSON. */
function csvRecord(record: OutRecord, shape: RowShape): string {
  const cells: string[] = [record.id, record.status, record.asOf, record.policy, record.policyVersion]
  const blank = (count: number) => {
    for (let i = 0; i < count; i++) cells.push('')
  }
  if (record.status === 'error') {
    blank(shape.kind === 'members' ? 6 : 5)
    if (shape.texts) blank(1)
    cells.push(String(record.line), record.field, record.message)
  } else {
    if ('country' in record) cells.push(record.country, record.region ?? '', record.from ?? '', record.until ?? '', record.windows.map(windowCell).join('|'))
    else cells.push(record.memberId, record.category, record.createdFrom, record.createdUntil)
    cells.push(record.reasons.join('|'))
    if (shape.texts) cells.push(JSON.stringify(record.reasonTexts ?? []))
    blank(3)
  }
  if (shape.keepExtra) cells.push(record.extra === undefined ? '' : JSON.stringify(record.extra))
  return `${cells.map(csvField).join(',')}\n`
}

/**
 * `JSON.stringify(record)`, written out for members' answers: only the id,
 * the policy's names (a policy file names its own) and the region can need
 * escaping (codes, statuses and instants are plain ASCII words), and the
 * generic walk over each record cost a sixth of a batch's time.
 */
function ndjsonRecord(record: OutRecord): string {
  if (!('country' in record)) return JSON.stringify(record)
  const { from, until } = record
  let windows = ''
  for (const window of record.windows) {
    const range = window.untilRange
    windows +=
      `${windows === '' ? '' : ','}{"from":"${window.from}","until":${window.until === null ? 'null' : `"${window.until}"`},"phases":${JSON.stringify(window.phases)},` +
      `"certainty":"${window.certainty}","untilRange":${range === null ? 'null' : `{"from":"${range.from}","until":"${range.until}"}`}}`
  }
  return (
    `{"id":${JSON.stringify(record.id)},"status":"${record.status}","asOf":"${record.asOf}","policy":${JSON.stringify(record.policy)},"policyVersion":${JSON.stringify(record.policyVersion)},` +
    `"country":"${record.country}","region":${JSON.stringify(record.region)},` +
    `"from":${from === null ? 'null' : `"${from}"`},"until":${until === null ? 'null' : `"${until}"`},"windows":[${windows}],` +
    `"reasons":${record.reasons.length === 0 ? '[]' : `["${record.reasons.join('","')}"]`}` +
    `${record.reasonTexts === undefined ? '' : `,"reasonTexts":${JSON.stringify(record.reasonTexts)}`}${record.extra === undefined ? '' : `,"extra":${JSON.stringify(record.extra)}`}}`
  )
}

/**
 * Records as UTF-8 bytes, NDJSON lines or CSV rows (no header), in memory of
 * their own so that a worker can move them to the main thread. Each line
 * is written into the bytes as it is made: a block's output never exists as
 * one long string, which would be a large object for the garbage collector.
 * `into`, memory whose earlier bytes have been written out, is written over
 * (and grown if too small): fresh memory for every block cost a page fault
 * per 4 KB written.
 */
export function recordBytes(records: readonly OutRecord[], shape: RowShape, into?: ArrayBuffer): Uint8Array<ArrayBuffer> {
  const out = new ByteWriter(records.length * 256, into)
  if (shape.output === 'ndjson') for (const record of records) out.add(`${ndjsonRecord(record)}\n`)
  else for (const record of records) out.add(csvRecord(record, shape))
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

/** Evaluates a block of lines in a run's context: the bytes to write (in `into` when given) and the counts. */
export function evaluateBlock(block: Block, context: RowContext, into?: ArrayBuffer): { bytes: Uint8Array<ArrayBuffer>; tally: Tally } {
  const tally = emptyTally()
  const rows = rowsOf(block, tally)
  const { shape } = context
  const cells = shape.input === 'csv' ? csvCells(rows, (shape.csv as CsvLayout).separator) : undefined
  const seen = new Set<string>()
  const records = rows.map((row, index) => {
    const record = evaluateRow(row, context, cells?.[index], seen)
    tally.rows++
    tally.statuses[record.status] = (tally.statuses[record.status] ?? 0) + 1
    return record
  })
  tally.fields = [...seen]
  return { bytes: recordBytes(records, shape, into), tally }
}

/**
 * A CSV header line read into a layout: its separator detected, its cells
 * trimmed, its columns matched to the kind's fields (see `layoutOf`).
 *
 * @throws {UsageError} when the header is not valid CSV or cannot be read as the kind's fields
 */
export function readHeader(text: string, kind: RowKind, given: Readonly<Record<string, string>>, command: string): CsvLayout {
  const separator = separatorOf(text)
  const cells = csvCells([{ line: 1, text }], separator)[0] as Cells
  if ('fault' in cells) throw new UsageError(`${command}: the CSV header ${JSON.stringify(text)} is not valid CSV: ${cells.fault}`)
  return layoutOf(kind, cells, separator, given, command)
}

/** The input's format: `given` (`--format`), else from the file's name, else from its first line. */
export function formatOf(input: string, first: string, given: Format | undefined): Format {
  if (given !== undefined) return given
  if (/\.csv$/i.test(input)) return 'csv'
  if (/\.(nd)?jsonl?$/i.test(input)) return 'ndjson'
  return first.replace(/^\uFEFF/, '').trimStart().startsWith('{') ? 'ndjson' : 'csv'
}
