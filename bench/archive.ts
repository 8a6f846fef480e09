/**
 * The data-export row of `npm run bench`: a synthetic Complete export
 * (tests/archive-maker.ts) of about 50,000 items, read alone (unzip and
 * parse: `readArchive`) and read and answered (`archiveReport` of
 * `readArchive`), from the package as built. Returns figures; nothing
 * asserts here.
 */
import { archiveReport, readArchive } from '../dist/archive.js'
import { makeArchive, plainRows } from '../tests/archive-maker'

const collect = (globalThis as { gc?: () => void }).gc ?? (() => {})
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number

/** Milliseconds of one call, after a full garbage collection. */
function timed(run: () => unknown): number {
  collect()
  const started = performance.now()
  run()
  return performance.now() - started
}

export interface ArchiveFigures {
  items: number
  bytes: number
  /** Median ms of `readArchive` alone, and of `archiveReport(readArchive(...))`. */
  read: number
  report: number
}

/**
 * `rows` rows in each of the export's ten activity files (5,000: about 50,000
 * items), dated about an hour apart from January 2024; the two measurements
 * taken in turns, `rounds` times each after a warm-up, medians kept.
 */
export function archiveRead(rows = 5000, rounds = 7): ArchiveFigures {
  const made = makeArchive({ layout: 'complete', year: 2026, rows: plainRows(rows, Date.UTC(2024, 0, 1)) })
  const zip = made.zip()
  const options = { name: made.name }
  const member = { country: 'DE', birthDate: '1990-05-05' }
  const asOf = { asOf: '2026-06-01T00:00:00Z' }
  const read = () => readArchive(zip, options)
  const report = () => archiveReport(member, readArchive(zip, options), asOf)
  read()
  report()
  const reads: number[] = []
  const reports: number[] = []
  for (let round = 0; round < rounds; round++) {
    reads.push(timed(read))
    reports.push(timed(report))
  }
  return { items: read().items.length, bytes: zip.length, read: median(reads), report: median(reports) }
}
