/**
 * The files of a member's LinkedIn data export that the reader knows, as data
 * (the table of LINKEDIN-EXPORT.md): which names they go by, which policy
 * category their rows fall in, and which column dates them. Names are matched
 * by pattern on the file's own name (the folder does not matter): 2026
 * exports suffix some of them (`Shares_123.csv`), older ones spell others
 * differently (`Rich Media.csv`).
 */

/** What kind of item a row (or an article) of the export is. */
export type ArchiveItemKind =
  | 'profile'
  | 'post'
  | 'comment'
  | 'poll-vote'
  | 'reaction'
  | 'repost'
  | 'article'
  | 'media'
  | 'message'
  | 'ai-chat'
  | 'job-application'
  | 'saved-answer'
  | 'resume'
  | 'payment'

/** A CSV file whose rows are items. */
export interface ItemFile {
  readonly kind: ArchiveItemKind
  /** The policy category its rows fall in; `reaction` and `repost` are named by no policy, so they are answered `undetermined`. */
  readonly category: string
  readonly name: RegExp
  /** The header's date column (matched without regard to case), or none: the rows are not dated. */
  readonly date?: string
  /** Columns whose text makes the item's text (all but the date column when not given). */
  readonly text?: readonly string[]
  /** Read by the lenient reader (`lenient.ts`) rather than as RFC 4180 CSV. */
  readonly lenient?: true
}

const PROFILE_FILES = /^(Positions|Education|Skills|Certifications|Languages|Projects|Publications|Volunteering)\.csv$/

/** The files whose rows are items, in the order they are reported. */
export const itemFiles: readonly ItemFile[] = [
  { kind: 'profile', category: 'profile', name: /^Profile\.csv$/ },
  { kind: 'profile', category: 'profile', name: PROFILE_FILES },
  { kind: 'profile', category: 'profile', name: /^Endorsement_Received_Info\.csv$/, date: 'Endorsement Date' },
  { kind: 'post', category: 'content', name: /^Shares(_\d+)?\.csv$/, date: 'Date', text: ['ShareCommentary'] },
  { kind: 'comment', category: 'content', name: /^Comments(_\d+)?\.csv$/, date: 'Date', text: ['Message'], lenient: true },
  { kind: 'poll-vote', category: 'content', name: /^Votes(_\d+)?\.csv$/, date: 'Date', text: ['OptionText'] },
  { kind: 'reaction', category: 'reaction', name: /^Reactions(_\d+)?\.csv$/, date: 'Date', text: ['Type'] },
  { kind: 'repost', category: 'repost', name: /^InstantReposts(_\d+)?\.csv$/, date: 'Date', text: ['Link'] },
  { kind: 'media', category: 'content', name: /^Rich[ _]Media\.csv$/, date: 'Date/Time', text: ['Media Description'] },
  { kind: 'message', category: 'private-message', name: /^messages\.csv$/, date: 'DATE', text: ['SUBJECT', 'CONTENT'] },
  { kind: 'ai-chat', category: 'genai-interaction', name: /^(learning_coach|learning_role_play|guide|coach)_messages\.csv$/, date: 'DATE', text: ['CONTENT'] },
  { kind: 'job-application', category: 'job-application', name: /^Job Applications(_\d+)?\.csv$/, date: 'Application Date', text: ['Company Name', 'Job Title'] },
  { kind: 'saved-answer', category: 'resume', name: /^Job Applicant Saved (Screening Question Responses|Answers)\.csv$/ },
  { kind: 'resume', category: 'resume', name: /^Private_identity_asset\.csv$/, text: ['Private Identity Asset Name'] },
  { kind: 'payment', category: 'payment', name: /^Receipts(_v2)?\.csv$/, date: 'Transaction Made At', text: ['Description'] },
]

/** Articles: HTML files under `Articles/`, each one item of `content`. */
export const ARTICLE = /(^|\/)Articles\/(.*\/)?[^/]+\.html?$/

/** `Registration.csv`: not an item, but when the account was made (the earliest any undated item can be). */
export const REGISTRATION = /^Registration\.csv$/

/** Files the sheet lists as not the member's content: skipped, with that reason. */
export const NOT_CONTENT = /^(Connections|Invitations|Company Follows|SearchQueries|Logins|Ad_Targeting|Inferences_about_you|Learning)\.csv$/

/** Where the export hints at the member's country: shown as a suggestion to confirm, never used as the member's country. */
export const COUNTRY_COLUMNS = [
  { file: /^Profile\.csv$/, column: 'Geo Location' },
  { file: /^Receipts(_v2)?\.csv$/, column: 'Billing Country' },
] as const

/** The categories the sheet maps the export's files to, named by LinkedIn's policy. */
export const sheetCategories = ['profile', 'content', 'group-activity', 'private-message', 'genai-interaction', 'job-application', 'resume', 'payment'] as const

/** A post shared in a group: its link names a group post. */
export const GROUP_POST = 'urn:li:groupPost:'
