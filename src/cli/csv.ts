/**
 * CSV lines into cells: lines without a quote, nearly every line of an
 * export, are split on the separator (~10x faster a line than the parser:
 * bench/findings.md); the others are read by csv-parse. Loaded only for CSV
 * input (`prepare` in `./rows`).
 */
import { parse } from 'csv-parse/sync'
import type { Cells, Row } from './rows'

/** One line's cells, each trimmed; a line that is not valid CSV is a fault of its own and takes no neighbour with it. */
function lineCells(text: string, separator: string): Cells {
  if (!text.includes('"')) return text.split(separator).map((cell) => cell.trim())
  try {
    const records = parse(text, { delimiter: separator, relax_column_count: true, trim: true }) as string[][]
    return records.length === 1 ? (records[0] as string[]) : { fault: 'a quoted field runs past the end of the line' }
  } catch (error) {
    // Its line number is that of the whole input, not csv-parse's "line 1".
    return { fault: (error as Error).message.replace(/ at line \d+/, '') }
  }
}

/** CSV lines read into trimmed cells. */
export function csvCells(rows: readonly Row[], separator: string): Cells[] {
  return rows.map((row) => lineCells(row.text, separator))
}
