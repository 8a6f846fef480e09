/**
 * The columns of a batch's input as exports name them: the fields each kind
 * of row has, the common names recognised for each, `--columns` (the user's
 * own names), and a CSV header read into a layout that says which column is
 * which field, and why. NDJSON rows use the same table to name the field a
 * near-miss (`birth_date`, `dob`) was likely meant to be.
 */
import { UsageError } from './errors'

/** What a batch's rows are: members (`batch`) or stored data items joined to members (`items`). */
export type RowKind = 'members' | 'items'

/** A field: its CSV name, its NDJSON name, whether a row needs it, and the other names exports give it. */
interface Field {
  readonly csv: string
  readonly json: string
  readonly required: boolean
  readonly aliases: readonly string[]
}

const field = (csv: string, json: string, required: boolean, aliases: readonly string[] = []): Field => ({ csv, json, required, aliases })

/**
 * Each kind's fields, in their documented CSV order. Aliases are compared
 * as keys (lower case, letters and digits only): `Date of Birth` is
 * `dateofbirth`. Only names that hardly mean anything else are recognised
 * (no `nationality`, `zone` or `type`): a column read as the wrong field is
 * a wrong answer.
 */
export const FIELDS: Readonly<Record<RowKind, readonly Field[]>> = {
  members: [
    field('id', 'id', true, ['memberid', 'member', 'userid', 'employeeid', 'employeenumber', 'personid', 'staffid']),
    field('country', 'country', true, ['countrycode', 'countryname', 'countryofresidence', 'isocountry', 'isocountrycode']),
    field('birth_date', 'birthDate', false, ['dateofbirth', 'dob', 'birthday', 'born']),
    field('time_zone', 'timeZone', false, ['tz', 'timezonename', 'ianatimezone']),
    field('secondary_school', 'secondarySchool', false, ['insecondaryschool']),
    field('opt_outs', 'optOuts', false, ['optout']),
    field('opt_ins', 'optIns', false, ['optin']),
  ],
  items: [
    field('id', 'id', true, ['itemid', 'recordid']),
    field('member_id', 'memberId', true, ['member', 'userid', 'employeeid']),
    field('category', 'category', true, ['datacategory']),
    field('created_at', 'createdAt', true, ['created', 'createdon', 'creationdate', 'creationtime']),
    field('time_zone', 'timeZone', false, ['tz']),
  ],
}

/** A name as a key: lower case, letters and digits only (`Date of Birth` and `date_of_birth` are both `dateofbirth`). */
const keyOf = (name: string): string => name.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '')

/** The field whose name or alias has the key of `name`, if any. */
function fieldNamed(kind: RowKind, name: string): Field | undefined {
  const key = keyOf(name)
  return FIELDS[kind].find((each) => keyOf(each.csv) === key || each.aliases.includes(key))
}

/**
 * The field an unknown NDJSON field was likely meant to be (`birth_date`,
 * `birthdate`, `dob`: `birthDate`), or undefined when it resembles none.
 */
export function nearMiss(kind: RowKind, name: string): string | undefined {
  return fieldNamed(kind, name)?.json
}

/** How a column came to be read as a field: by the documented name, by a common name, or by `--columns`. */
export type Mapped = 'documented' | 'recognised' | 'given'

/** A CSV header read: each field's column, the columns read as no field, the separator. Plain data: workers get a copy. */
export interface CsvLayout {
  readonly separator: string
  /** How many columns the header has: a row with another count is an error. */
  readonly count: number
  /** By CSV field name: the column's index, its header, and how it was mapped. */
  readonly columns: Readonly<Record<string, { readonly index: number; readonly name: string; readonly mapped: Mapped }>>
  /** Columns read as no field: ignored, or carried into the output with `--keep-extra`. */
  readonly extra: readonly { readonly index: number; readonly name: string }[]
}

/**
 * `--columns id="Member ID",birth_date="Date of Birth"` (repeatable): field
 * names to header names. A header name may be quoted (the shell usually
 * strips the quotes; keep them for a name with a comma).
 *
 * @throws {UsageError} for a field the kind has not, or a pair that is not `field=name`
 */
