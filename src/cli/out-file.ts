/**
 * Where a batch's records go: the format `--out`'s name asks for, never onto
 * an input file, and the temporary file it is written through (named
 * `.NAME.PID.tmp` beside it, renamed when complete). A temporary file left by
 * a run that was killed is removed by the next run into the same `--out`.
 */
import { readdirSync, realpathSync, rmSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { UsageError } from './errors'
import type { Format } from './rows'

/**
 * The output format: `given` (`--out-format`), else from `--out`'s extension
 * (`.csv`; `.ndjson`, `.jsonl`, `.json`), else the input's (on stdout).
 *
 * @throws {UsageError} for an `--out` whose extension names no format
 */
export function outFormatOf(out: string | undefined, given: Format | undefined, input: Format, command: string): Format {
  if (given !== undefined) return given
  if (out === undefined) return input
  if (/\.csv$/i.test(out)) return 'csv'
  if (/\.(nd)?jsonl?$/i.test(out)) return 'ndjson'
  throw new UsageError(`${command}: --out ${JSON.stringify(out)}: its extension names no format (.csv, .ndjson, .jsonl); give --out-format csv or ndjson`)
}

/** A path with its links and `..` resolved; a file not yet made, by its folder's real path. */
function realPath(path: string): string {
  try {
    return realpathSync(path)
  } catch {
    try {
      return join(realpathSync(dirname(path)), basename(path))
    } catch {
      return resolve(path)
    }
  }
}

/**
 * Refuses an `--out` that is one of the input files (compared by real path):
 * the answers would replace the input they are read from.
 *
 * @throws {UsageError} naming the file
 */
export function refuseOverwrite(out: string, inputs: readonly string[], command: string): void {
  const target = realPath(out)
  for (const input of inputs) {
    if (input !== '-' && realPath(input) === target) throw new UsageError(`${command}: --out ${JSON.stringify(out)} is the input file ${JSON.stringify(input)}; write the answers to another file`)
  }
}

/** Whether a process with this id is running (EPERM: it is, under another user). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * The temporary file for `--out`, after removing any left by an earlier run
 * into the same file that is no longer running (each named on stderr).
 *
 * @throws {UsageError} when a running process is writing the same `--out`, or a leftover cannot be removed: naming the file
 */
export function temporaryFor(out: string, command: string, say: (line: string) => void): string {
  const folder = dirname(out)
  const name = basename(out)
  const own = new RegExp(`^\\.${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.([0-9]+)\\.tmp$`)
  let entries: string[] = []
  try {
    entries = readdirSync(folder)
  } catch {
    // A folder that cannot be read fails when the file is opened, with its own message.
  }
  for (const entry of entries) {
    const pid = Number(own.exec(entry)?.[1] ?? Number.NaN)
    if (Number.isNaN(pid) || pid === process.pid) continue
    const path = join(folder, entry)
    if (alive(pid)) throw new UsageError(`${command}: --out ${JSON.stringify(out)} is being written by process ${pid} (its temporary file ${JSON.stringify(path)}); wait for it, or remove that file if it is not a run of this program`)
    try {
      rmSync(path)
    } catch (error) {
      throw new UsageError(`${command}: a temporary file left by an earlier run, ${JSON.stringify(path)}, cannot be removed (${(error as NodeJS.ErrnoException).code ?? String(error)}); remove it`)
    }
    say(`${command}: removed ${JSON.stringify(path)}, left by an earlier run (process ${pid}) that did not finish\n`)
  }
  return join(folder, `.${name}.${process.pid}.tmp`)
}
