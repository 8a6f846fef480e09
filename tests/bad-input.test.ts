// The bad-input catalogue: for every field of the library and every CLI option,
// what a careful user feeds it by mistake, and what they should get back: a
// PolicyInputError naming the field (exit 2 for the CLI), or, where the input
// is acceptable, the right answer. Decisions are documented in the README.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runInNewContext } from 'node:vm'
import { describe, expect, test } from 'vitest'
import { coverage, dataUse, isPolicyInputError, linkedinGenAi, metaAiEu, resolveRegion, safeCoverage } from '../src/index'
import { definePolicy } from '../src/schemas'

type Outcome = { error: string; says?: string } | { answer: (run: () => unknown) => void }
type Case = { name: string; run: () => unknown; expect: Outcome }

const asOf = '2026-06-01T00:00:00Z'
const member = (fields: Record<string, unknown>) => () => coverage({ country: 'DE', ...fields } as never, { asOf })
const BERLIN_START = '2025-11-02T23:00:00.000Z'
const fromIs = (iso: string | null) => (run: () => unknown) => expect((run() as { from: Date | null }).from?.toISOString() ?? null).toBe(iso)
const createdIs = (from: string, until: string) => (run: () => unknown) => {
  const { createdFrom, createdUntil } = run() as { createdFrom: Date; createdUntil: Date }
  expect([createdFrom.toISOString(), createdUntil.toISOString()]).toEqual([from, until])
}
let nested: Record<string, unknown> = { leaf: true }
for (let depth = 0; depth < 5000; depth++) nested = { nested }

