/**
 * `ai-training-scope archive <zip>`: which of the member's own exported items
 * may be in the policy's training data, in plain sentences (or as JSON), and
 * item by item in a file when asked (`--out`). The ZIP is read here, on this
 * machine; nothing is written but the output asked for, and no item's text is
 * printed or written unless `--text` asks for it.
 */
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { archiveReport, type ArchiveItem, type ArchiveReport, dataUseStatuses, itemRecords, itemsCsv, readArchive } from '../archive'
import { type CoverageReport, coverage } from '../coverage/coverage'
import type { DataUseStatus } from '../coverage/data-use'
import type { MemberInput } from '../coverage/member'
import { isPolicyInputError } from '../errors'
import type { Policy } from '../policy/schema'
import { countryName, readCountry } from '../region/codes'
import { usageError } from './check'
import { UsageError } from './errors'

export interface ArchiveCommand {
  readonly zip: string
  /** The member, once they have given their country; without it the command suggests one and stops. */
  readonly member: MemberInput | undefined
  readonly asOf: Date
  readonly policy: Policy
  readonly json: boolean
  readonly out: string | undefined
  /** Whether item texts go into `--out`'s file. */
  readonly text: boolean
}

/** A status in plain words: its name, and what it means for the member's items. */
const SAY: Readonly<Record<DataUseStatus, readonly [string, string]>> = {
  'in-scope': ['In scope', 'may be used to train these models now'],
  retained: ['Retained', 'are not used now, but existed during a window of use, so they may remain in models trained then'],
  undetermined: ['Undetermined', 'cannot be told from what is known: a date that spans a boundary of use, a kind of data the policy does not name, or a fact not given'],
  'out-of-scope': ['Out of scope', 'are not used'],
}

const plural = (count: number, one: string) => `${count.toLocaleString('en-US')} ${one}${count === 1 ? '' : 's'}`
const day = (date: Date) => date.toISOString().slice(0, 16).replace('T', ' ')

/** When an item was created, in UTC: one instant, or the range it lies in. */
function when(item: ArchiveItem): string {
  if (item.created === null) return 'not dated by the export'
  const { from, until } = item.created
  return from.getTime() === until.getTime() ? `created ${day(from)} UTC` : `created between ${day(from)} and ${day(until)} UTC`
}

const where = (item: ArchiveItem) => `${item.file}${item.line > 1 ? `, line ${item.line}` : ''}`

/** Countries the export hints at (Geo Location, Billing Country), each as the code it reads as, when it reads as one. */
function suggestions(report: { countryHints: ArchiveReport['countryHints'] }): string[] {
  return report.countryHints.map((hint) => {
    const candidates = [hint.value, hint.value.split(',').at(-1)?.trim() ?? '']
    const code = candidates.map((candidate) => readCountry(candidate)).find((each) => each.ok)?.code
    const reading = code === undefined ? 'names no country this tool can read' : `suggests ${code} (${countryName(code, 'en')})`
    return `  ${hint.file}, ${hint.column}: ${JSON.stringify(hint.value)} ${reading}`
  })
}

/** Since when the member's data is used: their windows of use, in UTC, with how sure each is. */
function sinceWhen(windows: CoverageReport['windows']): string {
  if (windows.length === 0) return 'Since when: never; you have no window of use under this policy.'
  const spans = windows.map((window) => {
    const end = window.untilRange !== null ? `until between ${day(window.untilRange.from)} and ${day(window.untilRange.until)}` : window.until === null ? 'onwards' : `until ${day(window.until)}`
    return `${day(window.from)} ${end} (${window.certainty})`
  })
  return `Since when: your data may be used from ${day(windows[0]?.from as Date)} UTC; windows of use (UTC): ${spans.join('; ')}.`
}

