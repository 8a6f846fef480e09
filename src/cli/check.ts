/**
 * `ai-training-scope check`: one member's answer, for a person (or as JSON):
 * affected or not, since or from when (local time and UTC), why, what to do
 * about it, and the sources.
 */
import { type CoverageReport, coverage } from '../coverage/coverage'
import type { MemberInput } from '../coverage/member'
import { isPolicyInputError, pathText } from '../errors'
import { compilePolicy } from '../policy/compile'
import { linkedinGenAi } from '../policy/linkedin'
import { countryName } from '../region/codes'
import { DAY_MS, formatCivilDate } from '../time/civil'
import { canonicalZone, offsetAt } from '../time/zone'
import { UsageError } from './errors'

/** Which option each member field came from, for error lines. */
const OPTION: Readonly<Record<string, string>> = {
  country: '--country',
  birthDate: '--birth-date',
  timeZone: '--time-zone',
  secondarySchool: '--secondary-school',
  optOuts: '--opt-out',
  optIns: '--opt-in',
  asOf: '--as-of',
}

/** Runs the library, turning its input errors into one line naming the option. */
export function checkReport(member: MemberInput, asOf: Date): CoverageReport {
  try {
    return coverage(member, { asOf })
  } catch (error) {
    if (!isPolicyInputError(error)) throw error
    const issue = error.issues[0]
    const key = String(issue?.path[0] ?? '')
    const option = OPTION[key] ?? (pathText(issue?.path ?? []) || error.input)
    throw new UsageError(`check: ${option} ${issue?.message ?? error.message}`)
  }
}

/** `YYYY-MM-DD HH:mm` of an instant in a zone. */
function wallTime(ms: number, zone: string): string {
  const local = ms + offsetAt(zone, ms)
  const minutes = Math.floor((((local % DAY_MS) + DAY_MS) % DAY_MS) / 60_000)
  const pad = (value: number) => String(value).padStart(2, '0')
  return `${formatCivilDate(Math.floor(local / DAY_MS))} ${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`
}

/** An instant in the member's local time and in UTC; the local part only when the zones agree. */
function when(date: Date, zones: readonly string[], zoneGiven: boolean): string {
  const ms = date.getTime()
  const utc = `${wallTime(ms, 'UTC')} UTC`
  const locals = new Set(zones.map((zone) => wallTime(ms, zone)))
  if (locals.size !== 1) return `${utc} (local time depends on your time zone; give --time-zone)`
  const [local] = locals
  return `${local} ${zoneGiven ? zones[0] : 'local time'} (${utc})`
}

/** The report for a person. */
export function humanReport(report: CoverageReport, member: MemberInput, lang: string): string {
  const compiled = compilePolicy(linkedinGenAi)
  const { policy } = compiled
  const zone = member.timeZone === undefined ? undefined : canonicalZone(member.timeZone.trim())
  const zoneGiven = zone !== undefined
  const zones = zone === undefined ? compiled.zonesOf(report.country) : [zone]
  const at = (date: Date) => when(date, zones, zoneGiven)
  const asOf = report.asOf.getTime()
  const lines: string[] = []
  const current = report.windows.find((window) => window.from.getTime() <= asOf && (window.until === null || asOf < window.until.getTime()))
  const next = report.windows.find((window) => window.from.getTime() > asOf)
  switch (report.status) {
    case 'covered':
      lines.push('Affected: yes. LinkedIn uses your data to train its content-generating AI models.')
      lines.push(`  Since: ${at(current?.from ?? (report.from as Date))}`)
      break
    case 'undetermined':
      lines.push('Affected: maybe. It depends on facts not given (see "Why"); the earliest possible start is given.')
      if (report.from !== null) lines.push(`  Possibly since: ${at(report.from)}`)
      break
    default:
      if (next !== undefined) {
        lines.push('Affected: not yet. LinkedIn will use your data to train its content-generating AI models.')
        lines.push(`  From: ${at(next.from)}`)
      } else if (report.from === null) {
        lines.push('Affected: no. None of your data is used to train these models.')
      } else {
        lines.push('Affected: no longer. Your data is not used now.')
        lines.push(`  Used from ${at(report.from)} until ${at(report.until as Date)}; data from then may remain in models trained before.`)
      }
  }
  lines.push(`  Asked at: ${at(report.asOf)}`)
  lines.push(
    `  Country: ${countryName(report.country, lang)} (${report.country}), region ${report.region}, rollout ${report.rollout.id} from ${report.rollout.effective}`,
  )
  lines.push('', 'Why:')
  for (const reason of report.reasons) lines.push(`  - ${reason.message}${reason.source === undefined ? '' : ` [${reason.source}]`}`)
  const setting = policy.optOut.channels.setting
  const form = policy.optOut.channels['objection-form']
  lines.push('', 'What you can do:')
  lines.push(`  - Turn off "${setting.name}": ${setting.where}. Stops use for ${setting.covers} going forward; you can turn it on again.`)
  lines.push(`  - File the ${form.name}: ${form.where}. Covers ${form.covers}; it lasts.`)
  lines.push(`  - ${policy.optOut.note}.`)
  const cited = new Set([...report.reasons.flatMap((reason) => (reason.source === undefined ? [] : [reason.source])), setting.source, form.source])
  lines.push('', 'Sources:')
  for (const id of cited) {
    const source = policy.sources[id]
    if (source !== undefined) lines.push(`  [${id}] ${source.title} (${source.where})`)
  }
  return `${lines.join('\n')}\n`
}

/** The report as JSON, instants as ISO-8601 UTC strings. */
export function jsonReport(report: CoverageReport): string {
  return `${JSON.stringify(report, null, 2)}\n`
}
