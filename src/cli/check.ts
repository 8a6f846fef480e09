/**
 * `ai-training-scope check`: one member's answer, for a person (or as JSON):
 * affected or not, since or from when (local time and UTC), each window of use
 * with how sure it is, why, what to do about it, and the sources. Every word
 * about the platform comes from the policy's texts.
 */
import { type CoverageReport, type CoverageWindow, coverage } from '../coverage/coverage'
import type { MemberInput } from '../coverage/member'
import { fill } from '../coverage/reasons'
import { isPolicyInputError, pathText } from '../errors'
import { type AnswerKey, headline } from '../headline'
import { compilePolicy } from '../policy/compile'
import type { Policy } from '../policy/schema'
import { countryName } from '../region/codes'
import { resolveRegion } from '../region/resolve'
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

/**
 * Runs the library under `policy`, turning its input errors into one line
 * naming the option.
 *
 * @throws {UsageError} when the member is not valid
 */
export function checkReport(member: MemberInput, asOf: Date, policy: Policy, lang = 'en'): CoverageReport {
  try {
    // The language reads country names first; the reasons stay in the policy's English but where it words them in that language.
    return coverage(member, { asOf, policy, language: lang })
  } catch (error) {
    throw usageError('check', error)
  }
}

/** A PolicyInputError about the member as one line naming the option it came from (anything else as it is). */
export function usageError(command: string, error: unknown): unknown {
  if (!isPolicyInputError(error)) return error
  const issue = error.issues[0]
  const key = String(issue?.path[0] ?? '')
  const option = OPTION[key] ?? (pathText(issue?.path ?? []) || error.input)
  return new UsageError(`${command}: ${option} ${issue?.message ?? error.message}`)
}

/** `YYYY-MM-DD HH:mm` of an instant in a zone. */
function wallTime(ms: number, zone: string): string {
  const local = ms + offsetAt(zone, ms)
  const minutes = Math.floor((((local % DAY_MS) + DAY_MS) % DAY_MS) / 60_000)
  const pad = (value: number) => String(value).padStart(2, '0')
  return `${formatCivilDate(Math.floor(local / DAY_MS))} ${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`
}

/** An instant in the member's local time (named by its zone) and in UTC; the local part only when the zones agree. */
function when(date: Date, zones: readonly string[]): string {
  const ms = date.getTime()
  const utc = `${wallTime(ms, 'UTC')} UTC`
  const locals = new Set(zones.map((zone) => wallTime(ms, zone)))
  if (locals.size !== 1) return `${utc} (local time depends on your time zone; give --time-zone)`
  const [local] = locals
  return `${local} ${zones[0]} (${utc})`
}

/** The advice the member's state calls for: none to opt out through a channel they are opted out through. */
function adviceLines(report: CoverageReport, member: MemberInput, policy: Policy): string[] {
  const { advice } = policy.texts.en
  const asOf = report.asOf.getTime()
  const time = (value: string | Date) => (typeof value === 'string' ? Date.parse(value) : value.getTime())
  const lastOptIn = Math.max(-Infinity, ...(member.optIns ?? []).map((optIn) => time(optIn.at)).filter((at) => at <= asOf))
  // The opt-outs in force at asOf: a reversible one not followed by an opt-in, or any lasting one that no opt-in reverses.
  const inForce = new Map<string, number>()
  for (const optOut of member.optOuts ?? []) {
    const at = time(optOut.at)
    const channel = policy.channels[optOut.via]
    if (channel === undefined || at > asOf || (channel.reversible && lastOptIn >= at)) continue
    inForce.set(optOut.via, Math.max(inForce.get(optOut.via) ?? -Infinity, at))
  }
  const lines: string[] = []
  const firm = [...inForce.keys()].some((via) => policy.channels[via]?.reversible === false)
  for (const [id, channel] of Object.entries(policy.channels)) {
    const at = inForce.get(id)
    if (at !== undefined) {
      const stamp = `${new Date(at).toISOString().slice(0, 16).replace('T', ' ')} UTC`
      lines.push(`  - You opted out through "${channel.name}" at ${stamp}: ${channel.reversible ? 'it holds until you turn it on again' : 'it lasts; no opt-in reverses it'}${channel.lasts ? '' : ', until the next phase starts'}.`)
    } else if (!(firm && channel.reversible)) lines.push(`  - ${advice[id] ?? ''}`)
  }
  lines.push(`  - ${advice.general ?? ''}`)
  return lines
}

