/**
 * The member as callers give it (`MemberInput`), read into facts: an ISO
 * code, a real birth date, a known zone, instants. Bad input becomes issues
 * naming the field and the value. The same rules, declared as a zod schema:
 * `memberSchema` (src/schemas.ts).
 */
import { type Path, type Reader, trimmed } from '../input'
import { readCountry } from '../region/codes'
import { daysFromCivil, formatCivilDate, pair, parseCivilDate, quad } from '../time/civil'
import { isDate } from '../time/instant'
import { canonicalZone } from '../time/zone'
import { type BirthCode, dateCode, monthCode, NO_BIRTH_DATE, yearCode } from './birth'

/** An instant as input: an ISO 8601 string with `Z` or an offset, or a `Date`. */
export type InstantInput = string | Date

/** A member as you describe them. Only `country` is required. */
export interface MemberInput<H extends string = string> {
  /** `DE`, `deu`, `276`, `UK`, `EL`, a country's name in any language (`Germany`, `Deutschland`, `Côte d’Ivoire`), or a place (`England`, `Canary Islands`). */
  country: string
  /**
   * `YYYY-MM-DD`, `YYYY-MM` or `YYYY` as far as it is known, or a `Date` (its
   * UTC year, month and day). From 1900, and not after `asOf`. Omitted:
   * treated as an adult (from JSON, `null` reads as omitted).
   */
  birthDate?: string | Date | undefined
  /** IANA zone (`Europe/Berlin`, aliases such as `Asia/Calcutta`: reports give the current name). Omitted: the place's zone (`Canary Islands`), else the country's zones. */
  timeZone?: string | undefined
  /** LinkedIn has reason to believe the member is under 18 (e.g. in secondary school). */
  secondarySchool?: boolean | undefined
  /** When the member opted out, and through which of the policy's channels (LinkedIn: `setting`, reversible, or `objection-form`, lasting). */
  optOuts?: readonly { at: InstantInput; via: H }[] | undefined
  /** When the member turned the setting back on. */
  optIns?: readonly { at: InstantInput }[] | undefined
}

/** A member as read by `memberSchema` (`ai-training-scope/schemas`). */
export interface Member {
  /** ISO 3166-1 alpha-2. */
  readonly country: string
  /** As given: `YYYY-MM-DD`, `YYYY-MM` or `YYYY` (a `Date` as `YYYY-MM-DD`, from its UTC fields). */
  readonly birthDate?: string
  /** The zone's current IANA name (given, or the place's: `Canary Islands`, `Atlantic/Canary`). */
  readonly timeZone?: string
  readonly secondarySchool: boolean
  readonly optOuts: readonly { readonly at: Date; readonly via: string }[]
  readonly optIns: readonly { readonly at: Date }[]
}

/** A member as the evaluator reads it: instants as epoch milliseconds. */
export interface MemberFacts {
  readonly country: string
  /** The birth date as given, trimmed (what `memberSchema` gives back); a `Date` as `YYYY-MM-DD`. */
  readonly birthDate: string | undefined
  /** The same, read once for the evaluator: {@link NO_BIRTH_DATE} when none is given. */
  readonly birth: BirthCode
  /** The zone given, or else the one of the place named (`Canary Islands`). */
  readonly timeZone: string | undefined
  /** The place named for the country, where it gave the zone (`Canary Islands`). */
  readonly place: string | undefined
  readonly secondarySchool: boolean
  readonly optOuts: readonly { readonly at: number; readonly via: string }[]
  readonly optIns: readonly number[]
}

// The fields of each record, as comparisons: cheaper than a search of a list, for every key of every member.
const isMemberField = (key: string) => key === 'country' || key === 'birthDate' || key === 'timeZone' || key === 'secondarySchool' || key === 'optOuts' || key === 'optIns'
const isRowField = (key: string) => key === 'id' || isMemberField(key)
const isOptOutField = (key: string) => key === 'at' || key === 'via'
const isOptInField = (key: string) => key === 'at'
/** Each field's path, made once: reading a member allocates no path unless an entry of a list is read. */
const AT = Object.freeze({
  root: Object.freeze([]),
  country: Object.freeze(['country']),
  birthDate: Object.freeze(['birthDate']),
  timeZone: Object.freeze(['timeZone']),
  secondarySchool: Object.freeze(['secondarySchool']),
  optOuts: Object.freeze(['optOuts']),
  optIns: Object.freeze(['optIns']),
})
type EntryPaths = { readonly entry: Path; readonly at: Path; readonly via: Path }
const optOutPaths: EntryPaths[] = []
const optInPaths: EntryPaths[] = []

