/**
 * The measurements behind `npm run bench`: evaluation against the peer and
 * the floor, where time goes, batch throughput and memory, start-up, and
 * browser bundle size. Each returns figures; nothing asserts here.
 */
import { spawn, spawnSync } from 'node:child_process'
// The evaluation times the package as built (dist/), what users run, as
// bundlers and Node load it. The hand reader and the starts of day, which the
// package does not export, are timed from the sources.
import { coverage, type MemberInput, resolveRegion } from '../dist/index.js'
import { memberSchema } from '../dist/schemas.js'
import { readMember } from '../src/coverage/member'
import { tryReading } from '../src/input'
import { compilePolicy } from '../src/policy/compile'
import { linkedinGenAi } from '../src/policy/linkedin'
import { parseCivilDate } from '../src/time/civil'
import { startOfDay } from '../src/time/zone'
import { floorAnswer } from './floor'
import { members, type RawMember } from './members'
import { rulesEngine, rulesStatus } from './rules'

const root = new URL('..', import.meta.url).pathname
const CLI = `${root}dist/cli.js`

/**
 * A full garbage collection, where the process allows it (`node --expose-gc`,
 * as `npm run bench` runs): each measurement starts without the garbage of
 * the one before.
 */
const collect = (globalThis as { gc?: () => void }).gc ?? (() => {})

/** Calls per second of `run` over `items`: the best of `rounds` timed passes after one warm-up pass. */
export async function opsPerSecond<T>(items: readonly T[], run: (item: T) => unknown, rounds = 3): Promise<number> {
  collect()
  for (const item of items) await run(item)
  let best = 0
  for (let round = 0; round < rounds; round++) {
    const started = performance.now()
    for (const item of items) await run(item)
    best = Math.max(best, items.length / ((performance.now() - started) / 1000))
  }
  return best
}

/**
 * The same, synchronous (an await per call would dominate a fast function):
 * the best of `rounds` timed passes after a warm-up pass, each pass going over
 * the items as many times as it takes to last 100 ms, so that a small sample
 * is timed as precisely as a large one.
 */
export function opsPerSecondSync<T>(items: readonly T[], run: (item: T) => unknown, rounds = 5): number {
  collect()
  const warm = performance.now()
  for (const item of items) run(item)
  const repeats = Math.max(1, Math.ceil(100 / Math.max(performance.now() - warm, 0.01)))
  let best = 0
  for (let round = 0; round < rounds; round++) {
    const started = performance.now()
    for (let repeat = 0; repeat < repeats; repeat++) for (const item of items) run(item)
    best = Math.max(best, (repeats * items.length) / ((performance.now() - started) / 1000))
  }
  return best
}

export interface Evaluation {
  members: number
  coverage: number
  /** coverage() of what `memberSchema.safeParse` gives: the member read by the declared schema first. */
  declared: number
  rules: number
  floor: number
  /** Members on whose status, from or until the floor differs from coverage(), or on whose status the peer does. */
  disagreements: number
}

/** The declared path: the member read by `memberSchema.safeParse`, then `coverage()` of what it gives. */
function declaredCoverage({ member, asOf }: { member: RawMember; asOf: string }) {
  const read = memberSchema.safeParse(member)
  return read.success ? coverage(read.data as MemberInput<'setting' | 'objection-form'>, { asOf }) : read.error
}

/** coverage() against json-rules-engine and the floor, and coverage() behind `memberSchema`, over the same members. */
export async function evaluation(count: number): Promise<Evaluation> {
  const sample = members(count)
  const engine = rulesEngine()
  let disagreements = 0
  for (const { member, asOf } of sample) {
    const report = coverage(member, { asOf })
    const floor = floorAnswer(member, asOf)
    const differs = floor.status !== report.status || floor.from !== (report.from?.getTime() ?? null) || floor.until !== (report.until?.getTime() ?? null)
    if (differs || (await rulesStatus(engine, member, asOf)) !== report.status) disagreements++
  }
  return {
    members: count,
    coverage: opsPerSecondSync(sample, ({ member, asOf }) => coverage(member, { asOf })),
    declared: opsPerSecondSync(sample, declaredCoverage),
    floor: opsPerSecondSync(sample, ({ member, asOf }) => floorAnswer(member, asOf)),
    rules: await opsPerSecond(sample, ({ member, asOf }) => rulesStatus(engine, member, asOf), 1),
    disagreements,
  }
}

