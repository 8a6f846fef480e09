/**
 * `ai-training-scope/archive`: a member's own LinkedIn data export, item by
 * item. `readArchive` reads the ZIP (or its files) into items, each with its
 * policy category, when it was created and where it came from;
 * `archiveReport` answers each with `dataUse`'s evaluation and sums them up.
 * Apart from the main entry, so that apps that only ask `coverage` ship no
 * ZIP or CSV reader; it uses nothing of Node's, and runs in browsers.
 */
export { readArchive } from './archive/read'
export { archiveReport, dataUseStatuses, itemRecords, itemsCsv } from './archive/report'
export { sheetCategories } from './archive/sheet'

export type { Archive, ArchiveInput, ArchiveItem, CountryHint, MalformedRow, ReadArchiveOptions, ReadFile, SkippedFile } from './archive/read'
export type { ArchiveItemRecord, ArchiveItemUse, ArchiveReport, StatusSummary } from './archive/report'
export type { ArchiveItemKind } from './archive/sheet'
