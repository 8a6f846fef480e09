// Reading a member's LinkedIn data export and answering each item: every file
// of LINKEDIN-EXPORT.md's table with its quirks, on synthetic archives only
// (tests/archive-maker.ts).
import fc from 'fast-check'
import { strToU8 } from 'fflate'
import { describe, expect, test } from 'vitest'
import { archiveReport, readArchive, type Archive } from '../src/archive'
import { isPolicyInputError, metaAiEu, PolicyInputError } from '../src/index'
import { makeArchive, plainRows, type RowSpec } from './archive-maker'
import { thrown } from './thrown'

const layouts = [
  { layout: 'basic', year: 2024 },
  { layout: 'basic', year: 2026 },
  { layout: 'complete', year: 2024 },
  { layout: 'complete', year: 2026 },
] as const

/** Items and malformed rows of one file, by line. */
function linesOf(archive: Archive, file: string) {
  return {
    items: archive.items.filter((item) => item.file === file).map((item) => item.line),
    malformed: archive.malformed.filter((row) => row.file === file).map((row) => row.line),
  }
}

/** Every row the maker wrote gave an item on its line, or a malformed row on its line: nothing lost, nothing doubled. */
function expectEveryRowAccounted(made: ReturnType<typeof makeArchive>, archive: Archive) {
  for (const [file, starts] of Object.entries(made.rows)) {
    const got = linesOf(archive, file)
    expect(got, file).toEqual({ items: starts.filter((start) => !start.malformed).map((start) => start.line), malformed: starts.filter((start) => start.malformed).map((start) => start.line) })
    const read = archive.files.find((each) => each.file === file)
    expect(read?.rows, file).toBe(starts.length)
  }
  expect(archive.items.length).toBe(made.items)
}

describe('readArchive: the four layouts', () => {
  for (const { layout, year } of layouts) {
    test(`${layout} ${year}: every row gives one item or one malformed row, on its line`, () => {
      const made = makeArchive({ layout, year, rows: plainRows(7, Date.UTC(year - 1, 2, 1), 3) })
      const archive = readArchive(made.zip(), { name: made.name })
      expectEveryRowAccounted(made, archive)
      expect(archive.layout).toBe(layout)
      expect(archive.exported?.from.toISOString()).toBe(year === 2026 ? '2026-03-07T10:00:00.000Z' : '2024-10-10T10:00:00.000Z')
      expect(archive.registered?.from.toISOString()).toBe('2013-03-06T19:05:00.000Z')
      expect(archive.skipped.find((file) => file.file === 'Connections.csv')?.reason).toBe('not-content')
      expect(archive.countryHints[0]).toEqual({ file: 'Profile.csv', column: 'Geo Location', value: 'Berlin, Germany' })
    })
  }

  test('the ZIP and its files as text read the same', () => {
    const made = makeArchive({ layout: 'complete', year: 2026, rows: plainRows(4, Date.UTC(2025, 0, 1), 3) })
    const fromZip = readArchive(made.zip(), { name: made.name })
    const fromFiles = readArchive(made.files, { name: made.name })
    expect(fromFiles).toEqual(fromZip)
    expect(readArchive(made.zip().buffer as ArrayBuffer, { name: made.name })).toEqual(fromZip)
  })
})

const SHARES = 'Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility'
const APPLICATIONS = 'Application Date,Contact Email,Contact Phone Number,Company Name,Job Title,Job Url,Resume Name,Question And Answers'
const MESSAGES = 'CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER'
const AT = '2024-10-11 09:30:00'
/** A local time without a zone: the wall time in every zone from UTC+14 to UTC-12. */
const RANGE = { from: '2024-10-10T19:30:00.000Z', until: '2024-10-11T21:30:00.000Z' }