/**
 * The parts alone: reading members by hand (what coverage() does) and with
 * the declared schema, resolving regions, and the starts of day an evaluation
 * needs (each phase's start and ends and the 18th birthday, in each zone).
 */
export function parts(count: number): { hand: number; schema: number; region: number; instants: number } {
  const sample = members(count)
  const compiled = compilePolicy(linkedinGenAi)
  const zoned = sample.map(({ member }) => {
    const { country } = resolveRegion(member.country)
    const zones = member.timeZone === undefined ? compiled.zonesOf(country) : [member.timeZone]
    const phases = compiled.placeOf(country).readings.flat()
    const days = phases.flatMap((phase) => [phase.start, phase.endEarliest, phase.endLatest]).filter((day) => day !== Infinity)
    const birth = member.birthDate
    const adult = birth === undefined ? undefined : parseCivilDate(`${Number(birth.slice(0, 4)) + 18}${birth.length === 4 ? '-01-01' : birth.slice(4)}`)
    return { zones, days: adult === undefined ? days : [...days, adult] }
  })
  return {
    hand: opsPerSecondSync(sample, ({ member }) => tryReading('member', readMember, member)),
    schema: opsPerSecondSync(sample, ({ member }) => memberSchema.safeParse(member)),
    region: opsPerSecondSync(sample, ({ member }) => resolveRegion(member.country)),
    instants: opsPerSecondSync(zoned, ({ zones, days }) => {
      for (const zone of zones) for (const day of days) startOfDay(zone, day)
    }),
  }
}

/** Members as batch input: one NDJSON line each, with the `id` batch requires. */
export function ndjson(sample: readonly { member: RawMember }[]): string {
  return sample.map(({ member }, index) => `${JSON.stringify({ id: `m${index}`, ...member })}\n`).join('')
}

/** The CSV header of the bench's members: the documented columns. */
const CSV_HEADER = 'id,country,birth_date,time_zone,secondary_school,opt_outs,opt_ins\n'

/** The same members as CSV rows (no header): opt-outs as `ISO;via` and opt-ins as `ISO`, each joined by `|`. */
export function csv(sample: readonly { member: RawMember }[]): string {
  return sample
    .map(({ member }, index) => {
      const optOuts = (member.optOuts ?? []).map((optOut) => `${optOut.at};${optOut.via}`).join('|')
      const optIns = (member.optIns ?? []).map((optIn) => optIn.at).join('|')
      return `m${index},${member.country},${member.birthDate ?? ''},${member.timeZone ?? ''},${member.secondarySchool === true ? 'true' : ''},${optOuts},${optIns}\n`
    })
    .join('')
}

/** The batch input formats the bench compares. */
export type InputFormat = 'ndjson' | 'csv'

/** Batch input: a header written once (CSV), then `count` members' lines, written again and again. */
type Input = { head: Buffer; bytes: Buffer; count: number; format: InputFormat }

/**
 * `count` varied members as lines of `format`, encoded once and written again
 * and again, so that the generating process costs little of the 2 cores the
 * batch is measured on.
 */
function inputBlock(count: number, format: InputFormat = 'ndjson'): Input {
  const sample = members(count)
  return format === 'csv' ? { head: Buffer.from(CSV_HEADER), bytes: Buffer.from(csv(sample)), count, format } : { head: Buffer.alloc(0), bytes: Buffer.from(ndjson(sample)), count, format }
}

