/** `ai-training-scope regions` and `ai-training-scope policy`: the data, for people and as JSON. */
import { compilePolicy } from '../policy/compile'
import { linkedinGenAi } from '../policy/linkedin'
import { categories, regionCodes } from '../policy/schema'
import { countryCodes, countryName } from '../region/codes'
import { tzdbVersion } from '../region/country-zones'

/** Every country and territory with its region, rollout, effective date and notes. */
export function regionRows(lang: string) {
  const compiled = compilePolicy(linkedinGenAi)
  return countryCodes().map((country) => {
    const place = compiled.placeOf(country)
    const note = compiled.policy.territories[country]?.note
    return {
      country,
      name: countryName(country, lang),
      region: place.region,
      rollout: place.rollout.id,
      effective: place.rollout.effective,
      ambiguous: place.alsoReadAs !== undefined,
      zones: compiled.zonesOf(country),
      ...(note === undefined ? {} : { note }),
    }
  })
}

export function regionsText(lang: string): string {
  const rows = regionRows(lang)
  const width = Math.max(...rows.map((row) => row.name.length))
  const lines = rows.map(
    (row) =>
      `${row.country}  ${row.name.padEnd(width)}  ${row.region.padEnd(3)}  ${row.rollout.padEnd(16)}  ${row.effective}${row.ambiguous ? '  ambiguous' : ''}${row.note === undefined ? '' : `  ${row.note}`}`,
  )
  return `${lines.join('\n')}\n${rows.length} countries and territories; zones from tzdb ${tzdbVersion}\n`
}

export function policyText(): string {
  const policy = linkedinGenAi
  const lines = [policy.title, '', 'Rollouts (from the start of the civil date in the member\'s time zone):']
  for (const rollout of policy.rollouts) {
    lines.push(`  ${rollout.id}: ${rollout.effective} (${rollout.confidence}) for ${rollout.regions.join(', ')} [${rollout.source}]`)
    if (rollout.note !== undefined) lines.push(`    ${rollout.note}`)
  }
  lines.push('', 'Regions:')
  for (const code of regionCodes) {
    const region = policy.regions[code]
    lines.push(`  ${code}: ${region.name}${region.countries.length > 0 ? `: ${region.countries.join(' ')}` : ''}${region.note === undefined ? '' : ` (${region.note})`} [${region.source}]`)
  }
  lines.push('', `Age: excluded until the start of the ${policy.age.adultAge}th birthday [${policy.age.source}]; ${policy.age.secondarySchool.note} [${policy.age.secondarySchool.source}]`)
  lines.push('', `Opting out: ${policy.optOut.note} [${policy.optOut.source}]`)
  for (const [id, channel] of Object.entries(policy.optOut.channels)) {
    lines.push(`  ${id}: ${channel.name} (${channel.where}); covers ${channel.covers}; ${channel.reversible ? 'reversible' : 'lasting'} [${channel.source}]`)
  }
  lines.push('', 'Data categories:')
  for (const slug of categories) {
    const category = policy.categories[slug]
    lines.push(`  ${slug}: ${category.used ? 'used' : 'not used'}: ${category.description} [${category.source}]`)
  }
  lines.push('', 'Sources:')
  for (const [id, source] of Object.entries(policy.sources)) {
    lines.push(`  [${id}] ${source.title} (${source.where})${source.quote === undefined ? '' : `\n      "${source.quote}"`}`)
  }
  return `${lines.join('\n')}\n`
}
