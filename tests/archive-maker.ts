/**
 * Synthetic LinkedIn data exports for tests and the bench: no real person's
 * data. Every file of LINKEDIN-EXPORT.md's table in the Basic and Complete
 * layouts of 2024 and 2026, with the quirks the sheet records (suffixed
 * names, CRLF, `\"` escapes and unquoted multi-line comments, all-quoted
 * headers, header-only files, `No conversations found`, the Connections
 * preamble, article names and `created` paragraphs, Rich_Media's sentences
 * and `?` for non-ASCII). It records where each row starts, so tests can
 * check that every row gave one item or one counted malformed row.
 */
import { strToU8, zipSync } from 'fflate'

export type Layout = 'basic' | 'complete'
export type Year = 2024 | 2026

/** One row to write: its text, when it was made (epoch ms; written as each file writes dates) and whether to spoil it. */
export interface RowSpec {
  readonly text: string
  readonly at: number
  readonly malformed: boolean
}

export interface MakeOptions {
  readonly layout: Layout
  readonly year: Year
  /** The rows of each file with rows (profile files take at most 5). */
  readonly rows: (file: string) => readonly RowSpec[]
}

/** A made archive: its files, and for each file with rows the line each row starts on and whether it was spoiled. */
export interface Made {
  readonly name: string
  readonly files: Record<string, string>
  readonly rows: Record<string, readonly { line: number; malformed: boolean }[]>
  /** Items a correct reader gives: one per unspoiled row, plus one per article. */
  readonly items: number
  zip(): Uint8Array
}

const two = (value: number) => String(value).padStart(2, '0')
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

/** The dates as each file writes them (the wall time is the UTC time of `at`). */
const dates = {
  local: (at: Date) => `${at.getUTCFullYear()}-${two(at.getUTCMonth() + 1)}-${two(at.getUTCDate())} ${two(at.getUTCHours())}:${two(at.getUTCMinutes())}:${two(at.getUTCSeconds())}`,
  utc: (at: Date) => `${dates.local(at)} UTC`,
  slashUtc: (at: Date) => `${dates.local(at).replace(/-/g, '/')} UTC`,
  us: (at: Date, padded: boolean) => {
    const hour = at.getUTCHours() % 12 === 0 ? 12 : at.getUTCHours() % 12
    const pad = (value: number) => (padded ? two(value) : String(value))
    return `${pad(at.getUTCMonth() + 1)}/${pad(at.getUTCDate())}/${String(at.getUTCFullYear()).slice(2)}${padded ? '' : ','} ${pad(hour)}:${two(at.getUTCMinutes())} ${at.getUTCHours() < 12 ? 'AM' : 'PM'}`
  },
  sentence: (at: Date, year: Year) => {
    const hour = at.getUTCHours() % 12 === 0 ? 12 : at.getUTCHours() % 12
    const space = year === 2026 ? '?' : ' '
    return `You uploaded a photo on ${MONTHS[at.getUTCMonth()]} ${at.getUTCDate()}, ${at.getUTCFullYear()} at ${hour}:${two(at.getUTCMinutes())}${space}${at.getUTCHours() < 12 ? 'AM' : 'PM'} (GMT)`
  },
}

/** RFC 4180 quoting: quoted when needed, or always. */
const quote = (value: string, always = false) => (always || /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value)
const lineCount = (text: string) => text.split('\n').length

/** A CSV file being written: rows, their start lines, the line break. */
class Sheet {
  readonly lines: string[] = []
  readonly starts: { line: number; malformed: boolean }[] = []
  private next = 1
  constructor(
    readonly eol: string,
    header: string,
    preamble = '',
  ) {
    if (preamble !== '') this.add(preamble)
    this.add(header)
  }
  add(text: string): void {
    this.lines.push(text)
    this.next += lineCount(text)
  }
  row(text: string, malformed: boolean): void {
    this.starts.push({ line: this.next, malformed })
    this.add(text)
  }
  toString(): string {
    return this.lines.map((line) => line.replace(/\n/g, this.eol)).join(this.eol) + this.eol
  }
}

