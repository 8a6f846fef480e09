/**
 * `ai-training-scope batch`: members in (NDJSON or CSV, a file or stdin), one
 * record out per row, in input order. Streams with bounded memory, spreads the
 * work over the main thread and worker threads, and writes `--out` through a
 * temporary file that is renamed only once complete.
 */
import { createReadStream, createWriteStream, openSync, renameSync, rmSync, statSync } from 'node:fs'
import type { Writable } from 'node:stream'
import type { WriteStream } from 'node:tty'
import { Worker } from 'node:worker_threads'
import { type ReadOptions, readOptions } from '../coverage/options'
import { policies } from '../policy/builtin'
import type { Policy } from '../policy/schema'
import { type CsvLayout, layoutText, type RowKind } from './columns'
import { UsageError } from './errors'
import { type MemberIndex, itemAnswerer } from './items'
import { outFormatOf, refuseOverwrite, temporaryFor } from './out-file'
import { Progress } from './progress'
import {
  type Block,
  csvOutputHeader,
  type DateOrder,
  decode,
  emptyTally,
  evaluateBlock,
  type Format,
  formatOf,
  lineAt,
  memberAnswerer,
  prepare,
  type RowContext,
  type RowShape,
  readHeader,
  type Tally,
} from './rows'

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
  /** The command, for messages: `batch` or `items`. */
  command: string
  /** Members (`batch`) or items joined to the members of `members` (`items`). */
  kind: RowKind
  input: string
  format: Format | undefined
  out: string | undefined
  /** `--out-format`: else from `--out`'s name, else the input's. */
  outFormat: Format | undefined
  /** `--columns`: CSV field names to the header's names. */
  columns: Readonly<Record<string, string>>
  dateOrder: DateOrder | undefined
  keepExtra: boolean
  texts: boolean
  /** For `items`: the members file, read. Items run on this thread only: the workers have no copy of it. */
  members: MemberIndex | undefined
  /** Files the output must not replace (the input is one). */
  inputs: readonly string[]
  asOf: Date
  /** The language whose country names are accepted besides English (registered on this thread already; workers register it). */
  lang: string
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
/** `policy`: a built-in policy's id, or a policy read from a file, which the worker checks again. Workers answer members only. */
export type WorkerData = { asOf: number; shape: RowShape; policy: string | Policy; lang: string }

function add(into: Tally, from: Tally): void {
  into.rows += from.rows
  into.blank += from.blank
  for (const [status, count] of Object.entries(from.statuses)) into.statuses[status] = (into.statuses[status] ?? 0) + count
  for (const field of from.fields) if (!into.fields.includes(field)) into.fields.push(field)
}

/** The context rows of this kind are answered in, on this thread. */
function contextOf(options: BatchOptions, read: ReadOptions, shape: RowShape): RowContext {
  return options.members === undefined ? memberAnswerer(read, shape) : itemAnswerer(read, shape, options.members)
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
function evaluateInOrder(options: BatchOptions, shape: RowShape, output: Writable, tally: Tally, inputs: Spares, workerCount: number): Dispatcher {
  const { policy } = options
  const data: WorkerData = { asOf: options.asOf.getTime(), shape, lang: options.lang, policy: (Object.values(policies) as readonly Policy[]).includes(policy) ? policy.id : policy }
  const context = contextOf(options, readOptions({ asOf: options.asOf, policy }), shape)
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
      const { bytes, tally: counts } = evaluateBlock(block, context, outputs.take())
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

/**
 * The blocks after a CSV header (the first line that is not blank), whose
 * layout `header` is given once read.
 */
async function* csvBlocks(input: AsyncGenerator<Block>, tally: Tally, header: (text: string) => void): AsyncGenerator<Block> {
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
      header(text)
      if (start < bytes.length) yield { bytes: bytes.subarray(start), firstLine: line + 1 }
      yield* input
      return
    }
  }
}

/** The summary line's counts: each status of the kind, then the errors. */
const STATUSES: Readonly<Record<RowKind, readonly string[]>> = {
  members: ['covered', 'not-covered', 'undetermined'],
  items: ['in-scope', 'retained', 'out-of-scope', 'undetermined'],
}

