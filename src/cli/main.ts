/**
 * The `ai-training-scope` command: `check`, `batch`, `archive`, `regions`, `policy`.
 * Its own entry, so that importing the library runs nothing. The same file
 * runs the batch workers.
 */
import { readFileSync } from 'node:fs'
import { type ParseArgsConfig, parseArgs } from 'node:util'
import { isMainThread, parentPort, workerData } from 'node:worker_threads'
import type { MemberInput } from '../coverage/member'
import { readOptions } from '../coverage/options'
import { issuesText, isPolicyInputError } from '../errors'
import { policies } from '../policy/builtin'
import { linkedinGenAi } from '../policy/linkedin'
import type { Policy } from '../policy/schema'
import { DAY_MS } from '../time/civil'
import { readInstant } from '../time/instant'
import { version } from '../../package.json'
import type { WorkerData, WorkerReply, WorkerRequest } from './batch'
import { checkReport, humanReport, jsonReport } from './check'
import { UsageError } from './errors'
import { useNameTables } from './rows'
import { policyText, regionRows, regionsText } from './tables'

/** The languages of `ai-training-scope/locales`; any other that Intl.DisplayNames knows serves too. */
const LANGS = ['de', 'en', 'es', 'fr', 'it', 'nl', 'pl', 'pt', 'sv', 'zh'] as const

/** The built-in policies' ids, for the help texts. */
const BUILT_IN = Object.keys(policies).join(', ')
const POLICY_OPTION = `  --policy P             a built-in policy (${BUILT_IN}; default ${linkedinGenAi.id})
                         or a policy JSON file, checked before use`
const DEFAULT_CHANNELS = Object.keys(linkedinGenAi.channels)

const HELP = {
  main: `ai-training-scope ${version}: is a member's data used to train a platform's AI models, from when, and why?
The answers follow a policy: a built-in one (${BUILT_IN}; default ${linkedinGenAi.id}), or your own as a JSON file (--policy FILE.json).

Usage:
  ai-training-scope check --country DE [--birth-date 2008-02-29] [--time-zone Europe/Berlin] [--policy P] ...
  ai-training-scope batch <file|-> [--columns id="Member ID",...] [--out FILE] [--as-of ISO] [--jobs N] [--policy P] ...
  ai-training-scope items <items-file|-> --members <members-file> [--out FILE] [--as-of ISO] [--policy P] ...
  ai-training-scope archive <zip> --country DE [--birth-date 2008] [--json] [--out items.csv] ...
  ai-training-scope regions [--json] [--lang de] [--policy P]
  ai-training-scope policy [--json] [--policy P]

Run "ai-training-scope <command> --help" for a command's options.
Options: --help, --version
Exit codes: 0 answered, 1 a batch had bad rows, 2 bad input.`,
  check: `Usage: ai-training-scope check --country CODE|NAME [options]

Tells whether the member's data is used, since or from when, how sure that is, why, and what to do.

Options:
  --country X            ISO code (DE, DEU, 276), UK, EL, a country name in any language
                         (Germany, Deutschland, Côte d'Ivoire) or a place (England, Madeira)
  --birth-date D         YYYY-MM-DD, YYYY-MM or YYYY (omitted: taken as an adult)
  --time-zone Z          IANA zone, e.g. Europe/Berlin (omitted: the place's zone, as for
                         Canary Islands, else the country's zones)
  --secondary-school     the platform has reason to believe the member is a minor
  --opt-out ISO[,VIA]    when the member opted out; VIA is one of the policy's channels
                         (${linkedinGenAi.id}: ${DEFAULT_CHANNELS.join(', ')}), default its first; repeatable
  --opt-in ISO           when the member opted in again; repeatable
  --as-of ISO|now|today  the instant asked about (default: now; today: 00:00 UTC of the current day);
                         instants need Z or an offset
${POLICY_OPTION}
  --json                 the coverage report as JSON (instants in UTC; windows with their certainty)
  --lang L               language country names are read in first and printed in: ${LANGS.join(', ')},
                         or any other your Node knows (ja, uk, pt-PT, ...); names in every
                         language are accepted whatever it is
  --help`,
  archive: `Usage: ai-training-scope archive <zip> --country CODE|NAME [options]

Reads your LinkedIn data export (the ZIP LinkedIn sends, Basic or Complete) on this
machine, and tells which of your items (posts, comments, articles, messages, profile
entries...) may be in the policy's training data, since when, and what you can do.
Without --country it suggests one from the export's Geo Location or Billing Country
and stops (exit 2): the export does not say where you live.

Options:
  --country X            ISO code, UK, EL, or a country name: where you live
  --birth-date D         YYYY-MM-DD or YYYY (the export has no birth year)
  --time-zone Z          your IANA zone; the export's own dates stay ranges whatever it says
  --secondary-school     the platform has reason to believe you are a minor
  --opt-out ISO[,VIA]    when you opted out (${linkedinGenAi.id}: ${DEFAULT_CHANNELS.join(', ')}); repeatable
  --opt-in ISO           when you opted in again; repeatable
  --as-of ISO|now|today  the instant asked about (default: now; today: 00:00 UTC of the current day)
${POLICY_OPTION}
  --json                 the summary as JSON (counts, oldest and newest items, skipped files, bad rows)
  --out FILE             each item with its status and reasons: CSV if FILE ends in .csv, else NDJSON
  --text                 include each item's text in --out's file (left out unless asked)
  --help
Nothing is written but --out's file; no item's text is printed.`,
  regions: `Usage: ai-training-scope regions [--json] [--lang L] [--policy P]

Every country and territory with its region under the policy ("-" outside its regions),
the region's timeline (each phase with its start..end and certainty), whether the
territory is ambiguous, and notes.

Options:
  --json                 the rows as JSON
  --lang L               language of country names: ${LANGS.join(', ')}, or any other
                         your Node knows
${POLICY_OPTION}
  --help`,
  policy: `Usage: ai-training-scope policy [--json] [--policy P]

The policy: its id and version, regions and their phases, how other countries are
answered, the age rule, opt-out channels, data categories, and sources.

Options:
  --json                 the policy as JSON
${POLICY_OPTION}
  --help`,
} as const

