/**
 * `archiveReport`: which of a member's exported items may be in a policy's
 * training data. Each item is answered by `dataUse`'s own evaluation
 * (`itemUse`), the member read and evaluated once.
 */
import { type DataUseReport, type DataUseStatus, itemUse } from '../coverage/data-use'
import type { MemberInput } from '../coverage/member'
import type { CoverageOptions } from '../coverage/options'
import { readOptions } from '../coverage/options'
import { PolicyInputError } from '../errors'
import type { linkedinGenAi } from '../policy/linkedin'
import type { ChannelOf, Policy } from '../policy/schema'
import type { Archive, ArchiveItem, CountryHint, MalformedRow, ReadFile, SkippedFile } from './read'
import { csvField } from '../csv-field'
import { sheetCategories } from './sheet'

/** The statuses an item can have, in the order reports list them. */
export const dataUseStatuses = ['in-scope', 'retained', 'undetermined', 'out-of-scope'] as const satisfies readonly DataUseStatus[]

/** One item and its answer. */
export interface ArchiveItemUse extends DataUseReport {
  readonly item: ArchiveItem
}

/** How many items have a status, and the oldest and newest of them (dated items only: by the start and the end of their creation range). */
export interface StatusSummary {
  readonly count: number
  readonly oldest: ArchiveItem | null
  readonly newest: ArchiveItem | null
}

/** Which of the member's exported items may be in the policy's training data. */
export interface ArchiveReport {
  readonly policy: string
  readonly policyVersion: string
  readonly asOf: Date
  /** Every item with its answer, in the archive's order. */
  readonly items: readonly ArchiveItemUse[]
  /** Items by category, then by status. */
  readonly counts: Readonly<Record<string, Readonly<Record<DataUseStatus, number>>>>
  /** Items by status. */
  readonly statuses: Readonly<Record<DataUseStatus, StatusSummary>>
  /** From the archive: the files read, those skipped and the malformed rows, each with its reason. */
  readonly files: readonly ReadFile[]
  readonly skipped: readonly SkippedFile[]
  readonly malformed: readonly MalformedRow[]
  readonly countryHints: readonly CountryHint[]
}

/** The earliest instant a Date holds: the start of an undated item's range when the account's registration is not known. */
const EARLIEST = -8.64e15

const noCounts = (): Record<DataUseStatus, number> => ({ 'in-scope': 0, retained: 0, undetermined: 0, 'out-of-scope': 0 })

type Default = typeof linkedinGenAi

/**
 * Answers every item of a member's data export under a policy (LinkedIn's by
 * default) at `asOf`: each item's `dataUse` status and reasons, counts by
 * category and status, the oldest and newest item of each status, and what
 * the archive's reading skipped. An item the export does not date was created
 * some time between the account's registration (`Registration.csv`; else
 * any time) and the export's day (from the ZIP's name; else `asOf`).
 *
 * @param member - the member, as for `coverage` (the archive holds neither their country nor their birth year)
 * @param archive - what `readArchive` read
 * @param options - `asOf` (default now), `policy`, `language`
 * @returns the report
 * @throws {PolicyInputError} when the member or the options are not valid, or when the policy uses none of the categories a LinkedIn export's items fall in (kind `policy`, path `categories`)
 * @example
 * const archive = readArchive({ 'messages.csv': 'CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER\nc1,,Ada,,Bo,,2025-01-02 10:00:00 UTC,,Hi,INBOX\n' })
 * archiveReport({ country: 'DE' }, archive, { asOf: '2026-01-01T00:00:00Z' }).counts //=> { 'private-message': { 'in-scope': 0, retained: 0, undetermined: 0, 'out-of-scope': 1 } }
 */
