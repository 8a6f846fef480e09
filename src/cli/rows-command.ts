/**
 * The options of `batch` and `items`, the two commands that answer a file of
 * rows: read and checked here, then run by `./batch`. Loaded only when one
 * of them runs.
 */
import { availableParallelism } from 'node:os'
import type { ParseArgsConfig } from 'node:util'
import type { Policy } from '../policy/schema'
import { batch } from './batch'
import { columnsOption, FIELDS } from './columns'
import { UsageError } from './errors'
import { loadMembers } from './items'
import type { DateOrder, Format } from './rows'

/** What `main.ts` lends: its argument parser and the options every command reads alike. */
export interface Shared {
  parse: (args: string[], options: NonNullable<ParseArgsConfig['options']>, positionals?: boolean) => { values: Record<string, unknown>; positionals: string[] }
  asOf: (value: string | undefined) => Date
  policy: (command: string, value: string | undefined) => Promise<Policy>
  /** `--lang`: registers the language's country names; resolves to its code. */
  lang: (value: string | undefined) => Promise<string>
  langs: string
  policyHelp: string
  channels: string
  /** The module that runs batch workers (the CLI's own file, not this chunk of it). */
  workerUrl: URL
}

const csvHeader = (kind: 'members' | 'items') => FIELDS[kind].map((field) => field.csv).join(',')

const commonHelp = (shared: Shared) => `  --columns F=NAME,...  CSV columns by your names: --columns id="Member ID",birth_date="Date of Birth"
                       (repeatable); without it, documented names and common ones (Country, DOB,
                       Date of Birth, Timezone, TZ, ...) are recognised, and stderr says what was read as what
  --date-order dmy|mdy   read birth dates such as 03/05/1990 day-first or month-first (never guessed)
  --keep-extra           carry columns and fields that are none of a row's into the output, as "extra"
                         (else ignored, and named on stderr)
  --reason-texts         add the reasons' texts beside their codes
  --out FILE             write to FILE, atomically (a temporary file renamed when complete); never an input file
  --out-format F         ndjson or csv (default: from --out's extension, else the input's format)
  --format F             the input's format, ndjson or csv (default: from the file name, else from the first line)
  --lang L               also accept country names in L: ${shared.langs}
  --as-of ISO|now|today  the instant asked about (default: now; today: 00:00 UTC of the current day)
${shared.policyHelp}
  --help`

const help = (shared: Shared) => ({
  batch: `Usage: ai-training-scope batch <file|-> [options]

Evaluates one member per row; writes one record per row, in input order.
Input: NDJSON (objects with "id" and the member's fields) or CSV (separated by , ; or tab) with the
columns ${csvHeader('members')} in any order, only id and country required.
Defaults, in every input form: an opt-out without a channel is through the policy's first
(${shared.channels}); CSV opt_outs are ISO[;VIA] joined by "|", opt_ins ISO joined by "|";
secondary_school is true/false, yes/no or 1/0, in any case; every cell is trimmed.
A bad row becomes an error record with its line, field and message; blank lines are skipped.
Each record carries asOf, the policy and its version, the windows of use with their certainty, and the reason codes.

Options:
${commonHelp(shared)}
  --jobs N               threads evaluating rows: this one and N-1 workers (default: available
                         parallelism, here ${availableParallelism()})
Exit codes: 0 all rows answered, 1 some rows were bad (or the output closed early),
2 bad options, 130 interrupted (SIGINT; 143 for SIGTERM), with no --out file written.`,
  items: `Usage: ai-training-scope items <items-file|-> --members <members-file> [options]

Which of our stored records may sit in training data? Each item (${csvHeader('items')};
created_at an instant, a day or a local time) is joined to its member in the members file (read
once, as batch reads its input) and answered in-scope, retained, out-of-scope or undetermined.
An item whose member is not in the members file, or cannot be read, is an error record.

Options:
  --members FILE         the members, NDJSON or CSV as batch takes them (required)
  --member-columns F=NAME,...  the members file's columns by your names
  --member-format F      the members file's format (default: from its name, else its first line)
${commonHelp(shared)}
Exit codes: 0 all items answered, 1 some were bad, 2 bad options, 130 interrupted.`,
})

const formatOption = (name: string, value: unknown): Format | undefined => {
  if (value === undefined || value === 'ndjson' || value === 'csv') return value
  throw new UsageError(`--${name} ${JSON.stringify(value)} is not ndjson or csv`)
}

/** Runs `batch` or `items` with their arguments; resolves to the exit code. */
export async function rowsCommand(command: 'batch' | 'items', args: string[], shared: Shared): Promise<number> {
  const items = command === 'items'
  const { values, positionals } = shared.parse(
    args,
    {
      format: { type: 'string' },
      out: { type: 'string' },
      'out-format': { type: 'string' },
      columns: { type: 'string', multiple: true },
      'date-order': { type: 'string' },
      'keep-extra': { type: 'boolean' },
      'reason-texts': { type: 'boolean' },
      'as-of': { type: 'string' },
      policy: { type: 'string' },
      lang: { type: 'string' },
      ...(items ? { members: { type: 'string' }, 'member-columns': { type: 'string', multiple: true }, 'member-format': { type: 'string' } } : { jobs: { type: 'string' } }),
    },
    true,
  )
  if (values.help === true) return process.stdout.write(`${help(shared)[command]}\n`), 0
  const [input, ...extra] = positionals
  if (input === undefined) throw new UsageError(`${command}: give an input file, or - for standard input`)
  if (extra.length > 0) throw new UsageError(`${command}: one input only, got also ${JSON.stringify(extra[0])}`)
  const dateOrder = values['date-order'] as string | undefined
  if (dateOrder !== undefined && dateOrder !== 'dmy' && dateOrder !== 'mdy') throw new UsageError(`--date-order ${JSON.stringify(dateOrder)} is not dmy (day first) or mdy (month first)`)
  const jobsText = values.jobs as string | undefined
  const jobs = jobsText === undefined ? availableParallelism() : Number(jobsText)
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 256) throw new UsageError(`--jobs ${JSON.stringify(jobsText)} is not a whole number from 1 to 256`)
  const membersFile = values.members as string | undefined
  if (items && membersFile === undefined) throw new UsageError('items: --members FILE is required: the members the items belong to')
  const asOf = shared.asOf(values['as-of'] as string | undefined)
  const lang = await shared.lang(values.lang as string | undefined)
  const policy = await shared.policy(command, values.policy as string | undefined)
  const members =
    membersFile === undefined
      ? undefined
      : await loadMembers(
          membersFile,
          { format: formatOption('member-format', values['member-format']), columns: columnsOption('members', (values['member-columns'] as string[] | undefined) ?? []), dateOrder: dateOrder as DateOrder | undefined },
          Object.keys(policy.channels)[0] as string,
        )
  return batch(
    {
      command,
      kind: items ? 'items' : 'members',
      input,
      format: formatOption('format', values.format),
      out: values.out as string | undefined,
      outFormat: formatOption('out-format', values['out-format']),
      columns: columnsOption(items ? 'items' : 'members', (values.columns as string[] | undefined) ?? []),
      dateOrder: dateOrder as DateOrder | undefined,
      keepExtra: values['keep-extra'] === true,
      texts: values['reason-texts'] === true,
      members,
      inputs: membersFile === undefined ? [input] : [input, membersFile],
      asOf,
      policy,
      lang,
      jobs,
      workerUrl: shared.workerUrl,
    },
    { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env },
  )
}