const library: Case[] = [
  // country
  { name: 'country "U.K." reads as a name of GB, as people type it', run: member({ country: 'U.K.', timeZone: 'Europe/London' }), expect: { answer: (run) => expect((run() as { country: string }).country).toBe('GB') } },
  { name: 'country "D.E." is refused with a suggestion', run: member({ country: 'D.E.' }), expect: { error: 'country', says: 'did you mean "DE" (DE)?' } },
  { name: 'country in full-width letters is refused with a suggestion', run: member({ country: 'ＤＥ' }), expect: { error: 'country', says: 'did you mean "DE" (DE)?' } },
  { name: 'country with a Greek Epsilon look-alike is refused', run: member({ country: 'DΕ' }), expect: { error: 'country', says: 'is not an ISO 3166-1 code' } },
  { name: 'country "ß" is refused (it upper-cases to SS, South Sudan)', run: member({ country: 'ß' }), expect: { error: 'country' } },
  { name: 'country "ıt" is refused (dotless i upper-cases to IT)', run: member({ country: 'ıt' }), expect: { error: 'country' } },
  { name: 'country "" is refused', run: member({ country: '' }), expect: { error: 'country', says: '"" is empty' } },
  { name: 'country of spaces is refused', run: member({ country: '  \t ' }), expect: { error: 'country', says: 'is empty' } },
  { name: 'country with surrounding spaces is accepted', run: member({ country: ' de ' }), expect: { answer: fromIs(BERLIN_START) } },
  { name: 'country with a zero-width space (pasted) reads as the name around it', run: member({ country: 'Germany\u200B' }), expect: { answer: fromIs(BERLIN_START) } },
  { name: 'country of a million characters is refused with a short message', run: member({ country: 'x'.repeat(1_000_000) }), expect: { error: 'country', says: 'xxx...' } },
  { name: 'country null is refused', run: member({ country: null }), expect: { error: 'country', says: 'expected a string, got null' } },
  { name: 'country as a number is refused', run: member({ country: 276 }), expect: { error: 'country', says: 'got 276' } },
  { name: 'country as an array is refused', run: member({ country: ['DE'] }), expect: { error: 'country', says: 'got an array' } },
  { name: 'country as an object is refused', run: member({ country: { code: 'DE' } }), expect: { error: 'country', says: 'got an object' } },
  { name: 'country as a two-digit numeric code is refused', run: member({ country: '40' }), expect: { error: 'country', says: 'three digits' } },
  // birthDate
  { name: 'birthDate 2025-13-01 is refused', run: member({ birthDate: '2025-13-01' }), expect: { error: 'birthDate', says: 'is not a real calendar date' } },
  { name: 'birthDate 0000-01-01 is refused', run: member({ birthDate: '0000-01-01' }), expect: { error: 'birthDate', says: 'is not a real calendar date' } },
  { name: 'birthDate +275760-09-13 is refused', run: member({ birthDate: '+275760-09-13' }), expect: { error: 'birthDate', says: 'expected YYYY-MM-DD, YYYY-MM or YYYY' } },
  { name: 'birthDate with a time is refused', run: member({ birthDate: '2008-02-29T00:00:00Z' }), expect: { error: 'birthDate' } },
  { name: 'birthDate in full-width digits is refused', run: member({ birthDate: '２００８' }), expect: { error: 'birthDate' } },
  { name: 'birthDate in day/month/year order is refused', run: member({ birthDate: '29/02/2008' }), expect: { error: 'birthDate' } },
  { name: 'birthDate "" is refused', run: member({ birthDate: '' }), expect: { error: 'birthDate', says: 'is empty' } },
  { name: 'birthDate as a number is refused', run: member({ birthDate: 2008 }), expect: { error: 'birthDate', says: 'got 2008' } },
  { name: 'birthDate with surrounding spaces is accepted', run: member({ birthDate: ' 2008-02-29 ', timeZone: 'Europe/Berlin' }), expect: { answer: fromIs('2026-02-28T23:00:00.000Z') } },
  { name: 'birthDate null reads as not given', run: member({ birthDate: null }), expect: { answer: (run) => expect((run() as { reasons: { code: string }[] }).reasons.map((reason) => reason.code)).toContain('age-not-given') } },
  // timeZone
  { name: 'timeZone Europe/berlin is accepted and canonicalised', run: member({ timeZone: 'Europe/berlin' }), expect: { answer: fromIs(BERLIN_START) } },
  { name: 'timeZone UTC+1 is refused: a fixed offset is not a zone', run: member({ timeZone: 'UTC+1' }), expect: { error: 'timeZone', says: 'is a fixed offset, not a time zone' } },
  { name: 'timeZone +01:00 is refused', run: member({ timeZone: '+01:00' }), expect: { error: 'timeZone', says: 'fixed offset' } },
  { name: 'timeZone Mars/Olympus is refused', run: member({ timeZone: 'Mars/Olympus' }), expect: { error: 'timeZone', says: 'is not an IANA time zone' } },
  { name: 'timeZone "" is refused', run: member({ timeZone: '' }), expect: { error: 'timeZone' } },
  { name: 'timeZone with a trailing space is accepted', run: member({ timeZone: 'Europe/Berlin ' }), expect: { answer: fromIs(BERLIN_START) } },
  { name: 'timeZone with a leading tab is accepted', run: member({ timeZone: '\tEurope/Berlin' }), expect: { answer: fromIs(BERLIN_START) } },
  { name: 'timeZone Asia/Calcutta (an alias) is accepted', run: () => coverage({ country: 'IN', timeZone: 'Asia/Calcutta' }, { asOf }), expect: { answer: fromIs('2024-09-17T18:30:00.000Z') } },
  { name: 'timeZone as a number is refused', run: member({ timeZone: 1 }), expect: { error: 'timeZone' } },
  // secondarySchool
  { name: 'secondarySchool "true" (a string) is refused', run: member({ secondarySchool: 'true' }), expect: { error: 'secondarySchool', says: 'expected a boolean, got "true"' } },
  { name: 'secondarySchool 1 is refused', run: member({ secondarySchool: 1 }), expect: { error: 'secondarySchool' } },
  { name: 'secondarySchool null reads as not given', run: member({ secondarySchool: null }), expect: { answer: fromIs(BERLIN_START) } },
  // optOuts
  { name: 'optOuts as an object is refused', run: member({ optOuts: {} }), expect: { error: 'optOuts', says: 'expected an array, got an object' } },
  { name: 'optOuts entry as an array is refused', run: member({ optOuts: [['2025-12-01T00:00:00Z', 'setting']] }), expect: { error: 'optOuts[0]', says: 'expected an object, got an array' } },
  { name: 'optOuts entry null is refused', run: member({ optOuts: [null] }), expect: { error: 'optOuts[0]', says: 'got null' } },
  { name: 'optOuts at without an offset is refused', run: member({ optOuts: [{ at: '2025-12-01T00:00:00', via: 'setting' }] }), expect: { error: 'optOuts[0].at', says: 'has no offset' } },
  { name: 'optOuts at with a leap second is refused', run: member({ optOuts: [{ at: '2016-12-31T23:59:60Z', via: 'setting' }] }), expect: { error: 'optOuts[0].at', says: 'leap seconds' } },
  { name: 'optOuts at with offset +25:00 is refused', run: member({ optOuts: [{ at: '2025-12-01T00:00:00+25:00', via: 'setting' }] }), expect: { error: 'optOuts[0].at', says: 'beyond ±23:59' } },
  { name: 'optOuts at +275760-09-13 is refused', run: member({ optOuts: [{ at: '+275760-09-13T00:00:00Z', via: 'setting' }] }), expect: { error: 'optOuts[0].at' } },
  { name: 'optOuts at 2025-13-01 is refused', run: member({ optOuts: [{ at: '2025-13-01T00:00:00Z', via: 'setting' }] }), expect: { error: 'optOuts[0].at', says: 'no such calendar date' } },
  { name: 'optOuts at an invalid Date is refused', run: member({ optOuts: [{ at: new Date(Number.NaN), via: 'setting' }] }), expect: { error: 'optOuts[0].at', says: 'an invalid Date' } },
  { name: 'optOuts at an epoch number is refused', run: member({ optOuts: [{ at: 1_764_547_200_000, via: 'setting' }] }), expect: { error: 'optOuts[0].at', says: 'is not an instant' } },
  { name: 'optOuts via "Setting" (case) is refused', run: member({ optOuts: [{ at: '2025-12-01T00:00:00Z', via: 'Setting' }] }), expect: { error: 'optOuts[0].via', says: 'got "Setting"' } },
  { name: 'optOuts via missing is refused', run: member({ optOuts: [{ at: '2025-12-01T00:00:00Z' }] }), expect: { error: 'optOuts[0].via', says: 'is missing' } },
  { name: 'optOuts entry with an extra field is refused', run: member({ optOuts: [{ at: '2025-12-01T00:00:00Z', via: 'setting', note: 'x' }] }), expect: { error: 'optOuts[0].note' } },
  { name: 'optOuts at nested 5000 deep is refused without overflowing', run: member({ optOuts: [{ at: nested, via: 'setting' }] }), expect: { error: 'optOuts[0].at', says: 'an object is not an instant' } },
  { name: 'optOuts at with spaces around it is accepted', run: member({ timeZone: 'Europe/Berlin', optOuts: [{ at: ' 2026-01-01T00:00:00Z ', via: 'setting' }] }), expect: { answer: (run) => expect((run() as { until: Date }).until.toISOString()).toBe('2026-01-01T00:00:00.000Z') } },
  { name: 'optOuts at ending in a no-break space is accepted', run: member({ timeZone: 'Europe/Berlin', optOuts: [{ at: '2026-01-01T00:00:00Z\u00a0', via: 'setting' }] }), expect: { answer: (run) => expect((run() as { until: Date }).until.toISOString()).toBe('2026-01-01T00:00:00.000Z') } },
  // optIns
  { name: 'optIns at as a number is refused', run: member({ optIns: [{ at: 12345 }] }), expect: { error: 'optIns[0].at' } },
  { name: 'optIns as a string is refused', run: member({ optIns: 'yesterday' }), expect: { error: 'optIns', says: 'expected an array, got "yesterday"' } },
  // the member object
  { name: 'member null is refused', run: () => coverage(null as never), expect: { error: '', says: 'got null' } },
  { name: 'member as an array is refused', run: () => coverage([{ country: 'DE' }] as never), expect: { error: '', says: 'got an array' } },
  { name: 'member as a string is refused', run: () => coverage('DE' as never), expect: { error: '', says: 'got "DE"' } },
  { name: 'member as a Date is refused', run: () => coverage(new Date() as never), expect: { error: '', says: 'expected an object, got a Date' } },
  { name: 'member as a Date of another realm is refused', run: () => coverage(runInNewContext('new Date(0)') as never), expect: { error: '', says: 'expected an object, got a Date' } },
  { name: 'member as an array of another realm is refused', run: () => coverage(runInNewContext('[]') as never), expect: { error: '', says: 'got an array' } },
  { name: 'a member of another realm is accepted', run: () => coverage(runInNewContext("({ country: 'DE', timeZone: 'Europe/Berlin' })"), { asOf }), expect: { answer: fromIs(BERLIN_START) } },
  { name: 'a member without a prototype is accepted', run: () => coverage(Object.assign(Object.create(null), { country: 'DE', timeZone: 'Europe/Berlin' }), { asOf }), expect: { answer: fromIs(BERLIN_START) } },
  { name: 'member with a JSON __proto__ key is refused', run: () => coverage(JSON.parse('{"country":"DE","__proto__":{"secondarySchool":true}}')), expect: { error: '__proto__' } },
  { name: 'member with a constructor key is refused', run: member({ constructor: { name: 'x' } }), expect: { error: 'constructor' } },
  { name: 'member with a misspelt field is refused', run: member({ birth_date: '2008-02-29' }), expect: { error: 'birth_date', says: 'is not a known field' } },
  { name: 'a deeply frozen member is accepted', run: () => coverage(Object.freeze({ country: 'DE', timeZone: 'Europe/Berlin', optOuts: Object.freeze([Object.freeze({ at: '2026-01-01T00:00:00Z', via: 'setting' as const })]) }), { asOf }), expect: { answer: fromIs(BERLIN_START) } },
  { name: 'a transparent Proxy member is accepted', run: () => coverage(new Proxy({ country: 'DE', timeZone: 'Europe/Berlin' }, {}), { asOf }), expect: { answer: fromIs(BERLIN_START) } },
  { name: 'a Proxy whose trap throws is refused, not crashed on', run: () => coverage(new Proxy({ country: 'DE' }, { get() { throw new Error('trap') } }), { asOf }), expect: { error: '', says: 'could not be read: trap' } },
  { name: 'a getter for country is read', run: () => coverage({ get country() { return 'DE' }, timeZone: 'Europe/Berlin' }, { asOf }), expect: { answer: fromIs(BERLIN_START) } },
  // Readers are reused between queries: a query made while another is being read must not share one.
  { name: 'a getter that queries the library (refused there) leaves the outer answer intact', run: () => coverage({ get country() { return safeCoverage({ country: 'Atlantis' }).success ? 'FR' : 'DE' }, timeZone: 'Europe/Berlin' }, { asOf }), expect: { answer: fromIs(BERLIN_START) } },
  { name: "a getter that queries the library (answered there) keeps the outer member's own error", run: () => coverage({ get country() { return safeCoverage({ country: 'FR' }).success ? 'DE' : 'FR' }, birthDate: 'soon' }), expect: { error: 'birthDate', says: '"soon" is not a birth date' } },
  // options
  { name: 'asOf 2026-13-01 is refused', run: () => coverage({ country: 'DE' }, { asOf: '2026-13-01T00:00:00Z' }), expect: { error: 'asOf', says: 'no such calendar date' } },
  { name: 'asOf "" is refused', run: () => coverage({ country: 'DE' }, { asOf: '' }), expect: { error: 'asOf' } },
  { name: 'asOf a date without a time is refused', run: () => coverage({ country: 'DE' }, { asOf: '2026-06-01' }), expect: { error: 'asOf', says: 'a date without a time' } },
  { name: 'asOf an invalid Date is refused', run: () => coverage({ country: 'DE' }, { asOf: new Date(Number.NaN) }), expect: { error: 'asOf' } },
  { name: 'asOf +275760-09-13 is refused', run: () => coverage({ country: 'DE' }, { asOf: '+275760-09-13T00:00:00Z' }), expect: { error: 'asOf' } },
  { name: 'options null is refused', run: () => coverage({ country: 'DE' }, null as never), expect: { error: '', says: 'got null' } },
  { name: 'options with an unknown key is refused', run: () => coverage({ country: 'DE' }, { as_of: asOf } as never), expect: { error: 'as_of' } },
  { name: 'options.policy null is refused', run: () => coverage({ country: 'DE' }, { policy: null as never }), expect: { error: 'policy', says: 'null is not a policy object' } },
  { name: 'options.policy {} is refused as a policy', run: () => coverage({ country: 'DE' }, { policy: {} as never }), expect: { error: '', says: 'Invalid policy' } },
  { name: 'definePolicy({}) is refused, naming its missing parts', run: () => definePolicy({} as never), expect: { error: 'id', says: 'is missing' } },
  { name: 'options.policy a changed copy of a built-in policy, unchecked, is refused as a policy', run: () => coverage({ country: 'DE' }, { policy: { ...linkedinGenAi, extra: 1 } as never }), expect: { error: '', says: 'Invalid policy' } },
  { name: 'optOuts via "setting" under the Meta policy (not one of its channels) is refused', run: () => coverage({ country: 'DE', optOuts: [{ at: '2025-12-01T00:00:00Z', via: 'setting' as 'objection-form' }] }, { policy: metaAiEu }), expect: { error: 'optOuts[0].via', says: 'expected one of "objection-form", got "setting"' } },
  // data items
  { name: 'item category as a number is refused', run: () => dataUse({ country: 'DE' }, { category: 5 as never, createdAt: asOf }), expect: { error: 'category' } },
  // POLICY.md: a local time without a zone is accepted, as the range of instants it can be.
  { name: 'item createdAt without an offset is accepted, as a range', run: () => dataUse({ country: 'DE' }, { category: 'profile', createdAt: '2025-01-01T00:00' }, { asOf }), expect: { answer: createdIs('2024-12-31T10:00:00.000Z', '2025-01-01T12:00:00.000Z') } },
  { name: 'item createdAt a day is accepted, as a range', run: () => dataUse({ country: 'DE' }, { category: 'profile', createdAt: '2025-01-01' }, { asOf }), expect: { answer: createdIs('2024-12-31T10:00:00.000Z', '2025-01-02T11:59:59.999Z') } },
  { name: 'item createdAt a day with a zone is accepted, as that day there', run: () => dataUse({ country: 'DE' }, { category: 'profile', createdAt: '2025-01-01', timeZone: 'Europe/Berlin' }, { asOf }), expect: { answer: createdIs('2024-12-31T23:00:00.000Z', '2025-01-01T22:59:59.999Z') } },
  { name: 'item createdAt local time with an impossible date is refused', run: () => dataUse({ country: 'DE' }, { category: 'profile', createdAt: '2025-13-01 10:00:00' }), expect: { error: 'createdAt', says: '"2025-13-01 10:00:00"' } },
  { name: 'item createdAt an impossible day is refused', run: () => dataUse({ country: 'DE' }, { category: 'profile', createdAt: '2025-02-30' }), expect: { error: 'createdAt', says: '"2025-02-30"' } },
  { name: 'item createdAt in day/month/year order is refused', run: () => dataUse({ country: 'DE' }, { category: 'profile', createdAt: '01/01/2025' }), expect: { error: 'createdAt', says: '"01/01/2025"' } },
  { name: 'item timeZone Mars/Olympus is refused', run: () => dataUse({ country: 'DE' }, { category: 'profile', createdAt: '2025-01-01', timeZone: 'Mars/Olympus' }), expect: { error: 'timeZone', says: '"Mars/Olympus" is not an IANA time zone' } },
  { name: 'item with an unknown field is refused', run: () => dataUse({ country: 'DE' }, { category: 'profile', createdAt: '2025-01-01', zone: 'Europe/Berlin' } as never), expect: { error: 'zone', says: 'is not a known field' } },
  { name: 'item null is refused', run: () => dataUse({ country: 'DE' }, null as never), expect: { error: '', says: 'got null' } },
  { name: 'item category "" is answered undetermined', run: () => dataUse({ country: 'DE' }, { category: '', createdAt: asOf }), expect: { answer: (run) => expect((run() as { status: string }).status).toBe('undetermined') } },
  { name: 'resolveRegion(undefined) is refused', run: () => resolveRegion(undefined as never), expect: { error: '', says: 'expected a string, got undefined' } },
]