/** The summary for a person. */
function humanSummary(report: ArchiveReport, command: ArchiveCommand, layout: string | null, country: string, windows: CoverageReport['windows']): string {
  const lines: string[] = []
  const { texts } = command.policy
  const read = report.files.length
  lines.push(
    `Your ${layout === null ? '' : `${layout} `}LinkedIn data export: ${plural(report.items.length, 'item')} read from ${plural(read, 'file')}; ${plural(report.skipped.length, 'file')} skipped, ${plural(report.malformed.length, 'row')} that could not be read.`,
    `Asked at ${day(report.asOf)} UTC, for ${countryName(country, 'en')} (${country}), under policy ${report.policy} (version ${report.policyVersion}).`,
    sinceWhen(windows),
    '',
  )
  for (const status of dataUseStatuses) {
    const { count, oldest } = report.statuses[status]
    if (count === 0) continue
    const byCategory = Object.entries(report.counts)
      .filter(([, counts]) => counts[status] > 0)
      .map(([category, counts]) => `${category} ${counts[status].toLocaleString('en-US')}`)
      .join(', ')
    const [name, meaning] = SAY[status]
    lines.push(`${name}: ${plural(count, 'item')} (${byCategory}) ${meaning}.`)
    if (oldest !== null) lines.push(`  The oldest is a ${oldest.kind}, ${when(oldest)} (${where(oldest)}).`)
  }
  lines.push('', 'Dates the export writes without a time zone are read in every zone from UTC-12 to UTC+14: LinkedIn writes them in its own zone, not yours.')
  lines.push('', 'What you can do:')
  for (const name of [...Object.keys(command.policy.channels), 'general']) lines.push(`  - ${texts.en.advice[name] ?? ''}`)
  if (report.skipped.length > 0) {
    lines.push('', 'Files not read:')
    for (const file of report.skipped) lines.push(`  ${file.file}: ${file.message}`)
  }
  if (report.malformed.length > 0) {
    lines.push('', 'Rows that could not be read:')
    for (const row of report.malformed) lines.push(`  ${row.file}, line ${row.line}: ${row.message}`)
  }
  if (command.out !== undefined) lines.push('', `Each item, with its status and reasons, is in ${command.out}${command.text ? ' (with its text)' : ' (without its text; add --text to include it)'}.`)
  return `${lines.join('\n')}\n`
}

/** The report as JSON without the items (they go to `--out`). */
function jsonSummary(report: ArchiveReport): string {
  const { items: _items, ...summary } = report
  const brief = (item: ArchiveItem | null) => (item === null ? null : { kind: item.kind, category: item.category, created: item.created, file: item.file, line: item.line })
  const statuses = Object.fromEntries(dataUseStatuses.map((status) => [status, { ...report.statuses[status], oldest: brief(report.statuses[status].oldest), newest: brief(report.statuses[status].newest) }]))
  return `${JSON.stringify({ ...summary, statuses }, null, 2)}\n`
}

/** One record per item: CSV when the file name ends in `.csv`, NDJSON otherwise. */
function itemsFile(report: ArchiveReport, out: string, text: boolean): string {
  return out.endsWith('.csv') ? itemsCsv(report, text) : itemRecords(report, text).map((record) => `${JSON.stringify(record)}\n`).join('')
}

/** Writes `content` to `path` through a temporary file renamed when complete, so a crash never leaves a file that looks whole. */
function writeWhole(path: string, content: string): void {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`)
  try {
    writeFileSync(temporary, content)
    renameSync(temporary, path)
  } catch (error) {
    rmSync(temporary, { force: true })
    throw new UsageError(`archive: --out ${path}: cannot be written (${(error as NodeJS.ErrnoException).code ?? String(error)})`)
  }
}

/**
 * Runs the command: reads the ZIP, and without a country suggests one from the
 * export and stops (exit 2); else answers every item.
 *
 * @throws {UsageError} for a ZIP that cannot be read, a bad option, or a policy that does not fit a LinkedIn export
 */
export async function archive(command: ArchiveCommand, io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream }): Promise<number> {
  let bytes: Uint8Array
  try {
    bytes = readFileSync(command.zip)
  } catch (error) {
    throw new UsageError(`archive: cannot read ${JSON.stringify(command.zip)} (${(error as NodeJS.ErrnoException).code ?? String(error)})`)
  }
  let exported: ReturnType<typeof readArchive>
  try {
    exported = readArchive(bytes, { name: basename(command.zip) })
  } catch (error) {
    if (!isPolicyInputError(error)) throw error
    throw new UsageError(`archive: ${JSON.stringify(command.zip)} ${error.issues[0]?.message ?? error.message}`)
  }
  if (command.member === undefined) {
    const hints = suggestions(exported)
    const lines = [
      'ai-training-scope: archive: --country is required: the export does not say which country you live in.',
      ...(hints.length === 0 ? ['  It has no Geo Location or Billing Country to suggest one.'] : ['  It hints at one (a guess, not used until you confirm it):', ...hints]),
      '  Run again with --country CODE (the country you live in).',
    ]
    io.stderr.write(`${lines.join('\n')}\n`)
    return 2
  }
  let report: ArchiveReport
  try {
    report = archiveReport(command.member, exported, { asOf: command.asOf, policy: command.policy })
  } catch (error) {
    if (isPolicyInputError(error) && error.input === 'policy') throw new UsageError(`archive: --policy ${command.policy.id}: ${error.issues[0]?.message ?? error.message}`)
    throw usageError('archive', error)
  }
  if (command.out !== undefined) writeWhole(command.out, itemsFile(report, command.out, command.text))
  const read = readCountry(command.member.country)
  // The member was read: their country is one.
  const country = read.ok ? read.code : command.member.country
  const { windows } = coverage(command.member, { asOf: command.asOf, policy: command.policy })
  io.stdout.write(command.json ? jsonSummary(report) : humanSummary(report, command, exported.layout, country, windows))
  return 0
}
