/**
 * `readArchive`: a member's LinkedIn data export (the ZIP's bytes, or its
 * files) into items, each with its category, when it was created and where
 * it came from; with every file and row it could not read, and why. Nothing
 * here throws on what is inside the archive: a file it does not know is
 * listed as skipped, a malformed row is counted with its file and line. It
 * uses nothing of Node's: it runs in browsers too.
 */
import { unzipSync } from 'fflate'
import { PolicyInputError } from '../errors'
import { rangeOf, exportCreated } from './dates'
import { csvRows, lenientRows, type Row } from './rows'
import { ARTICLE, type ArchiveItemKind, COUNTRY_COLUMNS, GROUP_POST, type ItemFile, itemFiles, NOT_CONTENT, REGISTRATION } from './sheet'

/** One item of the member's data, as the export gives it. */
export interface ArchiveItem {
  readonly kind: ArchiveItemKind
  /** The policy category it falls in (LINKEDIN-EXPORT.md's table). */
  readonly category: string
  /**
   * The range its creation lies in, inclusive (`from` equal to `until` for an
   * instant the export gives in UTC); `null` where the export does not date it
   * (profile entries, resumes, saved answers, older articles).
   */
  readonly created: { readonly from: Date; readonly until: Date } | null
  /** The file it came from, as named in the archive. */
  readonly file: string
  /** The line its row starts on (1 for the header; 2 for the first row); 1 for an article. */
  readonly line: number
  /** Its text (a post's commentary, a message's subject and content, an article's title...): read locally, shown only when asked for. */
  readonly text: string
}

/** A file the reader did not read, and why. */
export interface SkippedFile {
  readonly file: string
  readonly reason: 'not-content' | 'unknown'
  /** The reason in words. */
  readonly message: string
}

/** A row the reader could not make an item of. */
export interface MalformedRow {
  readonly file: string
  readonly line: number
  readonly message: string
}

/** A file read, with what it gave. */
export interface ReadFile {
  readonly file: string
  readonly kind: ArchiveItemKind | 'registration'
  /** Its rows, the header not counted (an article is one row): each gave an item or is a malformed row. */
  readonly rows: number
  readonly items: number
  readonly malformed: number
  /** Said of a file with no rows: `header only`, `No conversations found`, `empty`. */
  readonly note?: string
}

/** A value from which the member's country might be guessed: shown to the member to confirm, never used as it is. */
export interface CountryHint {
  readonly file: string
  readonly column: string
  readonly value: string
}

/** What `readArchive` read. */
export interface Archive {
  readonly items: readonly ArchiveItem[]
  readonly files: readonly ReadFile[]
  readonly skipped: readonly SkippedFile[]
  readonly malformed: readonly MalformedRow[]
  readonly countryHints: readonly CountryHint[]
  /** When the account was registered (`Registration.csv`), as a range: the earliest any undated item can have been created. */
  readonly registered: { readonly from: Date; readonly until: Date } | null
  /** The day the export was made (from the ZIP's name), as a range: the latest any item can have been created. */
  readonly exported: { readonly from: Date; readonly until: Date } | null
  /** `basic` or `complete`, from the ZIP's name. */
  readonly layout: 'basic' | 'complete' | null
}

/** The archive: the ZIP's bytes, or its files by path (text or bytes). */
export type ArchiveInput = Uint8Array | ArrayBuffer | Readonly<Record<string, string | Uint8Array>>

/** Options of `readArchive`. */
export interface ReadArchiveOptions {
  /** The ZIP's file name, e.g. `Complete_LinkedInDataExport_03-08-2026.zip`: it gives the layout and the day of the export. */
  name?: string | undefined
}

const EXPORT_NAME = /(Basic|Complete)_LinkedInDataExport_(\d{2})-(\d{2})-(\d{4})(\.zip)?$/i
const NO_CONVERSATIONS = 'No conversations found'

const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1)
const range = ([from, until]: readonly [number, number]) => ({ from: new Date(from), until: new Date(until) })

/** What the reader does with a file, found from its name. */
type Plan = { read: ItemFile } | { read: 'article' } | { read: 'registration' } | { skip: SkippedFile }

function plan(path: string): Plan {
  const name = baseName(path)
  if (ARTICLE.test(path)) return { read: 'article' }
  const known = itemFiles.find((file) => file.name.test(name))
  if (known !== undefined) return { read: known }
  if (REGISTRATION.test(name)) return { read: 'registration' }
  if (NOT_CONTENT.test(name)) return { skip: { file: path, reason: 'not-content', message: "not the member's content (LINKEDIN-EXPORT.md): not read" } }
  return { skip: { file: path, reason: 'unknown', message: 'not a file this reader knows: not read' } }
}