/** The quirks of LINKEDIN-EXPORT.md, one archive each: what each item reads as. */
const quirks: readonly { name: string; files: Record<string, string>; items: readonly (readonly [string, string, string | null, number, string])[]; malformed?: readonly (readonly [string, number])[] }[] = [
  {
    name: 'a suffixed Shares file, CRLF, a quoted multi-line commentary with a stray "" line',
    files: { 'Shares_8842.csv': `${SHARES}\r\n${AT},https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A1,"First line\r\n""\r\nlast, line",,,MEMBER_NETWORK\r\n2024-10-12 10:00:00,https://x.invalid/2,Two,,,MEMBER_NETWORK\r\n` },
    items: [
      ['Shares_8842.csv', 'content', RANGE.from, 2, 'First line\r\n"\r\nlast, line'],
      ['Shares_8842.csv', 'content', '2024-10-11T20:00:00.000Z', 5, 'Two'],
    ],
  },
  {
    name: 'a share in a group is group activity; SharedURL in either case',
    files: { 'Shares.csv': `Date,ShareLink,ShareCommentary,SharedURL,MediaURL,Visibility\n${AT},https://www.linkedin.com/feed/update/urn:li:groupPost:5-6,In a group,,,MEMBER_NETWORK\n` },
    items: [['Shares.csv', 'group-activity', RANGE.from, 2, 'In a group']],
  },
  {
    name: '2024 Comments: an unquoted multi-line message with commas continues until the next timestamp',
    files: { 'Comments.csv': `Date,Link,Message\r\n${AT},https://x.invalid/1,Yes, and\r\nmore, on a second line\r\n\r\n2024-10-12 10:00:00,https://x.invalid/2,Short\r\n` },
    items: [
      ['Comments.csv', 'content', RANGE.from, 2, 'Yes, and\nmore, on a second line'],
      ['Comments.csv', 'content', '2024-10-11T20:00:00.000Z', 5, 'Short'],
    ],
  },
  {
    name: '2025 Comments: quotes escaped as \\" inside a quoted message, a line break too',
    files: { 'Comments_1.csv': `Date,Link,Message\n${AT},https://x.invalid/1,"She said \\"no\\", then\n2024 was over"\n2024-10-12 10:00:00,"https://x.invalid/2","Plain ""doubled"" quotes"\n` },
    items: [
      ['Comments_1.csv', 'content', RANGE.from, 2, 'She said "no", then\n2024 was over'],
      ['Comments_1.csv', 'content', '2024-10-11T20:00:00.000Z', 4, 'Plain "doubled" quotes'],
    ],
  },
  {
    name: 'a comment line that starts with no timestamp right after the header is a malformed row',
    files: { 'Comments.csv': `Date,Link,Message\nstray text\n${AT},https://x.invalid/1,Fine\n` },
    items: [['Comments.csv', 'content', RANGE.from, 3, 'Fine']],
    malformed: [['Comments.csv', 2]],
  },
  {
    name: '2026 messages.csv: every field quoted, header too, two more columns; dates in UTC are instants',
    files: { 'messages.csv': `${[...MESSAGES.split(','), 'ATTACHMENTS', 'IS MESSAGE DRAFT'].map((column) => `"${column}"`).join(',')}\n"c1","","Ada","","Bo","","2026-01-02 10:00:00 UTC","Hello","How are you?","INBOX","","false"\n` },
    items: [['messages.csv', 'private-message', '2026-01-02T10:00:00.000Z', 2, 'Hello\nHow are you?']],
  },
  {
    name: 'messages.csv before mid-2023: nine columns, no FOLDER',
    files: { 'messages.csv': `${MESSAGES.replace(',FOLDER', '')}\nc1,,Ada,,Bo,,2023-01-02 10:00:00 UTC,,Hi\n` },
    items: [['messages.csv', 'private-message', '2023-01-02T10:00:00.000Z', 2, 'Hi']],
  },
  {
    name: 'AI coach files: "No conversations found", header only, and turns',
    files: {
      'learning_coach_messages.csv': 'No conversations found\n',
      'guide_messages.csv': `${MESSAGES}\n`,
      'learning_role_play_messages.csv': `${MESSAGES}\nc1,,Ada,,Coach,,2026-02-01 08:00:00 UTC,,How do I negotiate?,INBOX\n`,
    },
    items: [['learning_role_play_messages.csv', 'genai-interaction', '2026-02-01T08:00:00.000Z', 2, 'How do I negotiate?']],
  },
  {
    name: 'articles: dated by a 2026 name, by a created paragraph, or not at all',
    files: {
      'Articles/Articles/2026-03-08 10_15_00.0-On building.html': '<html><title>On building</title><p class="created">Created on 2026-03-08 10:15</p></html>',
      'Articles/Articles/Later.html': '<html><head><title>Later</title></head><p class="created">Created on 2025-11-02 23:30</p></html>',
      'Articles/Articles/Old.html': '<html><head><title>An old one</title></head><p>Text</p></html>',
    },
    items: [
      ['Articles/Articles/2026-03-08 10_15_00.0-On building.html', 'content', '2026-03-07T20:15:00.000Z', 1, 'On building'],
      ['Articles/Articles/Later.html', 'content', '2025-11-02T09:30:00.000Z', 1, 'Later'],
      ['Articles/Articles/Old.html', 'content', null, 1, 'An old one'],
    ],
  },
  {
    name: 'Rich_Media: the date is a sentence in GMT; 2026 wrote ? for non-ASCII, the space before PM too',
    files: {
      'Rich_Media.csv': 'Date/Time,Media Description,Media Link\n"You uploaded a video on March 8, 2026 at 4:05 AM (GMT)",Caf? talk,https://x.invalid/1\n"You uploaded a photo on December 31, 2025 at 12:30?PM (GMT)",,https://x.invalid/2\n',
      'Rich Media.csv': 'Date/Time,Media Description,Media Link\n"You uploaded a photo on January 1, 2024 at 12:00 AM (GMT)",Older,https://x.invalid/3\n',
    },
    items: [
      ['Rich Media.csv', 'content', '2024-01-01T00:00:00.000Z', 2, 'Older'],
      ['Rich_Media.csv', 'content', '2026-03-08T04:05:00.000Z', 2, 'Caf? talk'],
      ['Rich_Media.csv', 'content', '2025-12-31T12:30:00.000Z', 3, ''],
    ],
  },
  {
    name: 'job applications, split in two files, M/D/YY with no zone; receipts in UTC; endorsements with slashes',
    files: {
      'Jobs/Job Applications_1.csv': `${APPLICATIONS}\n"3/7/25, 9:05 PM",a@x.invalid,,Example,Engineer,,,\n`,
      'Jobs/Job Applications_2.csv': `${APPLICATIONS}\n"12/31/24, 12:00 AM",a@x.invalid,,Other,Writer,,,\n`,
      'Receipts_v2.csv': 'First Name,Last Name,Billing Country,Postal Code,Transaction Made At,Payment Method Type,Invoice Number,Description,Tax Amount,Sub Total,Total Amount,Currency Code\nAda,E,Germany,10115,03/08/26 04:05 PM UTC,Card,1,Premium,1,2,3,EUR\n',
      'Endorsement_Received_Info.csv': 'Endorsement Date,Skill Name,Endorser First Name,Endorser Last Name,Endorser Public Url,Endorsement Status\n2025/06/01 08:00:00 UTC,Writing,Bo,S,,ACCEPTED\n',
    },
    items: [
      ['Endorsement_Received_Info.csv', 'profile', '2025-06-01T08:00:00.000Z', 2, 'Writing\nBo\nS\nACCEPTED'],
      ['Jobs/Job Applications_1.csv', 'job-application', '2025-03-07T07:05:00.000Z', 2, 'Example\nEngineer'],
      ['Jobs/Job Applications_2.csv', 'job-application', '2024-12-30T10:00:00.000Z', 2, 'Other\nWriter'],
      ['Receipts_v2.csv', 'payment', '2026-03-08T16:05:00.000Z', 2, 'Premium'],
    ],
  },
  {
    name: 'undated files: profile entries, saved answers, resumes; a row with too few fields is malformed',
    files: {
      'Positions.csv': 'Company Name,Title,Description,Location,Started On,Finished On\nExample,Engineer,,Berlin,Jan 2020,\nbroken row\n',
      'Jobs/Job Applicant Saved Answers.csv': 'Question,Answer\nYears?,Five\n',
      'Private_identity_asset.csv': 'Private Identity Asset Name,Private Identity Asset Raw Text\nresume.pdf,Ada Example\n',
    },
    items: [
      ['Jobs/Job Applicant Saved Answers.csv', 'resume', null, 2, 'Years?\nFive'],
      ['Positions.csv', 'profile', null, 2, 'Example\nEngineer\nBerlin\nJan 2020'],
      ['Private_identity_asset.csv', 'resume', null, 2, 'resume.pdf'],
    ],
    malformed: [['Positions.csv', 3]],
  },
  {
    name: 'reactions and instant reposts: categories no policy names',
    files: { 'Reactions_3.csv': `Date,Type,Link\n${AT},LIKE,https://x.invalid/1\n`, 'InstantReposts_3.csv': `Date,Link\n${AT},https://x.invalid/2\n` },
    items: [
      ['InstantReposts_3.csv', 'repost', RANGE.from, 2, 'https://x.invalid/2'],
      ['Reactions_3.csv', 'reaction', RANGE.from, 2, 'LIKE'],
    ],
  },
]