/** Runs a batch; resolves to the exit code (1 when any row was bad). */
export async function batch(options: BatchOptions, io: BatchIo): Promise<number> {
  const { command } = options
  let totalBytes: number | undefined
  if (options.input !== '-') {
    try {
      const stat = statSync(options.input)
      if (stat.isFile()) totalBytes = stat.size
    } catch (error) {
      throw new UsageError(`${command}: cannot read ${JSON.stringify(options.input)}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`)
    }
  }
  if (options.out !== undefined) refuseOverwrite(options.out, options.inputs, command)
  const stream = options.input === '-' ? io.stdin : createReadStream(options.input)
  const iterator = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>
  const head = await iterator.next()
  const firstChunk = head.done === true ? Buffer.alloc(0) : head.value
  const format = formatOf(options.input, decode(firstChunk), options.format)
  const output = outFormatOf(options.out, options.outFormat, format, command)
  await prepare(format)
  const chunks = (async function* () {
    if (firstChunk.length > 0) yield firstChunk
    for (let next = await iterator.next(); next.done !== true; next = await iterator.next()) yield next.value
  })()
  // What the rows are: for CSV, known once the header is read, before the first row is.
  let csv: CsvLayout | undefined
  const shape = (): RowShape => ({ kind: options.kind, input: format, output, csv, dateOrder: options.dateOrder, keepExtra: options.keepExtra, texts: options.texts })
  const readLayout = (text: string) => {
    csv = readHeader(text, options.kind, options.columns, command)
    io.stderr.write(layoutText(csv, options.keepExtra, command))
  }

  const temporary = options.out === undefined ? undefined : temporaryFor(options.out, command, (line) => io.stderr.write(line))
  let target: Writable = io.stdout
  if (temporary !== undefined) {
    let fd: number
    try {
      fd = openSync(temporary, 'wx')
    } catch (error) {
      throw new UsageError(`${command}: --out ${JSON.stringify(options.out)} cannot be written: ${(error as NodeJS.ErrnoException).code ?? String(error)}`)
    }
    target = createWriteStream('', { fd })
    // A failed write (a full disk) surfaces at the next write or at the end.
    target.on('error', () => {})
  }
  const removeTemporary = () => {
    if (temporary !== undefined) rmSync(temporary, { force: true })
  }
  const onSignal = (signal: NodeJS.Signals) => {
    removeTemporary()
    io.stderr.write(`\nai-training-scope ${command}: stopped by ${signal}; no output file was written\n`)
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
    // refused as a whole (a CSV header without an id) leaves no output at all.
    let header = true
    const writeHeader = async () => {
      if (header && output === 'csv') await write(target, csvOutputHeader(shape()))
      header = false
    }
    let dispatcher: Dispatcher | undefined
    // Made before the first block tells whether workers start: room for the most there can be.
    const inputs = new Spares(blocksInPlay(options.jobs - 1))
    const start = (more: boolean) => {
      // Items are joined to the members file, which only this thread holds.
      if (more && options.members === undefined) threads = options.jobs
      return evaluateInOrder(options, shape(), target, tally, inputs, threads - 1)
    }
    try {
      const input = format === 'csv' ? csvBlocks(blocks(chunks, counted, inputs), tally, readLayout) : blocks(chunks, counted, inputs)
      for await (const block of input) {
        await writeHeader()
        // Workers start only for input of more than one block: a block cut from
        // a full buffer (at its last line break, so a little short of it).
        dispatcher ??= start(block.bytes.length >= BLOCK_BYTES / 2)
        await dispatcher.submit(block)
        if (counted !== undefined) progress?.update(tally.rows, counted.bytes)
      }
    } finally {
      await dispatcher?.finish()
    }
    await writeHeader()
    if (temporary !== undefined && options.out !== undefined) {
      await new Promise<void>((resolve, reject) => target.end((error?: Error | null) => (error ? reject(error) : resolve())))
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
  if (tally.fields.length > 0) {
    const fields = tally.fields.map((field) => JSON.stringify(field)).join(', ')
    io.stderr.write(`${command}: fields read as no field of a row, ${options.keepExtra ? 'carried into the output' : 'ignored (--keep-extra carries them)'}: ${fields}\n`)
  }
  const seconds = (performance.now() - started) / 1000
  const rate = seconds > 0 ? Math.round(tally.rows / seconds) : tally.rows
  const counts = [...STATUSES[options.kind], 'error'].map((status) => `${status === 'error' ? 'errors' : status.replaceAll('-', ' ')} ${tally.statuses[status] ?? 0}`).join(', ')
  io.stderr.write(
    `rows ${tally.rows}, ${counts}${tally.blank > 0 ? `, blank lines skipped ${tally.blank}` : ''}; ` +
      `${rate} rows/s (${seconds.toFixed(2)} s, ${format}, ${threads === 1 ? 'in one thread' : `${threads} threads`}, peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB)\n`,
  )
  return (tally.statuses.error ?? 0) > 0 ? 1 : 0
}
