/** `ai-training-scope regions` and `ai-training-scope policy`: a policy's data, for people and as JSON. */
import { fill } from '../coverage/reasons'
import { compilePolicy } from '../policy/compile'
import type { Policy, PolicyPhase } from '../policy/schema'
import { countryCodes, countryName } from '../region/codes'
import { tzdbVersion } from '../region/country-zones'

/** A phase's dates, short: `2024-09-18..2024-10-11`; a ranged end in parentheses, `2024-09-18..(2024-10-16..2024-12-10)`; open, `2025-11-03..`. */
function span({ start, end }: Pick<PolicyPhase, 'start' | 'end'>): string {
  return `${start}..${end === null ? '' : typeof end === 'string' ? end : `(${end.earliest}..${end.latest})`}`
}

/**
 * Every country and territory under `policy`: its region (`null` outside the
 * policy's regions), a second reading of an ambiguous territory, the phases
 * of use it is read with, its zones and notes.
 */
export function regionRows(policy: Policy, lang: string) {
  const compiled = compilePolicy(policy)
  return countryCodes().map((country) => {
    const place = compiled.placeOf(country)
    const note = policy.territories[country]?.note
    return {
      country,
      name: countryName(country, lang),
      region: place.region,
      alsoReadAs: place.alsoReadAs,
      ambiguous: place.alsoReadAs !== null,
      timeline: place.readings.flatMap((reading) => reading.map(({ region, phase }) => ({ region, id: phase.id, start: phase.start, end: phase.end, certainty: phase.certainty }))),
      zones: compiled.zonesOf(country),
      ...(note === undefined ? {} : { note }),
    }
  })
}

/** {@link regionRows} as a table: region (`-` outside), timeline (`id start..end certainty`), `ambiguous`, note. */
export function regionsText(policy: Policy, lang: string): string {
  const rows = regionRows(policy, lang)
  const nameWidth = Math.max('name'.length, ...rows.map((row) => row.name.length))
  const regionWidth = Math.max('region'.length, ...Object.keys(policy.regions).map((code) => code.length))
  const lines = rows.map((row) => {
    // A phase of a second reading (JE: UK) is named with its region.
    const phases = row.timeline.map((phase) => `${phase.region === row.region ? '' : `${phase.region}/`}${phase.id} ${span(phase)} ${phase.certainty}`)
    const timeline = row.region === null ? '-' : phases.length === 0 ? 'none' : phases.join(', ')
    return [row.country.padEnd(4), row.name.padEnd(nameWidth), (row.region ?? '-').padEnd(regionWidth), timeline, ...(row.ambiguous ? ['ambiguous'] : []), ...(row.note === undefined ? [] : [row.note])].join('  ')
  })
  const header = ['code', 'name'.padEnd(nameWidth), 'region'.padEnd(regionWidth), 'timeline (phase start..end certainty), ambiguous, note'].join('  ')
  return `${header}\n${lines.join('\n')}\n${rows.length} countries and territories under ${policy.id} version ${policy.version}; zones from tzdb ${tzdbVersion}\n`
}

/** The policy for people: id and version, each region with its phases, other countries, territories, age, channels, categories, sources. */
export function policyText(policy: Policy): string {
  const { words } = policy.texts.en
  const lines = [policy.title, `Policy ${policy.id}, version ${policy.version}`, '', "Regions and their phases of use (each date from the start of that day in the member's time zone):"]
  for (const [code, region] of Object.entries(policy.regions)) {
    lines.push(`  ${code}: ${region.name}${region.countries.length > 0 ? `: ${region.countries.join(' ')}` : ''}${region.note === undefined ? '' : ` (${region.note})`} [${region.source}]`)
    if (region.timeline.length === 0) lines.push('    no phase of use')
    for (const phase of region.timeline) {
      const end = phase.end === null ? words.open : typeof phase.end === 'string' ? phase.end : fill(words.range, phase.end)
      lines.push(`    ${phase.id}: from ${phase.start} until ${end}, ${phase.certainty} [${phase.source}${phase.endSource === undefined ? '' : `; end: ${phase.endSource}`}]`)
      if (phase.note !== undefined) lines.push(`      ${phase.note}`)
      if (phase.lookback !== undefined) lines.push(`      lookback: ${phase.lookback.note} [${phase.lookback.source}]`)
    }
  }
  const { outside, age } = policy
  lines.push('', 'region' in outside ? `Other countries: read as region ${outside.region}` : `Other countries: undetermined: ${outside.note} [${outside.source}]`)
  lines.push('', 'Territories:')
  for (const [code, territory] of Object.entries(policy.territories)) {
    lines.push(`  ${code}: ${territory.note}${territory.alsoReadAs === undefined ? '' : `; also read as ${territory.alsoReadAs}`} [${territory.source}]`)
  }
  lines.push('', `Age: excluded until the start of the day the member turns ${age.adultAge} [${age.source}]; ${age.secondarySchool.note} [${age.secondarySchool.source}]`)
  lines.push('', 'Opt-out channels:')
  for (const [id, channel] of Object.entries(policy.channels)) {
    const reversible = channel.reversible ? 'an opt-in reverses it' : 'no opt-in reverses it'
    const lasts = channel.lasts ? 'it lasts into later phases' : 'it holds until the next phase starts'
    lines.push(`  ${id}: ${channel.name} (${channel.where}); covers ${channel.covers}; ${reversible}; ${lasts} [${channel.source}]`)
  }
  lines.push('', 'Data categories:')
  for (const [slug, category] of Object.entries(policy.categories)) {
    lines.push(`  ${slug}: ${category.used ? 'used' : 'not used'}: ${category.description} [${category.source}]`)
  }
  lines.push('', 'Sources:')
  for (const [id, source] of Object.entries(policy.sources)) {
    lines.push(`  [${id}] ${source.title}${source.where === undefined ? '' : ` (${source.where})`}`)
    lines.push(`      ${source.url === null ? 'no URL found' : `${source.url}${source.retrieved === undefined ? '' : ` (retrieved ${source.retrieved})`}`}`)
    if (source.note !== undefined) lines.push(`      ${source.note}`)
    if (source.quote !== undefined) lines.push(`      "${source.quote}"`)
  }
  return `${lines.join('\n')}\n`
}