/** The paths of a list entry and its fields, made once for each of the first hundred indexes. */
function pathsOf(list: 'optOuts' | 'optIns', index: number): EntryPaths {
  // Chosen by comparison: a look-up under the list's name would be a keyed load of two names, megamorphic.
  const cache = list === 'optOuts' ? optOutPaths : optInPaths
  const known = cache[index]
  if (known !== undefined) return known
  const paths = Object.freeze({ entry: Object.freeze([list, index]), at: Object.freeze([list, index, 'at']), via: Object.freeze([list, index, 'via']) })
  if (index < 100) cache[index] = paths
  return paths
}

/** The list of a member who gave none: shared and read only (not frozen: see ALWAYS_ON in evaluate.ts). */
const NONE: readonly never[] = []

/** The first year a birth date may be in: an earlier one is surely a slip. */
export const FIRST_BIRTH_YEAR = 1900

/** The code of a birth date given as `value` (`text` is it trimmed). */
export function birthOf(reader: Reader, value: string, text: string): BirthCode | undefined {
  if (text === '') return reader.fail(AT.birthDate, value, 'is empty')
  const year = text.length === 4 || text.length === 7 || text.length === 10 ? quad(text, 0) : -1
  const early = () => reader.fail(AT.birthDate, value, `is before ${FIRST_BIRTH_YEAR}: no member was born then`)
  if (text.length === 4 && year >= 0) return year < FIRST_BIRTH_YEAR ? early() : yearCode(year)
  if (text.length === 7 && year >= 0 && text.charCodeAt(4) === 45 /* - */) {
    const month = pair(text, 5)
    if (month < 1 || month > 12) return reader.fail(AT.birthDate, value, 'is not a real month')
    return year < FIRST_BIRTH_YEAR ? early() : monthCode(year, month)
  }
  const days = parseCivilDate(text)
  if (days !== undefined) return year < FIRST_BIRTH_YEAR ? early() : dateCode(days)
  return /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(text)
    ? reader.fail(AT.birthDate, value, 'is not a real calendar date')
    : reader.fail(AT.birthDate, value, 'is not a birth date: expected YYYY-MM-DD, YYYY-MM or YYYY')
}

/** A birth date given as a `Date`: its UTC calendar date, never the host's (`text`: that date as `YYYY-MM-DD`). */
export function birthOfDate(reader: Reader, value: Date): { birth: BirthCode; text: string } | undefined {
  const ms = Date.prototype.getTime.call(value)
  if (Number.isNaN(ms)) return reader.fail(AT.birthDate, value, 'is not a date')
  const days = Math.floor(ms / 86_400_000)
  const text = formatCivilDate(days)
  if (days < daysFromCivil(FIRST_BIRTH_YEAR, 1, 1)) return reader.fail(AT.birthDate, text, `is before ${FIRST_BIRTH_YEAR}: no member was born then`)
  return { birth: dateCode(days), text }
}

/** A fixed offset (`+01:00`, `UTC+1`, `GMT-3`): not a zone, though some are IANA links. Only such text starts with +, -, U or G. */
const FIXED_OFFSET = /^(UTC|GMT)?[+-][0-9]/i

export function timeZoneOf(reader: Reader, value: string): string | undefined {
  const text = trimmed(value)
  const first = text.charCodeAt(0) | 0x20 // lower case for letters
  if ((first === 0x2b || first === 0x2d || first === 0x75 || first === 0x67) && FIXED_OFFSET.test(text)) {
    return reader.fail(AT.timeZone, value, 'is a fixed offset, not a time zone; give an IANA zone such as Europe/Berlin')
  }
  return canonicalZone(text) ?? reader.fail(AT.timeZone, value, 'is not an IANA time zone such as Europe/Berlin')
}