/** Distinct members in the batch input, repeated, as a file of many members with the same few countries, zones and birthdays would be. */
const REPEATED = 1000

/**
 * Members (NDJSON by default, or the same members as CSV) piped into `batch`:
 * rows/s and the CLI's own peak RSS. The input repeats a block of `distinct`
 * members ({@link REPEATED} by default); `distinct = rows` makes every member new.
 */
export function batch(rows: number, jobs: number, distinct = REPEATED, format: InputFormat = 'ndjson'): Promise<{ rowsPerSecond: number; peakMb: number }> {
  return pipeInto(rows, jobs, inputBlock(Math.min(distinct, rows), format))
}

/**
 * What a user without `--jobs` would do with two cores: the rows split into
 * `processes` equal parts, each piped into its own `batch --jobs 1` process,
 * all at once. Rows/s over all of them, from the first start to the last exit.
 */
export async function batchSplit(rows: number, processes: number): Promise<number> {
  const part = rows / processes
  if (!Number.isInteger(part)) throw new RangeError(`batchSplit: ${rows} rows do not split into ${processes} equal parts`)
  const input = inputBlock(Math.min(REPEATED, part))
  const started = performance.now()
  await Promise.all(Array.from({ length: processes }, () => pipeInto(part, 1, input)))
  return rows / ((performance.now() - started) / 1000)
}

/** Pipes `rows` rows, `input` again and again, into a `batch` process; timed from its start to its exit. */
function pipeInto(rows: number, jobs: number, input: Input): Promise<{ rowsPerSecond: number; peakMb: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(process.execPath, [CLI, 'batch', '-', '--format', input.format, '--jobs', String(jobs), '--as-of', '2026-06-01T00:00:00Z'], { stdio: ['pipe', 'ignore', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (chunk) => (stderr += chunk))
    const { bytes, count } = input
    if (input.head.length > 0) child.stdin.write(input.head)
    let written = 0
    const pump = () => {
      while (written + count <= rows) {
        written += count
        if (!child.stdin.write(bytes)) return void child.stdin.once('drain', pump)
      }
      if (written < rows) {
        // The block's first lines, cut from its bytes rather than generated and encoded again.
        let end = 0
        for (let line = written; line < rows; line++) end = bytes.indexOf(10, end) + 1
        written = rows
        child.stdin.write(bytes.subarray(0, end))
      }
      child.stdin.end()
    }
    pump()
    child.on('error', reject)
    child.on('exit', () => {
      const seconds = (performance.now() - started) / 1000
      const peak = /peak RSS (\d+) MB/.exec(stderr)
      // Every row must be answered: a row refused as an error is not the work being measured.
      if (peak === null || !stderr.startsWith(`rows ${rows},`) || !stderr.includes(', errors 0')) return reject(new Error(`batch failed: ${stderr}`))
      resolve({ rowsPerSecond: rows / seconds, peakMb: Number(peak[1]) })
    })
  })
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number
function startupMs(args: string[], runs: number): number {
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const started = performance.now()
    const run = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] })
    if (run.status !== 0) throw new Error(`${args.join(' ')} failed: ${run.stderr}`)
    times.push(performance.now() - started)
  }
  return median(times)
}

/** Start-up: bare node, import + one coverage() call, and `check`; medians of `runs`, interleaved. */
export function startup(runs: number): { bare: number; library: number; cli: number } {
  const bare: number[] = []
  const library: number[] = []
  const cli: number[] = []
  for (let i = 0; i < runs; i++) {
    bare.push(startupMs(['-e', '0'], 1))
    library.push(startupMs(['--input-type=module', '-e', "import { coverage } from './dist/index.js'; coverage({ country: 'DE' })"], 1))
    cli.push(startupMs([CLI, 'check', '--country', 'DE'], 1))
  }
  return { bare: median(bare), library: median(library), cli: median(cli) }
}