/** The ZIP's files by path, directories left out, and the contents of those the reader reads (only they are inflated). */
function unzip(bytes: Uint8Array): { paths: string[]; contents: Record<string, Uint8Array> } {
  const paths: string[] = []
  try {
    const contents = unzipSync(bytes, {
      filter: (file) => {
        if (file.name.endsWith('/')) return false
        paths.push(file.name)
        return !('skip' in plan(file.name))
      },
    })
    return { paths, contents }
  } catch (error) {
    throw new PolicyInputError('archive', [{ path: [], message: `is not a ZIP archive that can be read: ${error instanceof Error ? error.message : String(error)}` }])
  }
}

const decoder = new TextDecoder('utf-8')
function text(content: string | Uint8Array): string {
  const decoded = typeof content === 'string' ? content : decoder.decode(content)
  return decoded.charCodeAt(0) === 0xfeff ? decoded.slice(1) : decoded
}

/** Columns found in a header, matched without regard to case or surrounding spaces (`SharedURL`, `SharedUrl`). */
function columnIndex(header: readonly string[], name: string): number {
  const wanted = name.toLowerCase()
  return header.findIndex((column) => column.trim().toLowerCase() === wanted)
}

/** The header's columns, trailing empty ones (a trailing comma, as in `Learning.csv`) left out. */
function headerOf(fields: readonly string[]): readonly string[] {
  let end = fields.length
  while (end > 0 && (fields[end - 1] as string).trim() === '') end--
  return fields.slice(0, end)
}

/** What the files read so far gave. */
class Collector {
  readonly items: ArchiveItem[] = []
  readonly files: ReadFile[] = []
  readonly skipped: SkippedFile[] = []
  readonly malformed: MalformedRow[] = []
  readonly countryHints: CountryHint[] = []
  registered: [number, number] | null = null

  csvFile(path: string, spec: ItemFile, content: string): void {
    const trimmed = content.trim()
    const note = trimmed === '' ? 'empty' : trimmed === NO_CONVERSATIONS ? NO_CONVERSATIONS : undefined
    const rows = note === undefined ? (spec.lenient === true ? lenientRows(content) : csvRows(content)) : []
    const [headerRow, ...body] = rows
    const header = headerRow === undefined ? [] : headerOf(headerRow.fields)
    const items = this.items.length
    const malformed = this.malformed.length
    const bad = (row: Row, message: string) => this.malformed.push({ file: path, line: row.line, message })
    const dateAt = spec.date === undefined ? -1 : columnIndex(header, spec.date)
    const textAt = spec.text === undefined ? header.map((_, at) => at).filter((at) => at !== dateAt) : spec.text.map((name) => columnIndex(header, name)).filter((at) => at !== -1)
    const linkAt = columnIndex(header, 'ShareLink')
    const hint = COUNTRY_COLUMNS.find((each) => each.file.test(baseName(path)))
    const hintAt = hint === undefined ? -1 : columnIndex(header, hint.column)
    for (const row of body) {
      const { fields } = row
      if (fields.length < header.length || !fields.every((value, at) => at < header.length || value.trim() === '')) {
        bad(row, `has ${fields.length} field${fields.length === 1 ? '' : 's'} where the header has ${header.length}`)
        continue
      }
      let created: [number, number] | null = null
      if (spec.date !== undefined) {
        if (dateAt === -1) {
          bad(row, `the header has no ${spec.date} column`)
          continue
        }
        const read = exportCreated(fields[dateAt] as string)
        if (typeof read === 'string') {
          bad(row, `${spec.date}: ${read}`)
          continue
        }
        created = read
      }
      const hinted = hint === undefined || hintAt === -1 ? '' : (fields[hintAt] as string).trim()
      if (hint !== undefined && hinted !== '' && !this.countryHints.some((each) => each.value === hinted)) this.countryHints.push({ file: path, column: hint.column, value: hinted })
      const group = linkAt !== -1 && (fields[linkAt] as string).includes(GROUP_POST)
      this.items.push({
        kind: spec.kind,
        category: group ? 'group-activity' : spec.category,
        created: created === null ? null : range(created),
        file: path,
        line: row.line,
        text: textAt.map((at) => (fields[at] as string).trim()).filter((each) => each !== '').join('\n'),
      })
    }
    const readNote = note ?? (headerRow === undefined ? 'empty' : body.length === 0 ? 'header only' : undefined)
    this.files.push({
      file: path,
      kind: spec.kind,
      rows: body.length,
      items: this.items.length - items,
      malformed: this.malformed.length - malformed,
      ...(readNote === undefined ? {} : { note: readNote }),
    })
  }

