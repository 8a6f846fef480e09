/**
 * The page: reads the form into a member, asks the library, and shows the
 * answer, its timeline, its reasons with their sources and the advice. All in
 * the browser: the page sends nothing anywhere.
 */
import { type CoverageReport, headline, type MemberInput, type Policy, policies, type PolicyIssue, registerLocale, safeCoverage } from 'ai-training-scope'
import { de, fr } from 'ai-training-scope/locales'
import { withLanguages } from 'ai-training-scope/texts'
import { html } from './dom'
import { browserLanguage, format, type Language, languages, type Strings, strings } from './strings'
import { certaintyText, type ItemMark, timeline } from './timeline'

// Country names are accepted in each of the page's languages, whichever is shown.
registerLocale(de)
registerLocale(fr)

type EventKind = 'optOuts' | 'optIns'
/** The policies the page offers: the built-in ones. */
type PolicyId = 'linkedin-genai' | 'meta-ai-eu'
const policyIds: readonly PolicyId[] = ['linkedin-genai', 'meta-ai-eu']

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T
const deviceZone = Intl.DateTimeFormat().resolvedOptions().timeZone
let language: Language = browserLanguage(navigator.languages)
let policyId: PolicyId = 'linkedin-genai'
/** The last question asked, answered again when the language changes. */
let last: { member: MemberInput; policy: Policy; asOf: Date } | undefined
/** The data export chosen or dropped, read in the page, answered again with each answer. */
let dropped: { bytes: Uint8Array; name: string } | undefined
/** The answer shown, and how its instants are written: the export's items are drawn on its timeline. */
let shown: { report: CoverageReport; member: MemberInput; when: (date: Date) => string } | undefined

const words = (): Strings => strings[language]
/** The chosen policy, with its German and French texts. */
const policy = (): Policy => withLanguages(policies[policyId])


/** The policy's texts in the page's language, English where it has none. */
function policyTexts(chosen: Policy) {
  const own = chosen.texts[language]
  const english = chosen.texts.en
  return {
    english: own === undefined,
    answer: (key: keyof typeof english.answers) => own?.answers?.[key] ?? english.answers[key],
    advice: (name: string) => own?.advice?.[name] ?? english.advice[name] ?? '',
  }
}

// --- the form ---------------------------------------------------------------

function policyChoices(): void {
  const box = byId('policies')
  box.replaceChildren(
    ...policyIds.map((id) => {
      const input = html('input', { type: 'radio', name: 'policy', id: `policy-${id}`, value: id })
      input.checked = id === policyId
      input.addEventListener('change', () => {
        policyId = id
        for (const select of document.querySelectorAll<HTMLSelectElement>('#optOuts select')) channelOptions(select)
      })
      return html('div', { class: 'choice' }, input, html('label', { for: `policy-${id}` }, words().policies[id] ?? id))
    }),
  )
}

/** The policy's opt-out channels as the options of a select, keeping the choice where it still exists. */
function channelOptions(select: HTMLSelectElement): void {
  const chosen = select.value
  select.replaceChildren(...Object.entries(policy().channels).map(([name, channel]) => html('option', { value: name }, channel.name)))
  if (Object.hasOwn(policy().channels, chosen)) select.value = chosen
}

/** Gives each row of events its ids and labels, in order. */
function numberRows(kind: EventKind): void {
  const rows = byId(kind).children
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index] as HTMLElement
    const field = words().fields[kind] ?? kind
    const at = row.querySelector('input') as HTMLInputElement
    at.id = `${kind}-${index}-at`
    ;(row.querySelector('label.when') as HTMLLabelElement).htmlFor = at.id
    ;(row.querySelector('label.when') as HTMLLabelElement).textContent = `${words().when} (${field} ${index + 1})`
    const via = row.querySelector('select')
    if (via !== null) {
      via.id = `${kind}-${index}-via`
      ;(row.querySelector('label.via') as HTMLLabelElement).htmlFor = via.id
      ;(row.querySelector('label.via') as HTMLLabelElement).textContent = `${words().via} (${field} ${index + 1})`
    }
    const remove = row.querySelector('button') as HTMLButtonElement
    remove.textContent = words().remove
    remove.setAttribute('aria-label', `${words().remove}: ${field} ${index + 1}`)
  }
}

function addRow(kind: EventKind): void {
  const list = byId(kind)
  const row = html('li', { class: 'event' })
  row.append(html('label', { class: 'when' }), html('input', { type: 'datetime-local', step: '60' }))
  if (kind === 'optOuts') {
    const select = html('select')
    channelOptions(select)
    row.append(html('label', { class: 'via' }), select)
  }
  const remove = html('button', { type: 'button', class: 'remove' })
  remove.addEventListener('click', () => {
    row.remove()
    numberRows(kind)
    byId(`add-${kind}`).focus()
  })
  row.append(remove)
  list.append(row)
  numberRows(kind)
  ;(row.querySelector('input') as HTMLInputElement).focus()
}