/** Whether Intl names regions in `lang`. */
function known(lang: string): boolean {
  try {
    return Intl.DisplayNames.supportedLocalesOf([lang]).length > 0
  } catch {
    return false
  }
}

/** `--lang`: one of the tables (registered with the others), or a language Intl.DisplayNames knows. */
async function useLang(lang: string | undefined): Promise<string> {
  if (lang === undefined || lang === 'en') return 'en'
  if (!(LANGS as readonly string[]).includes(lang) && !known(lang)) {
    throw new UsageError(`--lang ${JSON.stringify(lang)} is not one of ${LANGS.join(', ')}, nor a language this Node names countries in`)
  }
  await useNameTables()
  return lang
}

/** Codes, which need no name table: two or three letters, or three digits. */
const CODE = /^\s*([A-Za-z]{2,3}|[0-9]{3})\s*$/

/** `--as-of`, read once: an instant, `now` (the default) or `today` (00:00 UTC of the current UTC date). */
function asOfOption(value: string | undefined): Date {
  const word = value?.trim().toLowerCase()
  const now = Date.now()
  if (value === undefined || word === 'now') return new Date(now)
  if (word === 'today') return new Date(now - (now % DAY_MS))
  const read = readInstant(value)
  if (!read.ok) throw new UsageError(`--as-of ${JSON.stringify(value)} ${read.problem}; or give now or today`)
  return new Date(read.ms)
}

/**
 * `--policy`: a built-in policy's id, or the path of a policy JSON file,
 * checked by `definePolicy` (loaded only then, with the schema); problems name
 * the file and the path inside it. Default: LinkedIn's.
 *
 * @throws {UsageError} for a file that cannot be read, is not JSON, or is not a valid policy
 */
