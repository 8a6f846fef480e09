/**
 * Rows of the export's CSV files, each with the line it starts on: RFC 4180
 * files through d3-dsv's parser, and `Comments*.csv`, which is not always RFC
 * 4180, through the lenient reader below.
 */
import { csvParseRows } from 'd3-dsv'

/** One row's fields and the line (from 1) it starts on. */
export interface Row {
  readonly fields: readonly string[]
  readonly line: number
}

/** Line breaks inside a row's fields (a quoted field may hold several lines). */
function breaks(fields: readonly string[]): number {
  let count = 0
  for (const field of fields) for (let at = field.indexOf('\n'); at !== -1; at = field.indexOf('\n', at + 1)) count++
  return count
}

/** An RFC 4180 file's rows (the header first), CRLF or LF, blank lines left out. */
export function csvRows(text: string): Row[] {
  const rows: Row[] = []
  let line = 1
  for (const fields of csvParseRows(text)) {
    if (!(fields.length === 1 && fields[0] === '')) rows.push({ fields, line })
    line += 1 + breaks(fields)
  }
  return rows
}

/** A comment starts a line with its timestamp and a comma. */
const ROW_START = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2},/

/**
 * Where the quoted field starting at `start` (on its `"`) ends: the index of
 * its closing quote, or -1 when it is not closed in `text`. Inside, `""` and
 * `\"` are both an escaped quote (2024 exports wrote the first, 2025 ones the
 * second).
 */
function closingQuote(text: string, start: number): number {
  for (let at = start + 1; at < text.length; at++) {
    const char = text[at]
    if (char === '\\' && text[at + 1] === '"') at++
    else if (char === '"') {
      if (text[at + 1] !== '"') return at
      at++
    }
  }
  return -1
}

/** A quoted field's text without its quotes and escapes. */
const unquote = (text: string) => text.replace(/\\"|""/g, '"')

/**
 * One field at `start`: quoted (to its closing quote) or bare (to the next
 * comma, or to the end when `last`). Returns the text and where the next field starts.
 */
function field(text: string, start: number, last: boolean): { value: string; next: number; open: boolean } {
  if (text[start] === '"') {
    const end = closingQuote(text, start)
    if (end === -1) return { value: unquote(text.slice(start + 1)), next: text.length + 1, open: true }
    // A field that goes on after its closing quote is read as written, quotes and all.
    const comma = last ? text.length : text.indexOf(',', end)
    const stop = comma === -1 ? text.length : comma
    return { value: stop === end + 1 ? unquote(text.slice(start + 1, end)) : text.slice(start, stop), next: stop + 1, open: false }
  }
  const comma = last ? -1 : text.indexOf(',', start)
  const stop = comma === -1 ? text.length : comma
  return { value: text.slice(start, stop), next: stop + 1, open: false }
}

/** A record's fields: `columns - 1` fields to their commas, and the last one to the end, commas and line breaks included. */
function fields(text: string, columns: number): { fields: string[]; open: boolean } {
  const values: string[] = []
  let at = 0
  let open = false
  for (let index = 0; index < columns && at <= text.length; index++) {
    const read = field(text, at, index === columns - 1)
    values.push(read.value)
    at = read.next
    open = read.open
  }
  return { fields: values, open }
}

/**
 * The lenient reader, for `Comments*.csv` only (LINKEDIN-EXPORT.md, "Quirks"):
 * 2025 exports escape a quote inside a quoted `Message` as `\"`, and 2024
 * exports left multi-line messages unquoted. So a record starts on a line
 * that begins with a `YYYY-MM-DD HH:MM:SS,` timestamp, and any other line
 * continues the record before it (as does every line while its quoted message
 * is still open); its fields are the header's, the last taking the rest of
 * the record, commas and line breaks included. A line before any record that
 * does not start with a timestamp is a record of its own (the caller counts
 * it as malformed). Returns the header first, like {@link csvRows}.
 */
export function lenientRows(text: string): Row[] {
  const lines = text.split(/\r?\n/)
  if (lines.at(-1) === '') lines.pop()
  const [headerLine] = lines
  if (headerLine === undefined) return []
  const header = fields(headerLine, Number.POSITIVE_INFINITY).fields
  const columns = header.length
  const rows: Row[] = [{ fields: header, line: 1 }]
  let record: { text: string; line: number } | undefined
  const finish = () => {
    if (record !== undefined) rows.push({ fields: fields(record.text, columns).fields, line: record.line })
  }
  lines.forEach((line, index) => {
    if (index === 0) return
    if (record !== undefined && (!ROW_START.test(line) || fields(record.text, columns).open)) {
      record.text += `\n${line}`
      return
    }
    finish()
    record = line === '' ? undefined : { text: line, line: index + 1 }
  })
  finish()
  return rows
}