/** An instant from a datetime-local value, read in this device's zone; an empty one is passed on for the library to name. */
const instant = (value: string) => (value === '' ? value : new Date(value).toISOString())

/** The member the form describes: empty optional fields are left out. */
function readForm(): MemberInput {
  const value = (id: string) => byId<HTMLInputElement>(id).value
  const member: MemberInput = { country: value('country') }
  if (value('birthDate').trim() !== '') member.birthDate = value('birthDate')
  if (value('timeZone').trim() !== '') member.timeZone = value('timeZone')
  const rows = (kind: EventKind) => [...byId(kind).children]
  const optOuts = rows('optOuts').map((row) => ({ at: instant((row.querySelector('input') as HTMLInputElement).value), via: (row.querySelector('select') as HTMLSelectElement).value }))
  const optIns = rows('optIns').map((row) => ({ at: instant((row.querySelector('input') as HTMLInputElement).value) }))
  if (optOuts.length > 0) member.optOuts = optOuts
  if (optIns.length > 0) member.optIns = optIns
  return member
}

// --- errors -----------------------------------------------------------------

/** The input an issue is about, if it is one of the form's. */
function fieldOf(issue: PolicyIssue): HTMLElement | null {
  const [field, index, part] = issue.path
  if (field === 'optOuts' || field === 'optIns') return document.getElementById(`${field}-${index}-${part === 'via' ? 'via' : 'at'}`)
  return typeof field === 'string' ? document.getElementById(field) : null
}

function clearErrors(): void {
  byId('errors').hidden = true
  for (const input of document.querySelectorAll('[aria-invalid]')) input.removeAttribute('aria-invalid')
  for (const message of document.querySelectorAll<HTMLElement>('.error')) message.hidden = true
}

function showErrors(issues: readonly PolicyIssue[]): void {
  const box = byId('errors')
  const list = box.querySelector('ul') as HTMLUListElement
  list.replaceChildren()
  for (const issue of issues) {
    const [first, index] = issue.path
    const name = typeof first === 'string' ? (words().fields[first] ?? first) : ''
    const label = typeof index === 'number' ? `${name} ${index + 1}` : name
    const text = label === '' ? issue.message : `${label}: ${issue.message}`
    const field = fieldOf(issue)
    if (field !== null) {
      field.setAttribute('aria-invalid', 'true')
      const own = document.getElementById(`${field.id}-error`)
      if (own !== null) {
        own.textContent = text
        own.hidden = false
      }
    }
    list.append(html('li', {}, field === null ? text : html('a', { href: `#${field.id}` }, text)))
  }
  box.hidden = false
  byId('result').hidden = true
  box.focus()
}

// --- the answer ---------------------------------------------------------------

/** An instant in the member's zone (their country's when they gave none: then in UTC, said so). */
function writer(member: MemberInput): (date: Date) => string {
  const zone = member.timeZone?.trim() || 'UTC'
  // The browser's own variant of the page's language (en-GB writes 3 November 2025, 00:00), else the language.
  const locale = navigator.languages.find((tag) => tag.toLowerCase().split('-')[0] === language) ?? language
  const formatter = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: zone })
  return (date) => `${formatter.format(date)} (${zone})`
}

function showReport(report: CoverageReport, member: MemberInput, chosen: Policy): void {
  const text = words()
  const texts = policyTexts(chosen)
  const when = writer(member)
  const { answer, from, possiblyFrom } = headline(report)
  const result = byId('result')
  result.dataset.answer = answer
  byId('answer').textContent = text.answer[answer]
  const since = answer === 'never' || answer === 'outside' || from === null ? '' : format(text.since[answer], { at: when(from) })
  byId('since').textContent = possiblyFrom === null ? since : `${since} ${format(text.possiblySince, { at: when(possiblyFrom) })}`
  const policyAnswer = byId('policy-answer')
  policyAnswer.textContent = texts.answer(answer)
  policyAnswer.lang = texts.english ? 'en' : language
  result.hidden = false
  shown = { report, member, when }
  drawTimeline([])
  byId('legend').replaceChildren(
    ...[
      ['certain', text.certain],
      ['possible', text.possible],
      ['ranged', text.rangedEnd],
      ['today', text.today],
    ].map(([kind, label]) => html('li', {}, html('span', { class: `swatch ${kind}`, 'aria-hidden': 'true' }), label as string)),
  )
  byId('windows').replaceChildren(
    ...(report.windows.length === 0
      ? [html('li', {}, text.noWindows)]
      : report.windows.map((window) => {
          const range = window.untilRange
          const until = range !== null ? `${when(range.from)} – ${when(range.until)} (${text.rangedEnd})` : window.until === null ? text.openEnd : when(window.until)
          return html('li', { 'data-certainty': window.certainty }, format(text.windowText, { from: when(window.from), until, certainty: certaintyText(window, text) }))
        })),
  )
  byId('english-note').hidden = !texts.english
  byId('reasons').replaceChildren(
    ...report.reasons.map((reason) => {
      const item = html('li', { lang: texts.english ? 'en' : language }, reason.message)
      const source = reason.source === undefined ? undefined : chosen.sources[reason.source]
      if (source !== undefined) {
        item.append(' ', source.url === null ? html('span', { class: 'source' }, `${text.source}: ${source.title}`) : html('a', { href: source.url, rel: 'noopener noreferrer', class: 'source' }, `${text.source}: ${source.title}`))
      }
      return item
    }),
  )
  byId('advice').replaceChildren(...[...Object.keys(chosen.channels), 'general'].map((name) => html('li', { lang: texts.english ? 'en' : language }, texts.advice(name))))
  byId('policy-version').textContent = `${chosen.title} (${chosen.id}, ${chosen.version})`
  byId('policy-version').lang = 'en'
  if (dropped !== undefined) void showExport(chosen)
}

