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
import { type Block, csvCells, csvInputColumns, csvOutputHeader, emptyTally, evaluateBlock, type Format, lineAt, type Tally } from './rows'

/** Input per unit of work: large enough to amortise messages, small enough to keep memory flat. */
const BLOCK_BYTES = 64 * 1024

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
export type WorkerRequest = { seq: number; block: Block }
export type WorkerReply = { seq: number; text: string; tally: Tally }
export type WorkerData = { asOf: number; format: Format }

function add(into: Tally, from: Tally): void {
  into.rows += from.rows
  into.blank += from.blank
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
  submit(block: Block): Promise<void>
  finish(): Promise<void>
}

function inProcess(options: BatchOptions, format: Format, output: Writable, tally: Tally): Dispatcher {
  return {
    async submit(block) {
      const result = evaluateBlock(block, options.asOf, format)
      add(tally, result.tally)
      await write(output, result.text)
    },
    async finish() {},
  }
}

function pool(options: BatchOptions, format: Format, output: Writable, tally: Tally): Dispatcher {
  const data: WorkerData = { asOf: options.asOf.getTime(), format }
  const workers = Array.from({ length: options.jobs }, () => new Worker(options.workerUrl, { workerData: data, resourceLimits: { maxYoungGenerationSizeMb: 64 } }))
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
    async submit(block) {
      await waitFor(() => inFlight < limit)
      const seq = nextSeq++
      inFlight++
      ;(workers[seq % workers.length] as Worker).postMessage({ seq, block } satisfies WorkerRequest)
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
  if (/\.(nd)?jsonl?$/i.test(input)) return 'ndjson'
  return first.replace(/^\uFEFF/, '').trimStart().startsWith('{') ? 'ndjson' : 'csv'
}

/**
 * Cuts the input into blocks of whole lines (a BOM dropped), numbering their
 * first lines. The main thread does no more than this: splitting lines and
 * reading rows happen where the block is evaluated, in the workers.
 */
async function* blocks(chunks: AsyncIterable<string>, counted: { bytes: number } | undefined): AsyncGenerator<Block> {
  let pending = ''
  let firstLine = 1
  let first = true
  const cut = (text: string): Block => {
    const block = { text, firstLine }
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) firstLine++
    return block
  }
  for await (const chunk of chunks) {
    // Bytes are counted only for the progress line: encoding lengths cost a pass over the text.
    if (counted !== undefined) counted.bytes += Buffer.byteLength(chunk)
    pending += first ? chunk.replace(/^\uFEFF/, '') : chunk
    first = false
    if (pending.length < BLOCK_BYTES) continue
    const end = pending.lastIndexOf('\n')
    if (end === -1) continue
    yield cut(pending.slice(0, end + 1))
    pending = pending.slice(end + 1)
  }
  if (pending !== '') yield cut(pending)
}

/** The blocks after a CSV header (the first line that is not blank), which must be the documented one. */
async function* csvBlocks(input: AsyncGenerator<Block>, tally: Tally): AsyncGenerator<Block> {
  for await (const block of input) {
    for (let start = 0, line = block.firstLine; start < block.text.length; line++) {
      const { line: text, next } = lineAt(block.text, start)
      start = next
      if (text.trim() === '') {
        tally.blank++
        continue
      }
      const cells = csvCells([{ line, text }])[0]
      const names = cells === undefined || 'fault' in cells ? [] : cells.map((name) => name.trim())
      if (names.join(',') !== csvInputColumns.join(',')) {
        throw new UsageError(`batch: the CSV header is ${JSON.stringify(text)}; expected ${csvInputColumns.join(',')}`)
      }
      if (start < block.text.length) yield { text: block.text.slice(start), firstLine: line + 1 }
      yield* input
      return
    }
  }
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
  const progress = io.stderr.isTTY === true ? new Progress(io.stderr, totalBytes, io.env) : undefined
  const counted = progress === undefined ? undefined : { bytes: 0 }
  const started = performance.now()
  let threads = 1
  try {
    // The header goes out with the first rows (or at the end), so that input
    // refused as a whole (a wrong CSV header) leaves no output at all.
    let header = format === 'csv' ? csvOutputHeader : ''
    let dispatcher: Dispatcher | undefined
    const start = (more: boolean) => {
      if (!more || options.jobs === 1) return inProcess(options, format, output, tally)
      threads = options.jobs
      return pool(options, format, output, tally)
    }
    try {
      const input = format === 'csv' ? csvBlocks(blocks(chunks, counted), tally) : blocks(chunks, counted)
      for await (const block of input) {
        if (header !== '') {
          await write(output, header)
          header = ''
        }
        // Workers start only for input of more than one block: a block cut from
        // a full buffer (at its last line break, so a little short of it).
        dispatcher ??= start(block.text.length >= BLOCK_BYTES / 2)
        await dispatcher.submit(block)
        if (counted !== undefined) progress?.update(tally.rows, counted.bytes)
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
      `${tally.blank > 0 ? `, blank lines skipped ${tally.blank}` : ''}; ${rate} rows/s (${seconds.toFixed(2)} s, ${format}, ${threads === 1 ? 'in one thread' : `${threads} workers`}, peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB)\n`,
  )
  return tally.error > 0 ? 1 : 0
}