export function archiveReport<P extends Policy = Default>(member: MemberInput<ChannelOf<P>>, archive: Archive, options?: CoverageOptions<P>): ArchiveReport {
  const { compiled, asOf } = readOptions(options)
  const { policy } = compiled
  const used = sheetCategories.filter((category) => Object.hasOwn(policy.categories, category) && policy.categories[category]?.used === true)
  if (used.length === 0) {
    const own = Object.keys(policy.categories).join(', ')
    const message = `policy "${policy.id}" uses none of the categories a LinkedIn export's items fall in (${sheetCategories.join(', ')}); its categories are ${own}: it cannot say which of these items it trains on`
    throw new PolicyInputError('policy', [{ path: ['categories'], message }])
  }
  // One instant for every item: `asOf` as read, not "now" read again.
  const use = itemUse(member, { ...options, asOf: new Date(asOf) })
  const earliest = archive.registered?.from.getTime() ?? EARLIEST
  const latest = archive.exported?.until.getTime() ?? asOf
  const counts: Record<string, Record<DataUseStatus, number>> = {}
  const statuses = Object.fromEntries(dataUseStatuses.map((status) => [status, { count: 0, oldest: null, newest: null }])) as Record<DataUseStatus, { count: number; oldest: ArchiveItem | null; newest: ArchiveItem | null }>
  const items = archive.items.map((item): ArchiveItemUse => {
    const created: [number, number] = item.created === null ? [earliest, latest] : [item.created.from.getTime(), item.created.until.getTime()]
    const answer = use(item.category, created)
    counts[item.category] ??= noCounts()
    ;(counts[item.category] as Record<DataUseStatus, number>)[answer.status]++
    const summary = statuses[answer.status]
    summary.count++
    if (item.created !== null) {
      if (summary.oldest === null || item.created.from < (summary.oldest.created as { from: Date }).from) summary.oldest = item
      if (summary.newest === null || item.created.until > (summary.newest.created as { until: Date }).until) summary.newest = item
    }
    return { ...answer, item }
  })
  return {
    policy: policy.id,
    policyVersion: policy.version,
    asOf: new Date(asOf),
    items,
    counts,
    statuses,
    files: archive.files,
    skipped: archive.skipped,
    malformed: archive.malformed,
    countryHints: archive.countryHints,
  }
}

/** One item of a report as a flat record: where it came from, what it is, when it was created (a range), its status and reason codes; its text only when asked. */
export interface ArchiveItemRecord {
  readonly file: string
  readonly line: number
  readonly kind: string
  readonly category: string
  /** Whether the export dates the item (else its range runs from the account's registration to the export). */
  readonly dated: boolean
  readonly createdFrom: string
  readonly createdUntil: string
  readonly status: DataUseStatus
  /** The reason codes, space-separated. */
  readonly reasons: string
  readonly text?: string
}

/**
 * A report's items as flat records, in the archive's order: what the CLI's
 * `archive --out` and the web page's download write. Item text is left out
 * unless `text` is true.
 *
 * @example
 * itemRecords(archiveReport({ country: 'DE' }, readArchive({ 'Shares.csv': 'Date,ShareLink,ShareCommentary\n2025-12-01 10:00:00,x,Hello\n' }), { asOf: '2026-01-01T00:00:00Z' }))[0]?.status //=> 'in-scope'
 */
export function itemRecords(report: ArchiveReport, text = false): ArchiveItemRecord[] {
  return report.items.map(({ item, status, createdFrom, createdUntil, reasons }) => ({
    file: item.file,
    line: item.line,
    kind: item.kind,
    category: item.category,
    dated: item.created !== null,
    createdFrom: createdFrom.toISOString(),
    createdUntil: createdUntil.toISOString(),
    status,
    reasons: reasons.map((reason) => reason.code).join(' '),
    ...(text ? { text: item.text } : {}),
  }))
}

/**
 * A report's items as CSV: a header, then one line per item ({@link itemRecords}'s fields).
 *
 * @example
 * itemsCsv(archiveReport({ country: 'DE' }, readArchive({ 'Shares.csv': 'Date,ShareLink,ShareCommentary\n2025-12-01 10:00:00,x,Hello\n' }), { asOf: '2026-01-01T00:00:00Z' })).split('\n')[0] //=> 'file,line,kind,category,dated,createdFrom,createdUntil,status,reasons'
 */
export function itemsCsv(report: ArchiveReport, text = false): string {
  const header: (keyof ArchiveItemRecord)[] = ['file', 'line', 'kind', 'category', 'dated', 'createdFrom', 'createdUntil', 'status', 'reasons', ...(text ? (['text'] as const) : [])]
  const lines = itemRecords(report, text).map((record) => header.map((key) => csvField(String(record[key] ?? ''))).join(','))
  return `${[header.join(','), ...lines].join('\n')}\n`
}