/** A window on one line: from, until (or its range, or open), and how sure it is. */
function windowLine(window: CoverageWindow, at: (date: Date) => string, words: Policy['texts']['en']['words']): string {
  const range = window.untilRange
  const end =
    range !== null
      ? `until ${fill(words.range, { earliest: at(range.from), latest: at(range.until) })} (the end is not public)`
      : window.until === null
        ? `onwards (${words.open})`
        : `until ${at(window.until)}`
  const phases = window.phases.join(', ')
  const sure = window.certainty === 'possible' ? ` (possible: it may not have happened) [${phases}]` : ` [${phases}, ${window.certainty}]`
  return `  ${at(window.from)} ${end}${sure}`
}

/** The word after "Affected:" for each answer. */
const AFFECTED: Readonly<Record<AnswerKey, string>> = { outside: 'maybe', covered: 'yes', undetermined: 'maybe', never: 'no', 'not-yet': 'not yet', 'no-longer': 'no longer' }
/** What the instant of each answer is called. */
const FROM: Readonly<Record<AnswerKey, string>> = { outside: 'From', covered: 'Since', undetermined: 'Possibly since', never: 'From', 'not-yet': 'From', 'no-longer': 'Again from' }

/** The report for a person, worded by the policy's English texts. */
export function humanReport(report: CoverageReport, member: MemberInput, lang: string, policy: Policy): string {
  const compiled = compilePolicy(policy)
  const { answers, words } = policy.texts.en
  const zone = member.timeZone === undefined ? undefined : canonicalZone(member.timeZone.trim())
  const place = report.reasons.find((reason) => reason.code === 'time-zone-of-place')
  const placeZone = place === undefined ? undefined : resolveRegion(member.country, { policy, locale: lang }).zone
  const zones = zone !== undefined ? [zone] : placeZone !== undefined && placeZone !== null ? [placeZone] : compiled.zonesOf(report.country)
  const at = (date: Date) => when(date, zones)
  const zoneLine =
    zone !== undefined
      ? `  Time zone: ${zone}, as given`
      : placeZone !== undefined && placeZone !== null
        ? `  Time zone: ${placeZone}, that of ${member.country.trim()} (no --time-zone given)`
        : zones.length === 1
          ? `  Time zone: ${zones[0]}, inferred: no --time-zone given, and it is ${report.country}'s only zone`
          : `  Time zone: inferred: no --time-zone given; local times in ${zones[0]}, where ${report.country}'s zones (${zones.join(', ')}) agree, else UTC alone`
  const { windows } = report
  const { answer, from, possiblyFrom } = headline(report)
  const lines = [`Affected: ${AFFECTED[answer]}. ${answers[answer]}`]
  if (from !== null) {
    lines.push(answer === 'covered' && possiblyFrom !== null ? `  Possibly since ${at(possiblyFrom)}; certainly since ${at(from)}` : `  ${FROM[answer]}: ${at(from)}`)
  }
  lines.push(`  Asked at: ${at(report.asOf)}`, zoneLine)
  const region = (code: string) => `${code} (${policy.regions[code]?.name ?? code})`
  const where = report.region === null ? "outside this policy's regions" : `region ${region(report.region)}`
  lines.push(`  Country: ${countryName(report.country, lang)} (${report.country}), ${where}${report.alsoReadAs === null ? '' : `, also read as ${region(report.alsoReadAs)}`}`)
  lines.push(`  Policy: ${report.policy}, version ${report.policyVersion}`)
  if (windows.length > 0) lines.push('', 'Windows of use:', ...windows.map((window) => windowLine(window, at, words)))
  lines.push('', 'Why:')
  for (const reason of report.reasons) lines.push(`  - ${reason.message}${reason.source === undefined ? '' : ` [${reason.source}]`}`)
  lines.push('', 'What you can do:', ...adviceLines(report, member, policy))
  const cited = new Set([
    ...report.reasons.flatMap((reason) => reason.source ?? []),
    ...report.timeline.flatMap((phase) => [phase.source, phase.endSource ?? [], phase.lookback?.source ?? []].flat()),
    ...Object.values(policy.channels).map((channel) => channel.source),
  ])
  lines.push('', 'Sources:')
  for (const id of cited) {
    const source = policy.sources[id]
    if (source !== undefined) lines.push(`  [${id}] ${source.title} ${source.url === null ? `(no URL found${source.note === undefined ? '' : `: ${source.note}`})` : `<${source.url}>`}`)
  }
  return `${lines.join('\n')}\n`
}

/** The report as JSON, instants as ISO-8601 UTC strings. */
export function jsonReport(report: CoverageReport): string {
  return `${JSON.stringify(report, null, 2)}\n`
}
