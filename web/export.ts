/**
 * A member's LinkedIn data export, read in the page: loaded by `import()`
 * only when a file is chosen or dropped, so the first load carries no ZIP or
 * CSV reader. The bytes never leave the page; the CSV offered for download
 * is made here, as a `blob:` URL.
 */
import type { MemberInput, Policy } from 'ai-training-scope'
import { type ArchiveReport, archiveReport, dataUseStatuses, itemsCsv, readArchive } from 'ai-training-scope/archive'
import { html } from './dom'
import { format, type Strings } from './strings'
import type { ItemMark } from './timeline'

/** What the page shows of an export: its report, and its dated items for the timeline. */
export interface ExportAnswer {
  readonly report: ArchiveReport
  readonly marks: readonly ItemMark[]
}

/**
 * Reads an export's bytes and answers each item for the member.
 *
 * @throws {PolicyInputError} for bytes that are no ZIP, or a policy that uses none of the export's categories
 */
export function answerExport(bytes: Uint8Array, name: string, member: MemberInput, policy: Policy, asOf: Date, language: string): ExportAnswer {
  const report = archiveReport(member, readArchive(bytes, { name }), { policy, asOf, language })
  const marks = report.items.filter(({ item }) => item.created !== null).map(({ createdFrom, createdUntil, status }) => ({ from: createdFrom, until: createdUntil, status }))
  return { report, marks }
}

/**
 * The export's answer as the page shows it: a sentence per status, counts by
 * category and status, what was skipped, and the CSV to download (how many
 * items were read is the page's status line).
 */
export function exportView(answer: ExportAnswer, file: string, strings: Strings, when: (date: Date) => string): Node[] {
  const { report } = answer
  const sentences = dataUseStatuses
    .filter((status) => report.statuses[status].count > 0)
    .map((status) => {
      const { count, oldest } = report.statuses[status]
      const at = oldest?.created === null || oldest?.created === undefined ? '–' : when(oldest.created.from)
      return html('li', { 'data-status': status }, format(strings.exportSentence[status], { count: String(count), oldest: at }))
    })
  const head = html('tr', {}, html('th', { scope: 'col' }, strings.exportCategory), ...dataUseStatuses.map((status) => html('th', { scope: 'col' }, strings.exportStatuses[status])))
  const body = Object.entries(report.counts).map(([category, counts]) =>
    html('tr', { 'data-category': category }, html('th', { scope: 'row' }, category), ...dataUseStatuses.map((status) => html('td', { 'data-status': status }, String(counts[status])))),
  )
  const table = html('table', { class: 'export-counts' }, html('thead', {}, head), html('tbody', {}, ...body))
  const url = URL.createObjectURL(new Blob([itemsCsv(report)], { type: 'text/csv' }))
  const download = html('a', { href: url, download: `${file.replace(/\.zip$/i, '')}-items.csv`, id: 'export-download' }, strings.exportDownload)
  const nodes: Node[] = [html('ul', { id: 'export-sentences' }, ...sentences), table, download]
  if (report.skipped.length > 0) nodes.push(html('p', {}, strings.exportSkipped), html('ul', { id: 'export-skipped' }, ...report.skipped.map((skip) => html('li', {}, `${skip.file}: ${skip.message}`))))
  if (report.malformed.length > 0) nodes.push(html('p', {}, strings.exportMalformed), html('ul', { id: 'export-malformed' }, ...report.malformed.map((row) => html('li', {}, `${row.file}, line ${row.line}: ${row.message}`))))
  return nodes
}