async function policyOption(command: string, value: string | undefined): Promise<Policy> {
  if (value === undefined) return linkedinGenAi
  const builtIn = Object.hasOwn(policies, value) ? policies[value] : undefined
  if (builtIn !== undefined) return builtIn
  const at = `${command}: --policy ${value}`
  let text: string
  try {
    text = readFileSync(value, 'utf8')
  } catch (error) {
    throw new UsageError(`${at}: is neither a built-in policy (${BUILT_IN}) nor a readable file (${(error as NodeJS.ErrnoException).code ?? String(error)})`)
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    // JSON.parse quotes the text, line breaks and all: the message stays one line.
    throw new UsageError(`${at}: is not valid JSON: ${(error as Error).message.replace(/\s+/g, ' ')}`)
  }
  const { definePolicy } = await import('../policy/define')
  try {
    return definePolicy(json as Policy)
  } catch (error) {
    if (!isPolicyInputError(error)) throw error
    throw new UsageError(`${at}: ${issuesText(error.issues)}`)
  }
}

/** The member's options, read the same way by `check` and `archive`. */
const MEMBER_OPTIONS = {
  country: { type: 'string' },
  'birth-date': { type: 'string' },
  'time-zone': { type: 'string' },
  'secondary-school': { type: 'boolean' },
  'opt-out': { type: 'string', multiple: true },
  'opt-in': { type: 'string', multiple: true },
} as const

/** The member the options describe, in `country`. */
function memberOf(values: Parsed['values'], country: string, policy: Policy): MemberInput {
  const firstChannel = Object.keys(policy.channels)[0] as string
  return {
    country,
    ...(values['birth-date'] === undefined ? {} : { birthDate: values['birth-date'] as string }),
    ...(values['time-zone'] === undefined ? {} : { timeZone: values['time-zone'] as string }),
    ...(values['secondary-school'] === true ? { secondarySchool: true } : {}),
    // The channel follows the last comma, and starts with a letter: `,5Z` is part of an instant.
    optOuts: ((values['opt-out'] as string[] | undefined) ?? []).map((value) => {
      const match = /^(.*),([A-Za-z][^,]*)$/.exec(value)
      return match ? { at: match[1] as string, via: match[2] as string } : { at: value, via: firstChannel }
    }),
    optIns: ((values['opt-in'] as string[] | undefined) ?? []).map((at) => ({ at })),
  }
}

type Parsed = { values: Record<string, string | boolean | (string | boolean)[] | undefined>; positionals: string[] }