describe('readArchive: the quirks of LINKEDIN-EXPORT.md', () => {
  for (const quirk of quirks) {
    test(quirk.name, () => {
      const archive = readArchive(quirk.files)
      expect(archive.items.map((item) => [item.file, item.category, item.created?.from.toISOString() ?? null, item.line, item.text])).toEqual(quirk.items)
      expect(archive.malformed.map((row) => [row.file, row.line])).toEqual(quirk.malformed ?? [])
    })
  }

  test('a date without a zone is the range of that wall time in every zone; in UTC it is one instant', () => {
    const { items } = readArchive({ 'Votes.csv': `Date,Link,OptionText\n${AT},https://x.invalid/1,Yes\n`, 'messages.csv': `${MESSAGES}\nc,,A,,B,,${AT} UTC,,Hi,INBOX\n` })
    expect(items.map((item) => [item.created?.from.toISOString(), item.created?.until.toISOString()])).toEqual([
      [RANGE.from, RANGE.until],
      ['2024-10-11T09:30:00.000Z', '2024-10-11T09:30:00.000Z'],
    ])
  })

  const skipped = [
    { file: 'Connections.csv', text: 'Notes:\n"When exporting your connection data..."\n\nFirst Name,Last Name,URL\nBo,S,https://x.invalid\n', reason: 'not-content' },
    { file: 'Learning.csv', text: 'Content Title,Content Type,\nA course,Course,\n', reason: 'not-content' },
    { file: 'Logins.csv', text: 'Login Date,IP Address\n', reason: 'not-content' },
    { file: 'Brand_New_Thing.csv', text: 'A\n1\n', reason: 'unknown' },
    { file: 'notes.txt', text: 'anything', reason: 'unknown' },
  ] as const
  for (const { file, text, reason } of skipped) {
    test(`${file} is listed as skipped (${reason}), not read`, () => {
      const archive = readArchive({ [file]: text })
      expect(archive.skipped.map((each) => [each.file, each.reason])).toEqual([[file, reason]])
      expect(archive.items).toEqual([])
    })
  }

  test('files with no rows say so', () => {
    const archive = readArchive({ 'Votes.csv': 'Date,Link,OptionText\n', 'coach_messages.csv': 'No conversations found', 'Skills.csv': '' })
    expect(archive.files.map((file) => [file.file, file.rows, file.note])).toEqual([
      ['Skills.csv', 0, 'empty'],
      ['Votes.csv', 0, 'header only'],
      ['coach_messages.csv', 0, 'No conversations found'],
    ])
  })

  const malformed = [
    { name: 'an impossible day', row: '2025-02-30 10:00:00,https://x.invalid,Yes', message: 'Date: date "2025-02-30 10:00:00" has no such calendar date' },
    { name: 'a date in no form of the export', row: 'last Tuesday,https://x.invalid,Yes', message: `Date: date "last Tuesday" is in none of the export's date forms` },
    { name: 'no date', row: ',https://x.invalid,Yes', message: 'Date: has no date' },
    { name: 'a field too many', row: `${AT},https://x.invalid,Yes,extra`, message: 'has 4 fields where the header has 3' },
    { name: 'a field too few', row: `${AT},https://x.invalid`, message: 'has 2 fields where the header has 3' },
  ]
  for (const { name, row, message } of malformed) {
    test(`a row with ${name} is counted with its file and line, never thrown`, () => {
      const archive = readArchive({ 'Votes.csv': `Date,Link,OptionText\n${AT},https://x.invalid,No\n${row}\n` })
      expect(archive.malformed).toEqual([{ file: 'Votes.csv', line: 3, message }])
      expect(archive.files[0]).toMatchObject({ rows: 2, items: 1, malformed: 1 })
    })
  }

  test('a header without its date column makes each row malformed', () => {
    const archive = readArchive({ 'Votes.csv': 'When,Link,OptionText\nx,y,z\n' })
    expect(archive.malformed).toEqual([{ file: 'Votes.csv', line: 2, message: 'the header has no Date column' }])
  })

  test('bytes that are not a ZIP are a PolicyInputError of kind archive', () => {
    const error = thrown(() => readArchive(strToU8('not a zip at all')))
    expect(error).toBeInstanceOf(PolicyInputError)
    expect(isPolicyInputError(error) && [error.input, error.issues[0]?.message.startsWith('is not a ZIP archive that can be read')]).toEqual(['archive', true])
  })
})

