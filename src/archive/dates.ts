/**
 * The export's dates, in the forms LINKEDIN-EXPORT.md records, rewritten as
 * `readCreated` reads them (the one reader of a creation instant): a local
 * time without a zone (`2024-10-11 09:30:00`) where the export writes none,
 * which stays the range of that wall time in every zone from UTC-12 to
 * UTC+14 (LinkedIn writes it in its own zone, not the member's, so the
 * member's zone is never applied); an instant (`...Z`) where the export says
 * UTC or GMT.
 */
import { readCreated } from '../coverage/data-use'
import { Reader } from '../input'

/** `2024-10-11 09:30:00`, `2024-10-11 09:30:00 UTC` (messages), `2024/10/11 09:30:00 UTC` (endorsements). */
const NUMERIC = /^(\d{4})[-/](\d{2})[-/](\d{2}) (\d{2}):(\d{2}):(\d{2})( UTC)?$/
/** `3/7/25, 9:05 AM` (job applications, registration), `03/07/25 09:05 PM UTC` (receipts). The space before AM may be a narrow one, or a `?` where it was replaced. */
const US = /^(\d{1,2})\/(\d{1,2})\/(\d{2}),? (\d{1,2}):(\d{2})[ \u202f\u00a0?]?([AP]M)( UTC)?$/
/** `You uploaded a video on March 8, 2026 at 4:05 AM (GMT)` (Rich_Media). */
const SENTENCE = / on ([A-Z][a-z]+) (\d{1,2}), (\d{4}) at (\d{1,2}):(\d{2})[ \u202f\u00a0?]?([AP]M) \((GMT|UTC)\)/
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

const two = (value: string | number) => String(value).padStart(2, '0')

/** 12-hour clock to 24-hour: 12 AM is 00, 12 PM is 12. */
const hour24 = (hour: string, half: string) => two((Number(hour) % 12) + (half === 'PM' ? 12 : 0))

/** The export's date text as `readCreated` reads it, or undefined when it is none of the export's forms. */
function created(text: string): string | undefined {
  const numeric = NUMERIC.exec(text)
  if (numeric !== null) {
    const [, year, month, day, hour, minute, second, utc] = numeric
    return utc === undefined ? `${year}-${month}-${day} ${hour}:${minute}:${second}` : `${year}-${month}-${day}T${hour}:${minute}:${second}Z`
  }
  const us = US.exec(text)
  if (us !== null) {
    const [, month = '', day = '', year, hour = '', minute, half = '', utc] = us
    const local = `20${year}-${two(month)}-${two(day)} ${hour24(hour, half)}:${minute}:00`
    return utc === undefined ? local : `${local.replace(' ', 'T')}Z`
  }
  const sentence = SENTENCE.exec(text)
  if (sentence !== null) {
    const [, monthName = '', day = '', year, hour = '', minute, half = ''] = sentence
    const month = MONTHS.indexOf(monthName) + 1
    if (month === 0) return undefined
    return `${year}-${two(month)}-${two(day)}T${hour24(hour, half)}:${minute}:00Z`
  }
  return undefined
}

/**
 * A day, a local time without a zone or an instant, as `readCreated` reads
 * it: the range (epoch ms, inclusive), or why it cannot be read (without the
 * value, which the caller names as the export wrote it).
 */
export function rangeOf(text: string): [number, number] | string {
  const reader = new Reader()
  const range = readCreated(reader, text, undefined)
  const issue = reader.issues[0]
  return issue === undefined ? range : issue.message.replace(/^"(?:[^"\\]|\\.)*" /, '')
}

/**
 * When an export's item was created: the range (epoch ms, inclusive) its date
 * text stands for, or the problem with it.
 */
export function exportCreated(text: string): [number, number] | string {
  const trimmed = text.trim()
  if (trimmed === '') return 'has no date'
  const readable = created(trimmed)
  const shown = JSON.stringify(trimmed.length > 60 ? `${trimmed.slice(0, 57)}...` : trimmed)
  if (readable === undefined) return `date ${shown} is in none of the export's date forms`
  const range = rangeOf(readable)
  return typeof range === 'string' ? `date ${shown} ${range}` : range
}
