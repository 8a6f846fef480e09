/**
 * `ai-training-scope batch`: members in (NDJSON or CSV, a file or stdin), one
 * record out per row, in input order. Streams with bounded memory, spreads the
 * work over the main thread and worker threads, and writes `--out` through a
 * temporary file that is renamed only once complete.
 */
import { createReadStream, createWriteStream, openSync, renameSync, rmSync, statSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import type { Writable } from 'node:stream'
import type { WriteStream } from 'node:tty'
import { Worker } from 'node:worker_threads'
import { readOptions } from '../coverage/options'
import { policies } from '../policy/builtin'
import type { Policy } from '../policy/schema'
import { UsageError } from './errors'
import { Progress } from './progress'
import { type Block, csvCells, csvInputColumns, csvOutputHeader, decode, emptyTally, evaluateBlock, type Format, lineAt, prepare, type Tally } from './rows'

/** Input per unit of work: large enough to amortise messages, small enough to keep memory flat. */
const BLOCK_BYTES = 64 * 1024
/** Blocks given to each worker before it answers: enough that none waits for the main thread. */
const IN_FLIGHT = 4
/**
 * Blocks read beyond those in the workers' hands and not yet written: enough
 * that this thread goes on evaluating while a worker is slow with a block (its
 * first, cold one takes ~0.1 s), few enough to keep memory flat (~10 MB).
 */
const AHEAD = 32
/** Blocks read and not yet written, at most, with `workers` workers: the bound of memory in use and of spares worth keeping. */
const blocksInPlay = (workers: number): number => workers * IN_FLIGHT + AHEAD

export interface BatchOptions {
  input: string
  format: Format | undefined
  out: string | undefined
  asOf: Date
  /** The policy the rows are answered by: a built-in one, or one read from a file (already checked). */
  policy: Policy
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

/**
 * What a worker is sent and answers: bytes both ways, moved rather than
 * copied. Memory goes round: a request brings memory for the output (whose
 * bytes were written out), a reply hands back the memory of its input.
 */
export type WorkerRequest = { seq: number; block: Block; into: ArrayBuffer | undefined }
export type WorkerReply = Done & { seq: number }
/** `policy`: a built-in policy's id, or a policy read from a file, which the worker checks again. */
export type WorkerData = { asOf: number; format: Format; policy: string | Policy }

function add(into: Tally, from: Tally): void {
  into.rows += from.rows
  into.blank += from.blank
  into.covered += from.covered
  into['not-covered'] += from['not-covered']
  into.undetermined += from.undetermined
  into.error += from.error
}

/**
 * Memory of blocks whose bytes are no longer needed, handed out again: fresh
 * memory for every block cost a page fault per 4 KB touched, two fifths of a
 * batch's faults.
 */
class Spares {
  readonly #free: ArrayBuffer[] = []
  constructor(readonly keep: number) {}
  take(): ArrayBuffer | undefined {
    return this.#free.pop()
  }
  give(memory: ArrayBuffer): void {
    if (this.#free.length < this.keep) this.#free.push(memory)
  }
}

/**
 * Writes text or bytes, waiting for the stream to drain when its buffer is
 * full; `written` is called once the stream is done with the bytes.
 */
function write(stream: Writable, data: string | Uint8Array, written?: () => void): Promise<void> {
  if (stream.errored) return Promise.reject(stream.errored)
  if (data.length === 0) return Promise.resolve()
  if (stream.write(data, written === undefined ? undefined : (error) => error == null && written())) return Promise.resolve()
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

/** Evaluates blocks and writes their records in input order. */
interface Dispatcher {
  submit(block: Block): Promise<void>
  finish(): Promise<void>
}

/** A block evaluated: its records' bytes, its counts, and the memory of its input, for the next block. */
type Done = { bytes: Uint8Array<ArrayBuffer>; tally: Tally; input: ArrayBuffer }

/**
 * Evaluates blocks on this thread and on `workerCount` worker threads. A
 * block goes to the worker with the least in hand while one has fewer than
 * `IN_FLIGHT`; otherwise this thread evaluates it, between reading blocks, and
 * then lets the workers' answers in (a turn of the event loop) so that the
 * next block finds them free. This thread works too because it would
 * otherwise sit mostly idle (reading and writing take a sixth of a core),
 * while each worker costs its own start and its own JIT warm-up: with `--jobs
 * 2`, one worker and this thread beat two workers by ~5%.
 */
function evaluateInOrder(options: BatchOptions, format: Format, output: Writable, tally: Tally, inputs: Spares, workerCount: number): Dispatcher {
  const { policy } = options
  const data: WorkerData = { asOf: options.asOf.getTime(), format, policy: (Object.values(policies) as readonly Policy[]).includes(policy) ? policy.id : policy }
  const read = readOptions({ asOf: options.asOf, policy })
  const workers = Array.from({ length: workerCount }, () => ({ worker: new Worker(options.workerUrl, { workerData: data }), inHand: 0 }))
  const limit = blocksInPlay(workerCount)
  const outputs = new Spares(limit)
  const done = new Map<number, Done>()
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
  const finished = (seq: number, result: Done) => {
    done.set(seq, result)
    for (let next = done.get(nextWrite); next !== undefined; next = done.get(nextWrite)) {
      done.delete(nextWrite)
      nextWrite++
      add(tally, next.tally)
      inputs.give(next.input)
      const bytes = next.bytes
      writing = writing.then(() => write(output, bytes, () => outputs.give(bytes.buffer))).then(() => {
        inFlight--
        settle()
      })
      writing.catch((error: Error) => {
        failure ??= error
        settle()
      })
    }
  }
  for (const each of workers) {
    each.worker.on('message', (reply: WorkerReply) => {
      each.inHand--
      finished(reply.seq, reply)
    })
    each.worker.on('error', (error) => {
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
      // The worker with the least in hand: one slowed by a collection of its heap gets less.
      let idlest = workers[0]
      for (const each of workers) if (idlest === undefined || each.inHand < idlest.inHand) idlest = each
      if (idlest !== undefined && idlest.inHand < IN_FLIGHT) {
        idlest.inHand++
        const into = outputs.take()
        idlest.worker.postMessage({ seq, block, into } satisfies WorkerRequest, into === undefined ? [block.bytes.buffer] : [block.bytes.buffer, into])
        return
      }
      const { bytes, tally: counts } = evaluateBlock(block, read, format, outputs.take())
      finished(seq, { bytes, tally: counts, input: block.bytes.buffer })
      if (workers.length > 0) await new Promise((resolve) => setImmediate(resolve))
    },
    async finish() {
      try {
        await waitFor(() => inFlight === 0)
        await writing
      } finally {
        await Promise.all(workers.map(({ worker }) => worker.terminate()))
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
 * The bytes of `parts` in memory of their own (a whole ArrayBuffer, so that it
 * can be moved to a worker): a spare if it is large enough, else new memory
 * with room for any block cut from two chunks.
 */
function joined(parts: readonly Uint8Array[], length: number, spares: Spares): Buffer<ArrayBuffer> {
  const spare = spares.take()
  const bytes = spare !== undefined && spare.byteLength >= length ? Buffer.from(spare, 0, length) : Buffer.allocUnsafeSlow(Math.max(length, 2 * BLOCK_BYTES)).subarray(0, length)
  let at = 0
  for (const part of parts) {
    bytes.set(part, at)
    at += part.length
  }
  return bytes
}

const LF = 0x0a

/**
 * Cuts the input into blocks of whole lines (a BOM dropped), numbering their
 * first lines, on bytes: decoding, splitting lines and reading rows happen
 * where the block is evaluated, in a worker or on this thread. A line break
 * byte is never part of a longer UTF-8 sequence, so a cut there splits no
 * character.
 */
async function* blocks(chunks: AsyncIterable<Buffer>, counted: { bytes: number } | undefined, spares: Spares): AsyncGenerator<Block> {
  let pending: Buffer[] = []
  let pendingBytes = 0
  let firstLine = 1
  let first = true
  const cut = (parts: readonly Buffer[], length: number): Block => {
    let bytes: Uint8Array<ArrayBuffer> = joined(parts, length, spares)
    if (first && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3)
    first = false
    const block = { bytes, firstLine }
    for (let at = bytes.indexOf(LF); at !== -1; at = bytes.indexOf(LF, at + 1)) firstLine++
    return block
  }
  for await (const chunk of chunks) {
    if (counted !== undefined) counted.bytes += chunk.length
    pending.push(chunk)
    pendingBytes += chunk.length
    if (pendingBytes < BLOCK_BYTES) continue
    const end = chunk.lastIndexOf(LF)
    if (end === -1) continue
    const rest = chunk.subarray(end + 1)
    pending[pending.length - 1] = chunk.subarray(0, end + 1)
    yield cut(pending, pendingBytes - rest.length)
    pending = rest.length === 0 ? [] : [rest]
    pendingBytes = rest.length
  }
  if (pendingBytes > 0) yield cut(pending, pendingBytes)
}

/** The blocks after a CSV header (the first line that is not blank), which must be the documented one. */
async function* csvBlocks(input: AsyncGenerator<Block>, tally: Tally): AsyncGenerator<Block> {
  for await (const block of input) {
    const { bytes } = block
    for (let start = 0, line = block.firstLine; start < bytes.length; line++) {
      const newline = bytes.indexOf(LF, start)
      const next = newline === -1 ? bytes.length : newline + 1
      const text = lineAt(decode(bytes.subarray(start, next)), 0).line
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
      if (start < bytes.length) yield { bytes: bytes.subarray(start), firstLine: line + 1 }
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
  const iterator = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>
  const head = await iterator.next()
  const firstChunk = head.done === true ? Buffer.alloc(0) : head.value
  const format = formatOf(options.input, decode(firstChunk), options.format)
  await prepare(format)
  const chunks = (async function* () {
    if (firstChunk.length > 0) yield firstChunk
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
    // Made before the first block tells whether workers start: room for the most there can be.
    const inputs = new Spares(blocksInPlay(options.jobs - 1))
    const start = (more: boolean) => {
      if (more) threads = options.jobs
      return evaluateInOrder(options, format, output, tally, inputs, threads - 1)
    }
    try {
      const input = format === 'csv' ? csvBlocks(blocks(chunks, counted, inputs), tally) : blocks(chunks, counted, inputs)
      for await (const block of input) {
        if (header !== '') {
          await write(output, header)
          header = ''
        }
        // Workers start only for input of more than one block: a block cut from
        // a full buffer (at its last line break, so a little short of it).
        dispatcher ??= start(block.bytes.length >= BLOCK_BYTES / 2)
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
      `${tally.blank > 0 ? `, blank lines skipped ${tally.blank}` : ''}; ${rate} rows/s (${seconds.toFixed(2)} s, ${format}, ${threads === 1 ? 'in one thread' : `${threads} threads`}, peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB)\n`,
  )
  return tally.error > 0 ? 1 : 0
}
