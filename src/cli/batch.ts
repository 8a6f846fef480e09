/**
 * `ai-training-scope batch`: members in (NDJSON or CSV, a file or stdin), one
 * record out per row, in input order. Streams with bounded memory, spreads the
 * work over worker threads, and writes `--out` through a temporary file that is
 * renamed only once complete.
 */
import { createReadStream, createWriteStream, openSync, renameSync, rmSync, statSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import type { Writable } from 'node:stream'
import type { WriteStream } from 'node:tty'
import { Worker } from 'node:worker_threads'
import { UsageError } from './errors'
import { Progress } from './progress'
import { csvCells, csvInputColumns, csvOutputHeader, emptyTally, evaluateChunk, type Format, type Row, type Tally } from './rows'

/** Rows per unit of work: large enough to amortise messages, small enough to keep memory flat. */
const CHUNK_ROWS = 2000

export interface BatchOptions {
  input: string
  format: Format | undefined
  out: string | undefined
  asOf: Date
  jobs: number
  /** The module that runs batch workers (the CLI's own file). */
  workerUrl: URL
}

export interface BatchIo {
  stdin: NodeJS.ReadableStream
  stdout: Writable
  stderr: WriteStream
  env: NodeJS.ProcessEnv
}

/** What a worker is sent and answers. */
export type WorkerRequest = { seq: number; rows: Row[] }
export type WorkerReply = { seq: number; text: string; tally: Tally }
export type WorkerData = { asOf: number; format: Format }

function add(into: Tally, from: Tally): void {
  into.rows += from.rows
  into.covered += from.covered
  into['not-covered'] += from['not-covered']
  into.undetermined += from.undetermined
  into.error += from.error
}

/** Writes text, waiting for the stream to drain when its buffer is full. */
function write(stream: Writable, text: string): Promise<void> {
  if (stream.errored) return Promise.reject(stream.errored)
  if (text === '' || stream.write(text)) return Promise.resolve()
  return new Promise((resolve, reject) => {
    const done = (error?: Error) => {
      stream.off('drain', done)
      stream.off('error', done)
      if (error) reject(error)
      else resolve()
    }
    stream.once('drain', done)
    stream.once('error', done)
  })
}

/** Evaluates chunks and writes their records in input order. */
interface Dispatcher {
  submit(rows: Row[]): Promise<void>
  finish(): Promise<void>
}

function inProcess(options: BatchOptions, format: Format, output: Writable, tally: Tally): Dispatcher {
  return {
    async submit(rows) {
      const result = evaluateChunk(rows, options.asOf, format)
      add(tally, result.tally)
      await write(output, result.text)
    },
    async finish() {},
  }
}

function pool(options: BatchOptions, format: Format, output: Writable, tally: Tally): Dispatcher {
  const data: WorkerData = { asOf: options.asOf.getTime(), format }
  const workers = Array.from({ length: options.jobs }, () => new Worker(options.workerUrl, { workerData: data }))
  const limit = options.jobs * 3
  const done = new Map<number, WorkerReply>()
  let nextSeq = 0
  let nextWrite = 0
  let inFlight = 0
  let failure: Error | undefined
  let writing = Promise.resolve()
  let wake: (() => void) | undefined

  const settle = () => {
    const resume = wake
    wake = undefined
    resume?.()
  }
  const drainInOrder = () => {
    for (let reply = done.get(nextWrite); reply !== undefined; reply = done.get(nextWrite)) {
      done.delete(nextWrite)
      nextWrite++
      add(tally, reply.tally)
      const text = reply.text
      writing = writing.then(() => write(output, text)).then(() => {
        inFlight--
        settle()
      })
      writing.catch((error: Error) => {
        failure ??= error
        settle()
      })
    }
  }
  for (const worker of workers) {
    worker.on('message', (reply: WorkerReply) => {
      done.set(reply.seq, reply)
      drainInOrder()
    })
    worker.on('error', (error) => {
      failure ??= error
      settle()
    })
  }
  const waitFor = async (ready: () => boolean) => {
    while (!ready() && failure === undefined) await new Promise<void>((resolve) => (wake = resolve))
    if (failure !== undefined) throw failure
  }
  return {
    async submit(rows) {
      await waitFor(() => inFlight < limit)
      const seq = nextSeq++
      inFlight++
      ;(workers[seq % workers.length] as Worker).postMessage({ seq, rows } satisfies WorkerRequest)
    },
    async finish() {
      try {
        await waitFor(() => inFlight === 0)
        await writing
      } finally {
        await Promise.all(workers.map((worker) => worker.terminate()))
      }
    },
  }
}

function formatOf(input: string, first: string, given: Format | undefined): Format {
  if (given !== undefined) return given
  if (/\.csv$/i.test(input)) return 'csv'
  if (/\.(nd)?jsonl?$/i.test(input) || /\.ndjson$/i.test(input)) return 'ndjson'
  return first.replace(/^\uFEFF/, '').trimStart().startsWith('{') ? 'ndjson' : 'csv'
}

/**
 * Splits the input into lines (dropping a BOM and CR before LF), skipping blank
 * ones. Yields the lines of each input chunk together: one await per chunk,
 * not per row.
 */
async function* lines(chunks: AsyncIterable<string>, counted: { bytes: number; blank: number }): AsyncGenerator<Row[]> {
  let rest = ''
  let line = 0
  let first = true
  for await (const chunk of chunks) {
    counted.bytes += Buffer.byteLength(chunk)
    let text = rest + chunk
    if (first) {
      text = text.replace(/^\uFEFF/, '')
      first = false
    }
    const rows: Row[] = []
    let start = 0
    for (let end = text.indexOf('\n', start); end !== -1; end = text.indexOf('\n', start)) {
      line++
      const row = text.slice(start, text[end - 1] === '\r' ? end - 1 : end)
      start = end + 1
      if (row.trim() === '') counted.blank++
      else rows.push({ line, text: row })
    }
    rest = text.slice(start)
    if (rows.length > 0) yield rows
  }
  if (rest.trim() !== '') yield [{ line: line + 1, text: rest.endsWith('\r') ? rest.slice(0, -1) : rest }]
  else if (rest !== '') counted.blank++
}

/** The rows after a CSV header, which must be the documented one. */
async function* csvRows(batches: AsyncGenerator<Row[]>): AsyncGenerator<Row[]> {
  const first = await batches.next()
  if (first.done === true) return
  const [header, ...rest] = first.value as [Row, ...Row[]]
  const cells = csvCells([header])[0]
  const names = cells === undefined || 'fault' in cells ? [] : cells.map((name) => name.trim())
  if (names.join(',') !== csvInputColumns.join(',')) {
    throw new UsageError(`batch: the CSV header is ${JSON.stringify(header.text)}; expected ${csvInputColumns.join(',')}`)
  }
  if (rest.length > 0) yield rest
  yield* batches
}

/** Runs a batch; resolves to the exit code (1 when any row was bad). */
export async function batch(options: BatchOptions, io: BatchIo): Promise<number> {
  let totalBytes: number | undefined
  if (options.input !== '-') {
    try {
      const stat = statSync(options.input)
      if (stat.isFile()) totalBytes = stat.size
    } catch (error) {
      throw new UsageError(`batch: cannot read ${JSON.stringify(options.input)}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`)
    }
  }
  const stream = options.input === '-' ? io.stdin : createReadStream(options.input)
  stream.setEncoding('utf8')
  const iterator = stream[Symbol.asyncIterator]() as AsyncIterator<string>
  const head = await iterator.next()
  const firstChunk = head.done === true ? '' : head.value
  const format = formatOf(options.input, firstChunk, options.format)
  const chunks = (async function* () {
    if (firstChunk !== '') yield firstChunk
    for (let next = await iterator.next(); next.done !== true; next = await iterator.next()) yield next.value
  })()

  const temporary = options.out === undefined ? undefined : join(dirname(options.out), `.${basename(options.out)}.${process.pid}.tmp`)
  let output: Writable = io.stdout
  if (temporary !== undefined) {
    let fd: number
    try {
      fd = openSync(temporary, 'wx')
    } catch (error) {
      throw new UsageError(`batch: --out ${JSON.stringify(options.out)} cannot be written: ${(error as NodeJS.ErrnoException).code ?? String(error)}`)
    }
    output = createWriteStream('', { fd })
    // A failed write (a full disk) surfaces at the next write or at the end.
    output.on('error', () => {})
  }
  const removeTemporary = () => {
    if (temporary !== undefined) rmSync(temporary, { force: true })
  }
  const onSignal = (signal: NodeJS.Signals) => {
    removeTemporary()
    io.stderr.write(`\nai-training-scope batch: stopped by ${signal}; no output file was written\n`)
    process.exit(signal === 'SIGINT' ? 130 : 143)
  }
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)

  const tally = emptyTally()
  const counted = { bytes: 0, blank: 0 }
  const progress = io.stderr.isTTY === true ? new Progress(io.stderr, totalBytes, io.env) : undefined
  const started = performance.now()
  let threads = 1
  try {
    // The header goes out with the first rows (or at the end), so that input
    // refused as a whole (a wrong CSV header) leaves no output at all.
    let header = format === 'csv' ? csvOutputHeader : ''
    // Workers start only once there is more than one chunk of work for them.
    let dispatcher: Dispatcher | undefined
    const start = (more: boolean) => {
      if (!more || options.jobs === 1) return inProcess(options, format, output, tally)
      threads = options.jobs
      return pool(options, format, output, tally)
    }
    let rows: Row[] = []
    let read = 0
    try {
      for await (const batch of format === 'csv' ? csvRows(lines(chunks, counted)) : lines(chunks, counted)) {
        if (header !== '') {
          await write(output, header)
          header = ''
        }
        for (const row of batch) {
          rows.push(row)
          if (rows.length === CHUNK_ROWS) {
            read += rows.length
            dispatcher ??= start(true)
            await dispatcher.submit(rows)
            rows = []
            progress?.update(read, counted.bytes)
          }
        }
      }
      if (rows.length > 0) {
        dispatcher ??= start(false)
        await dispatcher.submit(rows)
      }
    } finally {
      await dispatcher?.finish()
    }
    await write(output, header)
    if (temporary !== undefined && options.out !== undefined) {
      await new Promise<void>((resolve, reject) => output.end((error?: Error | null) => (error ? reject(error) : resolve())))
      renameSync(temporary, options.out)
    }
  } catch (error) {
    removeTemporary()
    throw error
  } finally {
    progress?.done()
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
  }
  const seconds = (performance.now() - started) / 1000
  const rate = seconds > 0 ? Math.round(tally.rows / seconds) : tally.rows
  io.stderr.write(
    `rows ${tally.rows}, covered ${tally.covered}, not covered ${tally['not-covered']}, undetermined ${tally.undetermined}, errors ${tally.error}` +
      `${counted.blank > 0 ? `, blank lines skipped ${counted.blank}` : ''}; ${rate} rows/s (${seconds.toFixed(2)} s, ${format}, ${threads === 1 ? 'in one thread' : `${threads} workers`}, peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB)\n`,
  )
  return tally.error > 0 ? 1 : 0
}
