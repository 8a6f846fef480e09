/**
 * `ai-training-scope items`: stored records (an id, the member's id, a data
 * category, when it was created) joined to a members file, each answered by
 * `dataUse`: which of our stored records may sit in training data? The
 * members file is read once, into a map by id; the items stream through the
 * same reading and writing as `batch`.
 */
import { readFileSync } from 'node:fs'
import { type DataItem, dataUse } from '../coverage/data-use'
import type { MemberInput } from '../coverage/member'
import type { ReadOptions } from '../coverage/options'
import { iso } from '../coverage/reasons'
import { isPolicyInputError } from '../errors'
import { UsageError } from './errors'
import {
  type Cells,
  csvCells,
  type DateOrder,
  decode,
  errorRecord,
  fieldName,
  type Format,
  formatOf,
  lineAt,
  memberDefaults,
  type OutRecord,
  prepare,
  type Row,
  type RowContext,
  type RowShape,
  readHeader,
  readRow,
  stampOf,
} from './rows'

/** A member of the members file: read well (its fields, defaults applied), or why not; by its line. */
type Entry = { line: number; member: Record<string, unknown> } | { line: number; problem: string }

/** The members file, by member id. An id on two lines answers neither: the join would be a guess. */
export interface MemberIndex {
  readonly file: string
  /** How the file was read: its problems name its own columns. */
  readonly shape: RowShape
  readonly members: ReadonlyMap<string, Entry>
}

/** How the members file is read: its format (else told from its name and first line), its `--member-columns`, the date order. */
export interface MembersFileOptions {
  format: Format | undefined
  columns: Readonly<Record<string, string>>
  dateOrder: DateOrder | undefined
}

/**
 * Reads the members file once: each member by id, with its line. Rows that
 * cannot be read are kept with their problem, so that an item of theirs says
 * what it is.
 *
 * @throws {UsageError} when the file cannot be read, or its CSV header cannot be read as members
 */
export async function loadMembers(file: string, how: MembersFileOptions, firstChannel: string): Promise<MemberIndex> {
  let text: string
  try {
    text = decode(readFileSync(file)).replace(/^\uFEFF/, '')
  } catch (error) {
    throw new UsageError(`items: --members ${JSON.stringify(file)} cannot be read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`)
  }
  const format = formatOf(file, text, how.format)
  await prepare(format)
  const rows: Row[] = []
  for (let start = 0, line = 1; start < text.length; line++) {
    const { line: row, next } = lineAt(text, start)
    start = next
    if (row.trim() !== '') rows.push({ line, text: row })
  }
  const header = format === 'csv' ? rows.shift() : undefined
  const shape: RowShape = {
    kind: 'members',
    input: format,
    output: format,
    csv: header === undefined ? undefined : readHeader(header.text, 'members', how.columns, 'items: --members'),
    dateOrder: how.dateOrder,
    keepExtra: false,
    texts: false,
  }
  const cells: (Cells | undefined)[] = shape.csv === undefined ? [] : csvCells(rows, shape.csv.separator)
  const members = new Map<string, Entry>()
  const lines = new Map<string, number[]>()
  rows.forEach((row, index) => {
    const read = readRow(row, shape, cells[index], new Set())
    if (read.id === '') return
    const seen = lines.get(read.id) ?? []
    lines.set(read.id, [...seen, row.line])
    if (seen.length > 0) {
      members.set(read.id, { line: row.line, problem: `is on lines ${[...seen, row.line].join(', ')} of the members file: which one is meant is not known` })
      return
    }
    if (!('fields' in read)) return void members.set(read.id, { line: row.line, problem: `${read.field}: ${read.message}` })
    // The row's id is the key, not a member field: dataUse reads members strictly.
    const { id: _, ...fields } = read.fields
    const defaults = memberDefaults(fields, how.dateOrder, firstChannel)
    members.set(read.id, 'member' in defaults ? { line: row.line, member: defaults.member } : { line: row.line, problem: `${fieldName(shape, [defaults.field])}: ${defaults.fault}` })
  })
  return { file, shape, members }
}

/** Answers item rows: each joined to its member and asked `dataUse` at the run's instant, under its policy. */
export function itemAnswerer(options: ReadOptions, shape: RowShape, index: MemberIndex): RowContext {
  const stamp = stampOf(options)
  const asOf = new Date(options.asOf)
  const { policy } = options.compiled
  const answer: RowContext['answer'] = ({ id, fields, extra }, line) => {
    const fail = (field: string, message: string) => errorRecord(stamp, id, line, fieldName(shape, [field]), message, extra)
    const { memberId, category, createdAt, timeZone } = fields
    if (typeof memberId !== 'string' && typeof memberId !== 'number') return fail('memberId', memberId === undefined ? 'is missing' : 'is not a string or a number')
    const key = String(memberId).trim()
    const entry = index.members.get(key)
    if (entry === undefined) return fail('memberId', `${JSON.stringify(key)} is not in the members file ${JSON.stringify(index.file)}`)
    if ('problem' in entry) return fail('memberId', `member ${JSON.stringify(key)} (members file, line ${entry.line}) cannot be read: ${entry.problem}`)
    const item = { category, createdAt, ...(timeZone === undefined ? {} : { timeZone }) } as DataItem
    try {
      const report = dataUse(entry.member as unknown as MemberInput, item, { asOf, policy })
      const record: OutRecord = {
        id,
        status: report.status,
        ...stamp,
        memberId: key,
        category: String(category),
        createdFrom: iso(report.createdFrom.getTime()),
        createdUntil: iso(report.createdUntil.getTime()),
        reasons: report.reasons.map((reason) => reason.code),
      }
      if (shape.texts) record.reasonTexts = report.reasons.map((reason) => reason.message)
      if (extra !== undefined) record.extra = extra
      return record
    } catch (error) {
      if (!isPolicyInputError(error)) throw error
      const [first] = error.issues
      const message = error.issues.map((issue) => issue.message).join('; ')
      // The member's problems were its row's: they are named as the members file's.
      if (error.input === 'member') return fail('memberId', `member ${JSON.stringify(key)} (members file, line ${entry.line}) cannot be read: ${fieldName(index.shape, first?.path ?? [])}: ${message}`)
      return errorRecord(stamp, id, line, fieldName(shape, first?.path ?? []), message, extra)
    }
  }
  return { options, shape, stamp, answer }
}