  /** An article: dated by its name (2026) or its `created` paragraph, else undated; titled by its name or its `<title>`. */
  article(path: string, content: string): void {
    const named = /^(\d{4}-\d{2}-\d{2}) (\d{2})_(\d{2})_(\d{2})(\.\d+)?-(.*)\.html?$/.exec(baseName(path))
    const paragraph = /<p class="created">\s*Created on (\d{4}-\d{2}-\d{2} \d{2}:\d{2}(:\d{2})?)\s*<\/p>/.exec(content)
    const wall = named !== null ? `${named[1]} ${named[2]}:${named[3]}:${named[4]}` : paragraph?.[1]
    const read = wall === undefined ? null : rangeOf(wall)
    if (typeof read === 'string') {
      this.malformed.push({ file: path, line: 1, message: `its date ${JSON.stringify(wall)} ${read}` })
      this.files.push({ file: path, kind: 'article', rows: 1, items: 0, malformed: 1 })
      return
    }
    const title = named?.[6] ?? /<title>([^<]*)<\/title>/i.exec(content)?.[1]?.trim() ?? baseName(path).replace(/\.html?$/, '')
    this.items.push({ kind: 'article', category: 'content', created: read === null ? null : range(read), file: path, line: 1, text: title })
    this.files.push({ file: path, kind: 'article', rows: 1, items: 1, malformed: 0 })
  }

  /** `Registration.csv`: when the account was made. Its row is not an item. */
  registration(path: string, content: string): void {
    const [headerRow, row] = csvRows(content)
    const at = headerRow === undefined ? -1 : columnIndex(headerRow.fields, 'Registered At')
    const read = row === undefined || at === -1 ? 'has no Registered At' : exportCreated(row.fields[at] ?? '')
    if (typeof read === 'string') {
      if (row !== undefined) this.malformed.push({ file: path, line: row.line, message: `Registered At: ${read}` })
    } else this.registered = read
    this.files.push({ file: path, kind: 'registration', rows: row === undefined ? 0 : 1, items: 0, malformed: typeof read === 'string' && row !== undefined ? 1 : 0 })
  }
}

/**
 * Reads a member's LinkedIn data export (LINKEDIN-EXPORT.md): every file the
 * sheet lists, in the Basic and the Complete layout, 2024 to 2026. Dates the
 * export writes without a zone stay ranges (the wall time in every zone from
 * UTC-12 to UTC+14). Reads nothing but its input; runs in browsers too.
 *
 * @param input - the ZIP's bytes, or its files by path (text or bytes)
 * @param options - `name`: the ZIP's file name, for the layout and the day of the export
 * @returns the items, the files read, the files skipped and the malformed rows, with the country hints
 * @throws {PolicyInputError} when the bytes are not a ZIP archive (kind `archive`)
 * @example
 * const archive = readArchive({ 'Shares_1.csv': 'Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility\n2024-10-11 09:30:00,https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A1,Hello,,,MEMBER_NETWORK\n' })
 * archive.items.map((item) => [item.category, item.created?.from.toISOString(), item.line]) //=> [['content', '2024-10-10T19:30:00.000Z', 2]]
 */
export function readArchive(input: ArchiveInput, options: ReadArchiveOptions = {}): Archive {
  // Checked by tag, not `instanceof`: bytes from another realm (a worker, an iframe) are bytes too.
  const bytes = ArrayBuffer.isView(input) ? new Uint8Array(input.buffer, input.byteOffset, input.byteLength) : Object.prototype.toString.call(input) === '[object ArrayBuffer]' ? new Uint8Array(input as ArrayBuffer) : undefined
  const { paths, contents } = bytes === undefined ? { paths: Object.keys(input), contents: input as Readonly<Record<string, string | Uint8Array>> } : unzip(bytes)
  const collector = new Collector()
  for (const path of paths.sort()) {
    const planned = plan(path)
    if ('skip' in planned) {
      collector.skipped.push(planned.skip)
      continue
    }
    // Every file the reader reads was inflated.
    const decoded = text(contents[path] as string | Uint8Array)
    if (planned.read === 'article') collector.article(path, decoded)
    else if (planned.read === 'registration') collector.registration(path, decoded)
    else collector.csvFile(path, planned.read, decoded)
  }
  const named = options.name === undefined ? null : EXPORT_NAME.exec(options.name)
  const exportDay = named === null ? undefined : rangeOf(`${named[4]}-${named[2]}-${named[3]}`)
  return {
    items: collector.items,
    files: collector.files,
    skipped: collector.skipped,
    malformed: collector.malformed,
    countryHints: collector.countryHints,
    registered: collector.registered === null ? null : range(collector.registered),
    exported: exportDay === undefined || typeof exportDay === 'string' ? null : range(exportDay),
    layout: named === null ? null : ((named[1] as string).toLowerCase() as 'basic' | 'complete'),
  }
}