describe('archiveReport', () => {
  const asOf = '2026-06-01T00:00:00Z'
  const made = makeArchive({ layout: 'complete', year: 2026, rows: plainRows(5, Date.UTC(2024, 0, 1), 0) })
  const archive = readArchive(made.zip(), { name: made.name })

  test('counts every item once, by category and by status', () => {
    const report = archiveReport({ country: 'DE', timeZone: 'Europe/Berlin' }, archive, { asOf })
    const total = Object.values(report.counts).reduce((sum, byStatus) => sum + Object.values(byStatus).reduce((a, b) => a + b, 0), 0)
    expect(total).toBe(archive.items.length)
    expect(Object.values(report.statuses).reduce((sum, each) => sum + each.count, 0)).toBe(archive.items.length)
    expect(report.counts['private-message']).toEqual({ 'in-scope': 0, retained: 0, undetermined: 0, 'out-of-scope': 5 })
    expect(report.counts.reaction).toEqual({ 'in-scope': 0, retained: 0, undetermined: 5, 'out-of-scope': 0 })
    expect(report.items.every((each, index) => each.item === archive.items[index])).toBe(true)
  })

  test('the oldest and newest item of each status', () => {
    const report = archiveReport({ country: 'DE', timeZone: 'Europe/Berlin' }, archive, { asOf })
    const inScope = report.items.filter((each) => each.status === 'in-scope' && each.item.created !== null).map((each) => each.item)
    const oldest = Math.min(...inScope.map((item) => item.created?.from.getTime() ?? Infinity))
    expect(report.statuses['in-scope'].oldest?.created?.from.getTime()).toBe(oldest)
    expect(report.statuses['in-scope'].newest?.file).toBe('Articles/Articles/2026-03-08 10_15_00.0-On building things.html')
    expect(report.statuses.retained).toEqual({ count: 0, oldest: null, newest: null })
  })

  test('a zoneless export time stays a range when the member gives a zone: undetermined where a boundary falls inside it', () => {
    // Hong Kong's 2024 pause began at the start of 11 October 2024 there (16:00 UTC on the 10th); the member opted out after it.
    const member = { country: 'HK', timeZone: 'Asia/Hong_Kong', optOuts: [{ at: '2025-10-20T09:00:00+08:00', via: 'setting' as const }] }
    const votes = readArchive({ 'Votes.csv': 'Date,Link,OptionText\n2024-10-10 12:00:00,a,Yes\n2024-10-09 12:00:00,b,No\n2024-10-12 12:00:00,c,Maybe\n' })
    const report = archiveReport(member, votes, { asOf: '2026-01-01T00:00:00Z' })
    expect(report.items.map((each) => each.status)).toEqual(['undetermined', 'retained', 'out-of-scope'])
    expect(report.items[0]?.reasons.map((reason) => reason.code)).toContain('created-in-range')
  })

  test('an undated item lies between the registration and the export day', () => {
    const report = archiveReport({ country: 'DE' }, archive, { asOf })
    const profile = report.items.find((each) => each.item.file === 'Positions.csv')
    expect([profile?.createdFrom.toISOString(), profile?.createdUntil.toISOString()]).toEqual([archive.registered?.from.toISOString(), archive.exported?.until.toISOString()])
  })

  test("a policy that uses none of the export's categories (Meta's) is refused, naming it", () => {
    const error = thrown(() => archiveReport({ country: 'DE' }, archive, { asOf, policy: metaAiEu }))
    expect(isPolicyInputError(error) && [error.input, error.issues[0]?.path]).toEqual(['policy', ['categories']])
    expect((error as Error).message).toContain('policy "meta-ai-eu" uses none of the categories a LinkedIn export\'s items fall in')
  })

  test('a bad member is a PolicyInputError naming the field', () => {
    const error = thrown(() => archiveReport({ country: 'Atlantis' }, archive, { asOf }))
    expect(isPolicyInputError(error) && error.issues[0]?.path).toEqual(['country'])
  })
})