export function columnsOption(kind: RowKind, values: readonly string[]): Record<string, string> {
  const given: Record<string, string> = {}
  const names = FIELDS[kind].map((each) => each.csv)
  for (const value of values) {
    const pair = /\s*([a-z_]+)\s*=\s*("(?:[^"]|"")*"|[^,]*)\s*(?:,|$)/y
    let at = 0
    while (at < value.length) {
      pair.lastIndex = at
      const match = pair.exec(value)
      if (match === null) throw new UsageError(`--columns ${JSON.stringify(value)}: expected FIELD=NAME pairs joined by commas, such as id="Member ID"`)
      const [, name = '', header = ''] = match
      if (!names.includes(name)) throw new UsageError(`--columns ${JSON.stringify(value)}: ${JSON.stringify(name)} is not one of ${names.join(', ')}`)
      given[name] = header.startsWith('"') ? header.slice(1, -1).replaceAll('""', '"') : header.trim()
      at = pair.lastIndex
    }
  }
  return given
}

/** The separator of a CSV header line: the most frequent of `,` `;` and tab outside quotes (`,` when none). */
export function separatorOf(header: string): string {
  const counts = new Map([[',', 0], [';', 0], ['\t', 0]])
  let quoted = false
  for (const char of header) {
    if (char === '"') quoted = !quoted
    else if (!quoted && counts.has(char)) counts.set(char, (counts.get(char) as number) + 1)
  }
  let best = ','
  for (const [char, count] of counts) if (count > (counts.get(best) as number)) best = char
  return best
}

/**
 * Reads a CSV header into a layout: each field's column by `--columns`, by
 * its documented name, or by a common name; the rest are extra. Two columns
 * for one field, a `--columns` name the header lacks, or a required field
 * with no column are refused, naming the header.
 *
 * @throws {UsageError} when the header cannot be read as the kind's fields
 */
export function layoutOf(kind: RowKind, names: readonly string[], separator: string, given: Readonly<Record<string, string>>, command: string): CsvLayout {
  const header = names.map((name) => JSON.stringify(name)).join(', ')
  const columns: Record<string, { index: number; name: string; mapped: Mapped }> = {}
  const taken = new Set<number>()
  for (const [csv, name] of Object.entries(given)) {
    let index = names.indexOf(name)
    if (index === -1) index = names.findIndex((each) => each.toLowerCase() === name.toLowerCase())
    if (index === -1) throw new UsageError(`${command}: --columns ${csv}=${JSON.stringify(name)}: the CSV header has no such column; its columns are ${header}`)
    columns[csv] = { index, name: names[index] as string, mapped: 'given' }
    taken.add(index)
  }
  names.forEach((name, index) => {
    if (taken.has(index)) return
    const documented = FIELDS[kind].find((each) => each.csv === name)
    const found = documented ?? fieldNamed(kind, name)
    if (found === undefined || given[found.csv] !== undefined) return
    const already = columns[found.csv]
    if (already !== undefined) {
      throw new UsageError(`${command}: the CSV columns ${JSON.stringify(already.name)} and ${JSON.stringify(name)} could both be ${found.csv}; choose one with --columns ${found.csv}="..." (columns: ${header})`)
    }
    columns[found.csv] = { index, name, mapped: documented === undefined ? 'recognised' : 'documented' }
    taken.add(index)
  })
  const missing = FIELDS[kind].filter((each) => each.required && columns[each.csv] === undefined).map((each) => each.csv)
  if (missing.length > 0) {
    throw new UsageError(`${command}: no column for ${missing.join(', ')} in the CSV header (columns: ${header}); name it with --columns ${missing.map((name) => `${name}="..."`).join(',')}`)
  }
  const extra = names.flatMap((name, index) => (taken.has(index) ? [] : [{ index, name }]))
  return { separator, count: names.length, columns, extra }
}

/**
 * What was read as what, for stderr: one line, or nothing when every column
 * has its documented name and none is left over.
 */
export function layoutText(layout: CsvLayout, keepExtra: boolean, command: string): string {
  const columns = Object.entries(layout.columns).sort(([, a], [, b]) => a.index - b.index)
  if (layout.extra.length === 0 && columns.every(([, column]) => column.mapped === 'documented')) return ''
  const how = { documented: '', recognised: ' (recognised by its name)', given: ' (--columns)' }
  const read = columns.map(([csv, column]) => `${csv} <- ${JSON.stringify(column.name)}${how[column.mapped]}`).join(', ')
  const extra = layout.extra.map((column) => JSON.stringify(column.name)).join(', ')
  const rest = layout.extra.length === 0 ? '' : `; ${keepExtra ? 'carried into the output' : 'ignored (--keep-extra carries them)'}: ${extra}`
  return `${command}: columns read: ${read}${rest}\n`
}