/** Text with no non-ASCII character, as 2026's Rich_Media writes it. */
const ascii = (text: string) => text.replace(/[^\x00-\x7f]/gu, '?')

/**
 * Makes an archive. Spoiled rows get a date of the export's shape that is no real day (`2025-02-30`, which the lenient reader still sees as a row start) in dated files, or too few fields in undated ones.
 */
export function makeArchive({ layout, year, rows }: MakeOptions): Made {
  const files: Record<string, string> = {}
  const starts: Record<string, readonly { line: number; malformed: boolean }[]> = {}
  let items = 0
  const put = (path: string, sheet: Sheet) => {
    files[path] = sheet.toString()
    starts[path] = sheet.starts
    items += sheet.starts.filter((start) => !start.malformed).length
  }
  const recent = year === 2026
  const lf = '\n'
  const activityEol = recent ? lf : '\r\n'
  const suffix = recent ? '_31415926' : ''
  const date = (spec: RowSpec, write: (at: Date) => string) => (spec.malformed ? '2025-02-30 10:00:00' : write(new Date(spec.at)))

  // The profile: one row, with the location a country may be guessed from.
  const profile = new Sheet(lf, 'First Name,Last Name,Maiden Name,Address,Birth Date,Headline,Summary,Industry,Zip Code,Geo Location,Twitter Handles,Websites,Instant Messengers')
  profile.row(['Ada', 'Example', '', '', 'Jan 5', quote('Engineer, writer'), quote('Builds things.\nWrites about them.'), 'Software', '', quote('Berlin, Germany'), '', '', ''].join(','), false)
  put('Profile.csv', profile)
  const undated = (path: string, header: string, columns: number) => {
    const sheet = new Sheet(lf, header)
    for (const spec of rows(path).slice(0, 5)) {
      sheet.row(spec.malformed ? quote(spec.text) : [quote(spec.text), ...Array.from({ length: columns - 1 }, (_, index) => (index === 0 ? 'Jan 2020' : ''))].join(','), spec.malformed && columns > 1)
    }
    put(path, sheet)
  }
  undated('Positions.csv', 'Company Name,Title,Description,Location,Started On,Finished On', 6)
  undated('Education.csv', 'School Name,Start Date,End Date,Notes,Degree Name,Activities', 6)
  undated('Skills.csv', 'Name', 1)
  const endorsements = new Sheet(lf, 'Endorsement Date,Skill Name,Endorser First Name,Endorser Last Name,Endorser Public Url,Endorsement Status')
  for (const spec of rows('Endorsement_Received_Info.csv').slice(0, 5)) endorsements.row([date(spec, dates.slashUtc), quote(spec.text), 'Bo', 'Sample', '', 'ACCEPTED'].join(','), spec.malformed)
  put('Endorsement_Received_Info.csv', endorsements)
  const registration = new Sheet(lf, 'Registered At,Registration Ip,Subscription Types')
  registration.add(`${quote(dates.us(new Date(Date.UTC(2013, 2, 7, 9, 5)), false))},192.0.2.1,Basic`)
  files['Registration.csv'] = registration.toString()
  const connections = new Sheet(lf, 'First Name,Last Name,URL,Email Address,Company,Position,Connected On', recent ? 'Notes:\n"When exporting your connection data, you may notice that some of the email addresses are missing."\n' : '')
  connections.add('Bo,Sample,https://www.linkedin.com/in/bo-sample,,Example GmbH,Engineer,08 Mar 2026')
  files['Connections.csv'] = connections.toString()

  if (layout === 'complete') {
    const shares = new Sheet(activityEol, `Date,ShareLink,ShareCommentary,${recent ? 'SharedURL,MediaURL' : 'SharedUrl,MediaUrl'},Visibility`)
    rows(`Shares${suffix}.csv`).forEach((spec, index) => {
      const link = index % 5 === 4 ? `https://www.linkedin.com/feed/update/urn:li:groupPost:1234-${index}` : `https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A${index}`
      // Stray `""` lines in ShareCommentary.
      const commentary = index % 7 === 3 ? `${spec.text}\n"\n` : spec.text
      shares.row([date(spec, dates.local), link, quote(commentary), '', '', 'MEMBER_NETWORK'].join(','), spec.malformed)
    })
    put(`Shares${suffix}.csv`, shares)

    // Comments: 2024 left messages unquoted, line breaks and all; 2025-26 quote them with `\"` inside.
    const comments = new Sheet(activityEol, 'Date,Link,Message')
    rows(`Comments${suffix}.csv`).forEach((spec, index) => {
      const message = recent ? `"${spec.text.replace(/"/g, '\\"')}"` : spec.text
      comments.row([date(spec, dates.local), `https://www.linkedin.com/feed/update/urn%3Ali%3Aactivity%3A${index}`, message].join(','), spec.malformed)
    })
    put(`Comments${suffix}.csv`, comments)

    const votes = new Sheet(activityEol, 'Date,Link,OptionText')
    rows(`Votes${suffix}.csv`).forEach((spec, index) => votes.row([date(spec, dates.local), `https://www.linkedin.com/feed/update/urn%3Ali%3Apoll%3A${index}`, quote(spec.text)].join(','), spec.malformed))
    put(`Votes${suffix}.csv`, votes)
    const reactions = new Sheet(activityEol, 'Date,Type,Link')
    rows(`Reactions${suffix}.csv`).forEach((spec, index) => reactions.row([date(spec, dates.local), 'LIKE', `https://www.linkedin.com/feed/update/urn%3Ali%3Aactivity%3A${index}`].join(','), spec.malformed))
    put(`Reactions${suffix}.csv`, reactions)
    if (recent) {
      const reposts = new Sheet(lf, 'Date,Link')
      rows(`InstantReposts${suffix}.csv`).forEach((spec, index) => reposts.row([date(spec, dates.local), `https://www.linkedin.com/feed/update/urn%3Ali%3Aactivity%3A${index}`].join(','), spec.malformed))
      put(`InstantReposts${suffix}.csv`, reposts)
    }

    const mediaName = recent ? 'Rich_Media.csv' : 'Rich Media.csv'
    const media = new Sheet(lf, 'Date/Time,Media Description,Media Link')
    for (const spec of rows(mediaName)) media.row([quote(date(spec, (at) => dates.sentence(at, year))), quote(recent ? ascii(spec.text) : spec.text), 'https://media.example.invalid/1'].join(','), spec.malformed)
    put(mediaName, media)

    // messages.csv: since 2026 every field quoted, header too, with two more columns.
    const columns = ['CONVERSATION ID', 'CONVERSATION TITLE', 'FROM', 'SENDER PROFILE URL', 'TO', 'RECIPIENT PROFILE URLS', 'DATE', 'SUBJECT', 'CONTENT', 'FOLDER', ...(recent ? ['ATTACHMENTS', 'IS MESSAGE DRAFT'] : [])]
    const messageSheet = (path: string) => {
      const sheet = new Sheet(lf, columns.map((column) => quote(column, recent)).join(','))
      rows(path).forEach((spec, index) => {
        const values = [`c${index % 3}`, '', 'Ada Example', '', 'Bo Sample', '', date(spec, dates.utc), '', spec.text, 'INBOX', ...(recent ? ['', 'false'] : [])]
        sheet.row(values.map((value) => quote(value, recent)).join(','), spec.malformed)
      })
      put(path, sheet)
    }
    messageSheet('messages.csv')
    if (recent) {
      messageSheet('coach_messages.csv')
      put('guide_messages.csv', new Sheet(lf, columns.map((column) => quote(column, true)).join(',')))
    } else files['learning_coach_messages.csv'] = 'No conversations found\n'

    const applications = (path: string, specs: readonly RowSpec[]) => {
      const sheet = new Sheet(lf, 'Application Date,Contact Email,Contact Phone Number,Company Name,Job Title,Job Url,Resume Name,Question And Answers')
      for (const spec of specs) sheet.row([quote(date(spec, (at) => dates.us(at, false))), 'ada@example.invalid', '', quote(spec.text), 'Engineer', '', 'resume.pdf', ''].join(','), spec.malformed)
      put(path, sheet)
    }
    if (recent) {
      const specs = rows('Jobs/Job Applications_1.csv')
      const half = Math.ceil(specs.length / 2)
      applications('Jobs/Job Applications_1.csv', specs.slice(0, half))
      applications('Jobs/Job Applications_2.csv', specs.slice(half))
    } else applications('Jobs/Job Applications.csv', rows('Jobs/Job Applications.csv'))
    for (const path of ['Job Applicant Saved Screening Question Responses.csv', ...(recent ? ['Jobs/Job Applicant Saved Answers.csv'] : [])]) {
      const sheet = new Sheet(lf, 'Question,Answer')
      for (const spec of rows(path).slice(0, 5)) sheet.row(spec.malformed ? quote(spec.text) : [quote('Years of experience?'), quote(spec.text)].join(','), spec.malformed)
      put(path, sheet)
    }
    const resumes = new Sheet(lf, 'Private Identity Asset Name,Private Identity Asset Raw Text')
    for (const spec of rows('Private_identity_asset.csv').slice(0, 5)) resumes.row(spec.malformed ? quote(spec.text) : ['resume.pdf', quote(spec.text)].join(','), spec.malformed)
    put('Private_identity_asset.csv', resumes)
    const receipts = new Sheet(lf, 'First Name,Last Name,Billing Country,Postal Code,Transaction Made At,Payment Method Type,Invoice Number,Description,Tax Amount,Sub Total,Total Amount,Currency Code')
    for (const spec of rows('Receipts_v2.csv')) receipts.row(['Ada', 'Example', 'DE', '10115', date(spec, (at) => `${dates.us(at, true)} UTC`), 'Card', 'INV-1', quote(spec.text), '1.90', '10.00', '11.90', 'EUR'].join(','), spec.malformed)
    put('Receipts_v2.csv', receipts)

    // Articles: 2026 names carry the date and a `created` paragraph; older ones have neither.
    const article = (title: string, created: string) => `<html><head><title>${title}</title></head><body>${created}<h1>${title}</h1><p>Text.</p></body></html>`
    if (recent) {
      files['Articles/Articles/2026-03-08 10_15_00.0-On building things.html'] = article('On building things', '<p class="created">Created on 2026-03-08 10:15</p>')
      files['Articles/Articles/A note.html'] = article('A note', '<p class="created">Created on 2025-11-02 23:30</p>')
      items += 2
    } else {
      files['Articles/Articles/An older article.html'] = article('An older article', '')
      items += 1
    }
    files['Invitations.csv'] = 'From,To,Sent At,Message,Direction\nBo Sample,Ada Example,"3/8/26, 9:05 AM",,INCOMING\n'
    files['Learning.csv'] = 'Content Title,Content Description,Content Type,Content Last Watched Date (if viewed),Content Completed At (if completed),\nA course,,Course,2026-03-01 10:00 UTC,N/A,\n'
    files['Something_New.csv'] = 'A,B\n1,2\n'
  }
  const stamp = recent ? '03-08-2026' : '10-11-2024'
  const name = `${layout === 'basic' ? 'Basic' : 'Complete'}_LinkedInDataExport_${stamp}.zip`
  return {
    name,
    files,
    rows: starts,
    items,
    zip: () => zipSync(Object.fromEntries(Object.entries(files).map(([path, text]) => [path, strToU8(text)]))),
  }
}

/** Plain rows for a file: `count` of them, texts with commas, quotes, line breaks and non-ASCII, one every `spoilEvery` spoiled (0: none). */
export function plainRows(count: number, from: number, spoilEvery = 0): (file: string) => RowSpec[] {
  return (file) =>
    Array.from({ length: count }, (_, index) => ({
      text: `${file.slice(0, 4)} note ${index}, with "quotes"${index % 4 === 1 ? '\nand a second line' : ''} — ünïcödé`,
      at: from + index * 3_731_000,
      malformed: spoilEvery > 0 && index % spoilEvery === spoilEvery - 1,
    }))
}