/** Texts a row may hold: commas, quotes, line breaks, non-ASCII; no digits, so no line of a message starts like a timestamp. */
const textArb = fc.string({ unit: fc.constantFrom('a', 'b', ' ', ',', '"', '\n', 'é', '—', '?', '\\'), minLength: 1, maxLength: 30 })
const rowArb = fc.record({ text: textArb, at: fc.integer({ min: Date.UTC(2013, 0, 1) / 1000, max: Date.UTC(2026, 5, 1) / 1000 }).map((s) => s * 1000), malformed: fc.boolean() })

/** The texts the two Comments styles cannot hold (LINKEDIN-EXPORT.md): an unquoted 2024 message starting with a quote, a backslash before a 2025 quote. */
const commentSafe = (spec: RowSpec, year: number): RowSpec => ({ ...spec, text: year === 2026 ? spec.text.replace(/\\/g, '/') : spec.text.replace(/^"/, "'") })

describe('property: every row of every known file gives exactly one item or one counted malformed row', () => {
  for (const { layout, year } of layouts) {
    test(`${layout} ${year}`, () => {
      fc.assert(
        fc.property(fc.array(rowArb, { maxLength: 40 }), (pool) => {
          const given = new Map<string, RowSpec[]>()
          const rows = (file: string) => {
            if (!given.has(file)) {
              const start = (given.size * 3) % Math.max(pool.length, 1)
              const specs = pool.slice(start, start + (given.size % 5))
              given.set(file, file.startsWith('Comments') ? specs.map((spec) => commentSafe(spec, year)) : specs)
            }
            return given.get(file) as RowSpec[]
          }
          const made = makeArchive({ layout, year, rows })
          expectEveryRowAccounted(made, readArchive(made.zip(), { name: made.name }))
        }),
        { numRuns: 40 },
      )
    })
  }
})
