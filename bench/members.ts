/** Varied members from a fixed seed: every region, zones given and not, full and year-only birth dates, opt-outs and opt-ins. */
import { linkedinGenAi } from '../src/policy/linkedin'
import { countryZones } from '../src/region/country-zones'

export interface RawMember {
  country: string
  birthDate?: string
  timeZone?: string
  secondarySchool?: boolean
  optOuts?: { at: string; via: 'setting' | 'objection-form' }[]
  optIns?: { at: string }[]
}

/** Country input as people type it, with the ISO code it stands for. */
export const countryForms: readonly (readonly [string, string])[] = [
  ['DE', 'DE'], ['FR', 'FR'], ['ES', 'ES'], ['PT', 'PT'], ['AX', 'AX'], ['GF', 'GF'], ['IS', 'IS'], ['NO', 'NO'], ['LI', 'LI'],
  ['CH', 'CH'], ['CA', 'CA'], ['HK', 'HK'], ['GB', 'GB'], ['UK', 'GB'], ['EL', 'GR'], ['deu', 'DE'], ['276', 'DE'], ['Germany', 'DE'],
  ['JE', 'JE'], ['GG', 'GG'], ['IM', 'IM'], ['GI', 'GI'], ['MO', 'MO'], ['FO', 'FO'], ['XK', 'XK'], ['US', 'US'], ['IN', 'IN'],
  ['BR', 'BR'], ['AU', 'AU'], ['JP', 'JP'], ['RU', 'RU'], ['KI', 'KI'], ['ZA', 'ZA'], ['MX', 'MX'],
]

/** mulberry32: a small, fast, seeded PRNG. */
export function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

const LOW = Date.UTC(2024, 5, 1)
const HIGH = Date.UTC(2027, 5, 1)
const pad = (value: number) => String(value).padStart(2, '0')

/** `count` members and the instant each is asked about, always the same for a seed. */
export function members(count: number, seed = 2025): { member: RawMember; asOf: string }[] {
  const next = random(seed)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T
  const instant = () => new Date(LOW + Math.floor(next() * (HIGH - LOW))).toISOString()
  const out: { member: RawMember; asOf: string }[] = []
  for (let i = 0; i < count; i++) {
    const [form, code] = pick(countryForms)
    const member: RawMember = { country: form }
    if (next() < 0.5) member.timeZone = pick(linkedinGenAi.zones[code]?.zones ?? countryZones[code] ?? ['UTC'])
    const birth = next()
    if (birth < 0.45) member.birthDate = `${1950 + Math.floor(next() * 63)}-${pad(1 + Math.floor(next() * 12))}-${pad(1 + Math.floor(next() * 28))}`
    else if (birth < 0.7) member.birthDate = String(1990 + Math.floor(next() * 23))
    if (next() < 0.03) member.secondarySchool = true
    const optOuts = next()
    if (optOuts < 0.4) {
      member.optOuts = Array.from({ length: optOuts < 0.1 ? 2 : 1 }, () => ({ at: instant(), via: next() < 0.8 ? ('setting' as const) : ('objection-form' as const) }))
    }
    if (next() < 0.15) member.optIns = [{ at: instant() }]
    out.push({ member, asOf: instant() })
  }
  return out
}