/** A list field's entries, each read by `readEntry` (a plain function: no closure per member); absent reads as empty. */
function listOf<T>(
  reader: Reader,
  list: 'optOuts' | 'optIns',
  value: unknown,
  readEntry: (reader: Reader, entry: unknown, paths: EntryPaths, channels: Channels) => T | undefined,
  channels: Channels,
): readonly T[] {
  if (value === undefined || value === null) return NONE
  if (!Array.isArray(value)) return reader.wrongType(AT[list], value, 'an array') ?? NONE
  if (value.length === 0) return NONE
  const out: T[] = []
  for (let index = 0; index < value.length; index++) {
    const entry = readEntry(reader, value[index], pathsOf(list, index), channels)
    if (entry !== undefined) out.push(entry)
  }
  return out
}

function readOptOut(reader: Reader, entry: unknown, paths: EntryPaths, channels: Channels): { at: number; via: string } | undefined {
  const optOut = reader.object(paths.entry, entry, isOptOutField)
  if (optOut === undefined) return undefined
  const at = reader.instant(paths.at, optOut.at)
  // Which channels there are is the policy's to say.
  const via = channels === undefined ? reader.string(paths.via, optOut.via, false) : reader.oneOf(paths.via, optOut.via, channels)
  return at === undefined || via === undefined ? undefined : { at, via }
}

function readOptIn(reader: Reader, entry: unknown, paths: EntryPaths): number | undefined {
  const optIn = reader.object(paths.entry, entry, isOptInField)
  return optIn === undefined ? undefined : reader.instant(paths.at, optIn.at)
}

/** The policy's opt-out channels, which `via` must name; undefined: any non-empty name (checked later). */
type Channels = readonly string[] | undefined

/**
 * Reads a member; problems go to `reader`, and the result is only meaningful
 * when it has none. `locale`: the language country names are tried in first.
 */
export function readMember(reader: Reader, input: unknown, channels?: Channels, locale?: string): MemberFacts | undefined {
  return factsOf(reader, reader.object(AT.root, input, isMemberField), channels, locale)
}

/**
 * Reads a batch row's object as a member: its `id` is the row's, not a
 * member field. The row is read as it is: a copy without its `id` took ~80
 * ns a row, a twentieth of a batch's time on one thread.
 */
export function readRowMember(reader: Reader, input: unknown, channels?: Channels, locale?: string): MemberFacts | undefined {
  return factsOf(reader, reader.object(AT.root, input, isRowField), channels, locale)
}

function factsOf(reader: Reader, record: Record<string, unknown> | undefined, channels: Channels, locale: string | undefined): MemberFacts | undefined {
  if (record === undefined) return undefined
  const countryText = reader.string(AT.country, record.country, false)
  let country: string | undefined
  let placeZone: string | undefined
  let place: string | undefined
  if (countryText !== undefined) {
    const read = readCountry(countryText, locale)
    if (read.ok) {
      country = read.code
      placeZone = read.zone
      place = read.place
    } else reader.fail(AT.country, countryText, read.problem)
  }
  let birthDate: string | undefined
  let birth = NO_BIRTH_DATE
  const birthGiven = record.birthDate
  if (birthGiven !== undefined && birthGiven !== null && typeof birthGiven !== 'string' && isDate(birthGiven)) {
    const read = birthOfDate(reader, birthGiven)
    if (read !== undefined) ({ birth, text: birthDate } = read)
  } else {
    const birthDateGiven = reader.string(AT.birthDate, birthGiven, true)
    if (birthDateGiven !== undefined) {
      birthDate = trimmed(birthDateGiven)
      birth = birthOf(reader, birthDateGiven, birthDate) ?? NO_BIRTH_DATE
    }
  }
  const zoneText = reader.string(AT.timeZone, record.timeZone, true)
  const school = record.secondarySchool
  if (school !== undefined && school !== null && typeof school !== 'boolean') reader.wrongType(AT.secondarySchool, school, 'a boolean')
  const zonePlace = zoneText === undefined && placeZone !== undefined
  return {
    country: country ?? '',
    birthDate,
    birth,
    timeZone: zoneText === undefined ? placeZone : timeZoneOf(reader, zoneText),
    place: zonePlace ? place : undefined,
    secondarySchool: school === true,
    optOuts: listOf(reader, 'optOuts', record.optOuts, readOptOut, channels),
    optIns: listOf(reader, 'optIns', record.optIns, readOptIn, channels),
  }
}
