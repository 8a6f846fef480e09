/**
 * CSV in and out, by csv-parse and csv-stringify. Loaded only for CSV input
 * (`prepare` in `./rows`): the two libraries cost ~20 ms to load in every
 * thread of a batch.
 */
import { parse } from 'csv-parse/sync'
import { stringify } from 'csv-stringify/sync'
import type { Cells, Row } from './rows'

/**
 * Reads CSV lines into cells with csv-parse: all at once, and line by line
 * where that does not give one record per line (a stray quote), so that a bad
 * line becomes an error of its own and takes no neighbour with it.
 */
export function csvCells(rows: readonly Row[]): Cells[] {
  try {
    const records = parse(rows.map((row) => row.text).join('\n'), { relax_column_count: true, info: true }) as unknown as { record: string[]; info: { lines: number } }[]
    if (records.length === rows.length && records.every((each, index) => each.info.lines === index + 1)) return records.map((each) => each.record)
  } catch {
    // Read line by line below.
  }
  return rows.map((row) => {
    try {
      const records = parse(row.text, { relax_column_count: true }) as string[][]
      return records.length === 1 ? (records[0] as string[]) : { fault: 'a quoted field runs past the end of the line' }
    } catch (error) {
      // Its line number is that of the whole input, not csv-parse's "line 1".
      return { fault: (error as Error).message.replace(/ at line \d+/, '') }
    }
  })
}

/** Records of cells as CSV lines. */
export function csvText(records: readonly (readonly (string | number)[])[]): string {
  return stringify(records as (string | number)[][])
}