describe('bad input to the library', () => {
  for (const { name, run, expect: outcome } of library) {
    test(name, () => {
      if ('answer' in outcome) return outcome.answer(run)
      let caught: unknown
      try {
        run()
      } catch (error) {
        caught = error
      }
      expect(isPolicyInputError(caught), String(caught)).toBe(true)
      const error = caught as { issues: { path: (string | number)[] }[]; message: string }
      const path = error.issues[0]?.path ?? []
      const text = path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${key}`)).join('').replace(/^\./, '')
      expect(text).toBe(outcome.error)
      if (outcome.says !== undefined) expect(error.message).toContain(outcome.says)
      expect(error.message.length).toBeLessThan(1000)
    })
  }
})

const CLI = new URL('../dist/cli.js', import.meta.url).pathname
// Policy files a user may pass to --policy by mistake.
const files = mkdtempSync(join(tmpdir(), 'ai-training-scope-bad-input-'))
const policyFile = (name: string, text: string) => {
  const path = join(files, name)
  writeFileSync(path, text)
  return path
}
const wrongPolicy = policyFile('wrong.json', `${JSON.stringify({ ...linkedinGenAi, id: 1 })}\n`)
const notJson = policyFile('not-json.json', 'not json\n')
const cli: { args: string[]; code: 0 | 2; says: string | RegExp; name?: string }[] = [
  { args: ['check', '--country', 'D.E.'], code: 2, says: '--country "D.E." is not an ISO 3166-1 code or a country name (in any language known here); did you mean "DE" (DE)?' },
  { args: ['check', '--country', 'Korea'], code: 2, says: '--country "Korea" fits more than one country: KP (North Korea), KR (South Korea); give its code or its full name' },
  { args: ['check', '--country', 'Congo'], code: 2, says: '--country "Congo" fits more than one country: CG (Congo in en' },
  { args: ['check', '--country', ''], code: 2, says: '--country "" is empty' },
  { args: ['check', '--country', 'ß'], code: 2, says: '--country "ß"' },
  { args: ['check', '--country', ' DE '], code: 0, says: 'Country: Germany (DE)' },
  { args: ['check', '--country', 'DE', '--birth-date', '2025-13-01'], code: 2, says: '--birth-date "2025-13-01" is not a real calendar date' },
  { args: ['check', '--country', 'DE', '--birth-date', '0000-01-01'], code: 2, says: '--birth-date' },
  { args: ['check', '--country', 'DE', '--birth-date', '+275760-09-13'], code: 2, says: '--birth-date' },
  { args: ['check', '--country', 'DE', '--time-zone', 'UTC+1'], code: 2, says: '--time-zone "UTC+1" is a fixed offset' },
  { args: ['check', '--country', 'DE', '--time-zone', 'Europe/berlin'], code: 0, says: 'Since: 2025-11-03 00:00 Europe/Berlin (2025-11-02 23:00 UTC)' },
  { args: ['check', '--country', 'DE', '--secondary-school=yes'], code: 2, says: "Option '--secondary-school' does not take an argument" },
  { args: ['check', '--country', 'DE', '--opt-out', '2016-12-31T23:59:60Z'], code: 2, says: '--opt-out "2016-12-31T23:59:60Z" has second 60' },
  { args: ['check', '--country', 'DE', '--opt-out', '2025-12-01T00:00:00+25:00'], code: 2, says: '--opt-out' },
  { args: ['check', '--country', 'DE', '--opt-out', '2025-12-01T00:00:00Z,Setting'], code: 2, says: '--opt-out' },
  { args: ['check', '--country', 'DE', '--opt-in', '2025-12-01'], code: 2, says: '--opt-in "2025-12-01" is a date without a time' },
  { args: ['check', '--country', 'DE', '--as-of', '+275760-09-13T00:00:00Z'], code: 2, says: '--as-of' },
  { args: ['check', '--country', 'DE', '--json=true'], code: 2, says: "Option '--json' does not take an argument" },
  { args: ['check', '--country', 'DE', '--lang', 'qq'], code: 2, says: '--lang "qq" is not one of' },
  { args: ['check', '--country', 'DE', '--as-of', 'tomorrow'], code: 2, says: '--as-of "tomorrow" is not an ISO 8601 instant' },
  { args: ['batch', '-', '--format', 'CSV'], code: 2, says: '--format "CSV" is not ndjson or csv' },
  { args: ['batch', '-', '--jobs', '1.5'], code: 2, says: '--jobs "1.5"' },
  { args: ['batch', '-', '--jobs', 'two'], code: 2, says: '--jobs "two"' },
  { args: ['batch', '-', '--jobs', '999'], code: 2, says: '--jobs "999"' },
  { args: ['batch', '-', '--out', '/nonexistent-folder/answers.ndjson'], code: 2, says: '--out "/nonexistent-folder/answers.ndjson" cannot be written: ENOENT' },
  { args: ['batch', '-', '--as-of', '2026-06-01'], code: 2, says: '--as-of "2026-06-01" is a date without a time' },
  { args: ['regions', '--lang', 'xx'], code: 2, says: '--lang "xx"' },
  { args: ['check', '--country', 'DE', '--policy', 'linkedin'], code: 2, says: /--policy "?linkedin"?:? is neither a built-in policy \(linkedin-genai, meta-ai-eu\)/ },
  { args: ['check', '--country', 'DE', '--policy', '/nonexistent-folder/policy.json'], code: 2, says: '/nonexistent-folder/policy.json' },
  // Issue 18: a policy file is checked by policySchema, and its errors name the path inside the file.
  { args: ['check', '--country', 'DE', '--policy', wrongPolicy], name: 'check --country DE --policy wrong.json (id is 1)', code: 2, says: /\bid\b: expected a string, got 1/ },
  { args: ['check', '--country', 'DE', '--policy', notJson], name: 'check --country DE --policy not-json.json', code: 2, says: 'not valid JSON' },
  { args: ['check', '--country', 'DE', '--policy', 'meta-ai-eu', '--opt-out', '2025-12-01T00:00:00Z,setting'], code: 2, says: 'expected one of "objection-form", got "setting"' },
  { args: ['check', '--country', 'US', '--policy', 'meta-ai-eu'], code: 0, says: 'outside this policy' },
  { args: ['policy', '--json=1'], code: 2, says: "Option '--json' does not take an argument" },
]

describe('bad input to the CLI', () => {
  for (const { args, code, says, name = args.join(' ') } of cli) {
    test(`${name} -> exit ${code}`, () => {
      const run = spawnSync(process.execPath, [CLI, ...args, ...(args[0] === 'check' ? ['--as-of', asOf].filter(() => !args.includes('--as-of')) : [])], { input: '', encoding: 'utf8' })
      expect(run.status).toBe(code)
      if (code === 2) {
        expect(run.stderr.split('\n')).toHaveLength(2)
        expect(run.stderr).toMatch(says)
        expect(run.stdout).toBe('')
      } else {
        expect(run.stdout).toMatch(says)
      }
    })
  }
})

test('the catalogue holds at least 60 bad inputs', () => {
  expect(library.length + cli.length).toBeGreaterThanOrEqual(60)
})