function parse(args: string[], options: NonNullable<ParseArgsConfig['options']>, positionals = false): Parsed {
  try {
    return parseArgs({ args, options: { help: { type: 'boolean' }, ...options }, allowPositionals: positionals, strict: true })
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
}

async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = argv
  const out = (text: string) => process.stdout.write(text)
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    out(`${HELP.main}\n`)
    return command === undefined ? 2 : 0
  }
  if (command === '--version' || command === '-v') {
    out(`${version}\n`)
    return 0
  }
  switch (command) {
    case 'check': {
      const { values } = parse(rest, { ...MEMBER_OPTIONS, 'as-of': { type: 'string' }, json: { type: 'boolean' }, lang: { type: 'string' }, policy: { type: 'string' } })
      if (values.help === true) return out(`${HELP.check}\n`), 0
      if (values.country === undefined) {
        const none = Object.values(values).every((value) => value === undefined)
        throw new UsageError(`check: ${none ? 'which member? give at least' : 'give'} --country (a code, a name or a place); "ai-training-scope check --help" lists the options`)
      }
      const lang = await useLang(values.lang as string | undefined)
      // Names need the tables; codes, as most are, do not.
      if (lang === 'en' && !CODE.test(values.country as string)) await useNameTables()
      const policy = await policyOption('check', values.policy as string | undefined)
      const member = memberOf(values, values.country as string, policy)
      const report = checkReport(member, asOfOption(values['as-of'] as string | undefined), policy, lang)
      out(values.json === true ? jsonReport(report) : humanReport(report, member, lang, policy))
      return 0
    }
    case 'batch':
    case 'items': {
      const { rowsCommand } = await import('./rows-command')
      const channels = `${linkedinGenAi.id}: ${DEFAULT_CHANNELS.join(', ')}`
      const shared = { parse, asOf: asOfOption, policy: policyOption, lang: useLang, langs: LANGS.join(', '), policyHelp: POLICY_OPTION, channels, workerUrl: new URL(import.meta.url) }
      return rowsCommand(command, rest, shared)
    }
    case 'archive': {
      const { values, positionals } = parse(
        rest,
        { ...MEMBER_OPTIONS, 'as-of': { type: 'string' }, json: { type: 'boolean' }, out: { type: 'string' }, text: { type: 'boolean' }, policy: { type: 'string' } },
        true,
      )
      if (values.help === true) return out(`${HELP.archive}\n`), 0
      const [zip, ...extra] = positionals
      if (zip === undefined) throw new UsageError('archive: give the ZIP of your data export')
      if (extra.length > 0) throw new UsageError(`archive: one ZIP only, got also ${JSON.stringify(extra[0])}`)
      const policy = await policyOption('archive', values.policy as string | undefined)
      const country = values.country as string | undefined
      // Names need the tables; codes do not.
      if (country !== undefined && !CODE.test(country)) await useNameTables()
      const command = {
        zip,
        member: country === undefined ? undefined : memberOf(values, country, policy),
        asOf: asOfOption(values['as-of'] as string | undefined),
        policy,
        json: values.json === true,
        out: values.out as string | undefined,
        text: values.text === true,
      }
      const { archive } = await import('./archive')
      return archive(command, { stdout: process.stdout, stderr: process.stderr })
    }
    case 'regions': {
      const { values } = parse(rest, { json: { type: 'boolean' }, lang: { type: 'string' }, policy: { type: 'string' } })
      if (values.help === true) return out(`${HELP.regions}\n`), 0
      const lang = await useLang(values.lang as string | undefined)
      const policy = await policyOption('regions', values.policy as string | undefined)
      out(values.json === true ? `${JSON.stringify(regionRows(policy, lang), null, 2)}\n` : regionsText(policy, lang))
      return 0
    }
    case 'policy': {
      const { values } = parse(rest, { json: { type: 'boolean' }, policy: { type: 'string' } })
      if (values.help === true) return out(`${HELP.policy}\n`), 0
      const policy = await policyOption('policy', values.policy as string | undefined)
      out(values.json === true ? `${JSON.stringify(policy, null, 2)}\n` : policyText(policy))
      return 0
    }
    default:
      throw new UsageError(`unknown command ${JSON.stringify(command)}; try --help`)
  }
}

async function worker(): Promise<void> {
  const { evaluateBlock, memberAnswerer, prepare } = await import('./rows')
  const { asOf, shape, policy, lang } = workerData as WorkerData
  await prepare(shape.input)
  await useLang(lang)
  // A policy from a file was checked on the main thread; its copy here is checked again, which marks it as checked.
  const checked = typeof policy === 'string' ? policies[policy] : (await import('../policy/define')).definePolicy(policy)
  const context = memberAnswerer(readOptions({ asOf: new Date(asOf), policy: checked }), shape)
  parentPort?.on('message', ({ seq, block, into }: WorkerRequest) => {
    const { bytes, tally } = evaluateBlock(block, context, into)
    // Moved, not copied: the main thread only writes the bytes, and reads its next input into the memory of this one.
    const input = block.bytes.buffer
    parentPort?.postMessage({ seq, bytes, tally, input } satisfies WorkerReply, [bytes.buffer, input])
  })
}

if (isMainThread) {
  // A reader that goes away (`| head`) ends the run with a line, not a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    process.stderr.write(`ai-training-scope: standard output closed (${error.code ?? error.message}); output is incomplete\n`)
    process.exit(1)
  })
  run(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code
    },
    (error: unknown) => {
      if (error instanceof UsageError) {
        process.stderr.write(`ai-training-scope: ${error.message}\n`)
        process.exitCode = 2
      } else {
        process.stderr.write(`ai-training-scope: ${error instanceof Error ? error.message : String(error)}\n`)
        process.exitCode = 1
      }
    },
  )
} else {
  void worker()
}