/** The shown answer's timeline, with a data export's items marked under its windows. */
function drawTimeline(marks: readonly ItemMark[]): void {
  if (shown === undefined) return
  const picture = byId('timeline')
  picture.replaceChildren(timeline(shown.report, words(), shown.when, picture.clientWidth, marks))
}

// --- the data export -------------------------------------------------------------

/** Reads the dropped export for the member asked about: the archive code is loaded now, not with the page. */
async function showExport(chosen: Policy): Promise<void> {
  const text = words()
  const status = byId('export-status')
  const result = byId('export-result')
  if (dropped === undefined) return
  if (shown === undefined || last === undefined) {
    status.textContent = text.exportNeedsAnswer
    result.hidden = true
    return
  }
  const { bytes, name } = dropped
  status.textContent = format(text.exportReading, { file: name })
  const { answerExport, exportView } = await import('./export')
  try {
    const answer = answerExport(bytes, name, shown.member, chosen, last.asOf, language)
    result.replaceChildren(...exportView(answer, name, text, shown.when))
    result.hidden = false
    status.textContent = format(text.exportRead, { items: String(answer.report.items.length), file: name })
    drawTimeline(answer.marks)
  } catch (error) {
    result.hidden = true
    const issues = (error as { issues?: readonly PolicyIssue[] }).issues
    status.textContent = format(text.exportRefused, { message: issues?.map((issue) => issue.message).join('; ') ?? (error as Error).message })
  }
}

/** A file chosen or dropped: kept, and read for the answer shown. */
async function useExport(file: File | undefined): Promise<void> {
  if (file === undefined) return
  dropped = { bytes: new Uint8Array(await file.arrayBuffer()), name: file.name }
  await showExport(policy())
}

function ask(member: MemberInput, chosen: Policy, asOf: Date): boolean {
  clearErrors()
  const result = safeCoverage(member, { policy: chosen, asOf, language })
  if (!result.success) {
    showErrors(result.error.issues)
    return false
  }
  showReport(result.data, member, chosen)
  return true
}

// --- language -------------------------------------------------------------------

function applyLanguage(): void {
  const text = words()
  document.documentElement.lang = language
  document.title = text.title
  for (const node of document.querySelectorAll<HTMLElement>('[data-text]')) {
    node.textContent = format(text[node.dataset.text as keyof Strings] as string, { zone: deviceZone })
  }
  for (const kind of ['optOuts', 'optIns'] as const) {
    byId(`add-${kind}`).textContent = `${text.add}: ${text.fields[kind]}`
    numberRows(kind)
  }
  policyChoices()
  if (last !== undefined) ask(last.member, last.policy, last.asOf)
}

function start(): void {
  const select = byId<HTMLSelectElement>('language')
  select.replaceChildren(...languages.map((code) => html('option', { value: code, lang: code }, strings[code].name)))
  select.value = language
  select.addEventListener('change', () => {
    language = select.value as Language
    applyLanguage()
  })
  byId<HTMLInputElement>('timeZone').value = deviceZone
  byId('zones').replaceChildren(...Intl.supportedValuesOf('timeZone').map((zone) => html('option', { value: zone })))
  for (const kind of ['optOuts', 'optIns'] as const) byId(`add-${kind}`).addEventListener('click', () => addRow(kind))
  const input = byId<HTMLInputElement>('export-file')
  input.addEventListener('change', () => void useExport(input.files?.[0]))
  const zone = byId('export')
  zone.addEventListener('dragover', (event) => {
    event.preventDefault()
    zone.classList.add('over')
  })
  zone.addEventListener('dragleave', () => zone.classList.remove('over'))
  zone.addEventListener('drop', (event) => {
    event.preventDefault()
    zone.classList.remove('over')
    void useExport(event.dataTransfer?.files[0])
  })
  byId('member').addEventListener('submit', (event) => {
    event.preventDefault()
    const member = readForm()
    last = { member, policy: policy(), asOf: new Date() }
    if (ask(last.member, last.policy, last.asOf)) byId('result-heading').focus()
  })
  applyLanguage()
}

start()
