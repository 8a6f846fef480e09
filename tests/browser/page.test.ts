// The "Am I affected?" page in Debian's Chromium, driven by playwright-core:
// members through the form, their sentences and timelines; the language
// switch; errors; no request beyond the page's own origin. Screenshots go to
// test-results/page/ (gitignored). The browser's clock is fixed, so "today" is
// the same instant in every run.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type BrowserContext, chromium, type Locator, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { servePage } from '../../web/build'
import { archiveReport, dataUseStatuses, readArchive } from '../../src/archive'
import { makeArchive, plainRows } from '../archive-maker'

const CHROMIUM = '/usr/bin/chromium'
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
const root = new URL('../../', import.meta.url).pathname
const screenshots = join(root, 'test-results/page')
const TODAY = '2026-06-01T10:00:00.000Z'

let server: { url: string; close: () => Promise<void> }
const opened: { context: BrowserContext; folder: string }[] = []

beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true })
  server = await servePage(join(root, '.tmp/web-test'))
})

afterAll(async () => {
  for (const { context, folder } of opened) {
    await context.close()
    rmSync(folder, { recursive: true, force: true })
  }
  await server?.close()
})

/** The page in a fresh Chromium profile, in a browser language and zone; every request it makes is recorded. */
async function open(locale: string, timezoneId: string, viewport = { width: 900, height: 900 }): Promise<{ page: Page; requests: string[] }> {
  // Never a downloaded browser, never a skip: without Debian's Chromium each test fails, saying what to install.
  if (!existsSync(CHROMIUM)) throw new Error(`The browser tests need Chromium at ${CHROMIUM}: install it with \`apt-get install chromium\` (Debian's package; no browser is downloaded)`)
  const folder = mkdtempSync(join(tmpdir(), 'ai-training-scope-chromium-'))
  const context = await chromium.launchPersistentContext(folder, { executablePath: CHROMIUM, args: ARGS, headless: true, locale, timezoneId, viewport })
  opened.push({ context, folder })
  const requests: string[] = []
  context.on('request', (request) => requests.push(request.url()))
  await context.clock.setFixedTime(new Date(TODAY))
  const page = context.pages()[0] ?? (await context.newPage())
  await page.goto(server.url)
  return { page, requests }
}

/** The attributes of the timeline's shapes: each window, each ranged end, today. */
async function timelineOf(page: Page) {
  const attributes = (locator: Locator, names: string[]) => locator.evaluateAll((nodes, keys) => nodes.map((node) => keys.map((key) => node.getAttribute(key))), names)
  const svg = page.locator('#timeline svg')
  return {
    windows: await attributes(svg.locator('g.window'), ['class', 'data-certainty', 'data-from', 'data-until']),
    rangedEnds: await attributes(svg.locator('.ranged-end'), ['data-from', 'data-until']),
    today: await svg.locator('g.today').getAttribute('data-at'),
  }
}

/** The text of the element a selector finds. */
const text = (page: Page, selector: string) => page.locator(selector).textContent()
/** The id of the element that has the focus. */
const focused = (page: Page) => page.evaluate('document.activeElement?.id')

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true })
}

describe('the page in Chromium', () => {
  test('a member in Germany, by the name of the country and the browser\'s zone, keyboard only: yes, since 3 November 2025', async () => {
    const { page, requests } = await open('en-GB', 'Europe/Berlin')
    expect(await page.getByLabel('Time zone').inputValue()).toBe('Europe/Berlin')
    await page.getByLabel('Country of your account').fill('Germany')
    await page.getByLabel('Country of your account').press('Enter')
    expect(await focused(page)).toBe('result-heading')
    expect(await text(page, '#answer')).toBe('Yes: your data is used to train these AI models.')
    expect(await text(page, '#since')).toBe('Since 3 November 2025 at 00:00 (Europe/Berlin).')
    expect(await text(page, '#policy-answer')).toBe('LinkedIn uses your data to train its content-generating AI models.')
    expect(await timelineOf(page)).toEqual({ windows: [['window certain open', 'stated', '2025-11-02T23:00:00.000Z', '']], rangedEnds: [], today: TODAY })
    // Each reason links to its source, from the policy's data.
    expect(await page.getByRole('link', { name: /LinkedIn notice "Updates to our terms"/ }).first().getAttribute('href')).toBe('https://www.linkedin.com/help/linkedin/answer/a8059228')
    expect(await page.locator('#advice li').count()).toBe(3)
    await shoot(page, 'germany')
    const origin = new URL(server.url).origin
    expect(requests.length).toBeGreaterThan(0)
    expect(requests.filter((url) => new URL(url).origin !== origin)).toEqual([])
  })

  test('a member in Canada with a birth year, another zone and an opt-out: no longer, a window with a ranged end', async () => {
    const { page, requests } = await open('en-GB', 'Europe/Berlin')
    await page.getByLabel('Country of your account').fill('CA')
    await page.getByLabel('Birth date (optional)').fill('1990')
    await page.getByLabel('Time zone').fill('America/Toronto')
    await page.getByRole('button', { name: 'Add: Opt-out' }).click()
    // In this device's zone (Europe/Berlin): 09:00 UTC.
    await page.getByLabel('When (Opt-out 1)').fill('2026-01-15T10:00')
    await page.getByLabel('How (Opt-out 1)').selectOption('setting')
    await page.getByRole('button', { name: 'Am I affected?' }).click()
    expect(await text(page, '#answer')).toBe('No longer: your data is not used now, but data from a window of use may remain in models trained then.')
    expect(await text(page, '#since')).toBe('')
    expect(await timelineOf(page)).toEqual({
      windows: [
        ['window certain', 'reported', '2024-09-18T04:00:00.000Z', '2024-12-10T05:00:00.000Z'],
        ['window certain', 'stated', '2025-11-03T05:00:00.000Z', '2026-01-15T09:00:00.000Z'],
      ],
      rangedEnds: [['2024-10-16T04:00:00.000Z', '2024-12-10T05:00:00.000Z']],
      today: TODAY,
    })
    expect(await page.locator('#windows li').allTextContents()).toEqual([
      '18 September 2024 at 00:00 (America/Toronto) until 16 October 2024 at 00:00 (America/Toronto) – 10 December 2024 at 00:00 (America/Toronto) (Ends on a day not made public): In use (stated or reported)',
      '3 November 2025 at 00:00 (America/Toronto) until 15 January 2026 at 04:00 (America/Toronto): In use (stated or reported)',
    ])
    await shoot(page, 'canada')
    expect(requests.filter((url) => new URL(url).origin !== new URL(server.url).origin)).toEqual([])
  })

  test('a member in the UK, on a phone: yes, and possibly already since the two days of 2024', async () => {
    const { page, requests } = await open('en-GB', 'Europe/London', { width: 375, height: 740 })
    await page.getByLabel('Country of your account').fill('United Kingdom')
    await page.getByRole('button', { name: 'Am I affected?' }).click()
    expect(await text(page, '#answer')).toBe('Yes: your data is used to train these AI models.')
    expect(await text(page, '#since')).toBe('Since 3 November 2025 at 00:00 (Europe/London). Possibly already since 18 September 2024 at 00:00 (Europe/London).')
    expect(await timelineOf(page)).toEqual({
      windows: [
        ['window possible', 'possible', '2024-09-17T23:00:00.000Z', '2024-09-19T23:00:00.000Z'],
        ['window certain open', 'stated', '2025-11-03T00:00:00.000Z', ''],
      ],
      rangedEnds: [],
      today: TODAY,
    })
    // Readable on a phone: nothing wider than the screen.
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375)
    await shoot(page, 'united-kingdom-phone')
    expect(requests.filter((url) => new URL(url).origin !== new URL(server.url).origin)).toEqual([])
  })

  test('a German browser: the page in German, Meta in the EU for a member in Austria, then switched to French', async () => {
    const { page } = await open('de-DE', 'Europe/Vienna')
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Bin ich betroffen?')
    await page.getByLabel('Meta (Facebook, Instagram) in der EU und im EWR').check()
    await page.getByLabel('Land Ihres Kontos').fill('Österreich')
    await page.getByRole('button', { name: 'Bin ich betroffen?' }).click()
    expect(await text(page, '#answer')).toBe('Ja: Ihre Daten werden zum Training dieser KI-Modelle verwendet.')
    expect(await text(page, '#since')).toBe('Seit 27. Mai 2025 um 00:00 (Europe/Vienna).')
    // The policy's own texts in German too (ai-training-scope/texts): no note that they are English.
    expect(await page.locator('#english-note').isVisible()).toBe(false)
    expect(await page.locator('#reasons li').first().getAttribute('lang')).toBe('de')
    expect(await page.locator('#reasons li').first().textContent()).toMatch(/^Region EU \(European Union\): Phase „2025-eu“ ab 2025-05-27/)
    expect((await timelineOf(page)).windows).toEqual([['window certain open', 'stated', '2025-05-26T22:00:00.000Z', '']])
    await shoot(page, 'austria-meta-de')
    await page.getByLabel('Sprache').selectOption('fr')
    expect(await page.locator('html').getAttribute('lang')).toBe('fr')
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Suis-je concerné ?')
    expect(await text(page, '#answer')).toBe('Oui : vos données servent à entraîner ces modèles d’IA.')
    expect(await text(page, '#since')).toBe('Depuis le 27 mai 2025 à 00:00 (Europe/Vienna).')
    expect(await page.locator('#reasons li').first().getAttribute('lang')).toBe('fr')
    expect(await page.locator('#reasons li').first().textContent()).toMatch(/^Région EU \(European Union\) : phase « 2025-eu » à partir du 2025-05-27/)
  })

  test('a data export, dropped: read in the page, counted as the library counts it, every item in the CSV, its items on the timeline, nothing sent', async () => {
    const made = makeArchive({ layout: 'complete', year: 2026, rows: plainRows(6, Date.UTC(2024, 0, 1), 4) })
    const bytes = made.zip()
    const { page, requests } = await open('en-GB', 'Europe/Berlin')
    const bodies: Buffer[] = []
    page.context().on('request', (request) => {
      const body = request.postDataBuffer()
      if (body !== null) bodies.push(body)
    })
    const file = { name: made.name, mimeType: 'application/zip', buffer: Buffer.from(bytes) }
    // Before any answer, the page says whom the items would be answered for.
    await page.getByLabel('Your data export (ZIP)').setInputFiles(file)
    await expect.poll(() => text(page, '#export-status')).toBe('Fill in the form and ask first: your items are answered for the member you describe there.')
    await page.getByLabel('Country of your account').fill('Germany')
    await page.getByRole('button', { name: 'Am I affected?' }).click()
    await page.locator('#export-sentences').waitFor()
    const expected = archiveReport({ country: 'DE', timeZone: 'Europe/Berlin' }, readArchive(bytes, { name: made.name }), { asOf: TODAY })
    expect(expected.items.length).toBeGreaterThan(20)
    expect(await text(page, '#export-status')).toBe(`${expected.items.length} items read from ${made.name}.`)
    // Every category's counts, status by status, as archiveReport gives them in Node.
    const shown = await page.locator('.export-counts tbody tr').evaluateAll((rows) => rows.map((row) => [row.getAttribute('data-category'), ...[...row.querySelectorAll('td')].map((cell) => [cell.getAttribute('data-status'), cell.textContent])]))
    expect(shown).toEqual(Object.entries(expected.counts).map(([category, counts]) => [category, ...dataUseStatuses.map((status) => [status, String(counts[status])])]))
    expect(await page.locator('#export-sentences li').count()).toBe(dataUseStatuses.filter((status) => expected.statuses[status].count > 0).length)
    // The CSV is made in the page: a header and one row per item, no item text.
    const href = (await page.locator('#export-download').getAttribute('href')) as string
    expect(href.startsWith('blob:')).toBe(true)
    const csv = (await page.evaluate(async (url) => (await fetch(url)).text(), href)).trimEnd().split('\n')
    expect(csv[0]).toBe('file,line,kind,category,dated,createdFrom,createdUntil,status,reasons')
    expect(csv.length).toBe(expected.items.length + 1)
    // The dated items, marked on the timeline by status (one mark per pixel column and status, titled with its count).
    const counts = await page.locator('#timeline svg rect.item').evaluateAll((marks) => marks.map((mark) => Number(mark.getAttribute('data-count'))))
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(expected.items.filter(({ item }) => item.created !== null).length)
    await shoot(page, 'data-export')
    // Nothing left the page's origin, and no request carried the file.
    const origin = new URL(server.url).origin
    expect(requests.filter((url) => new URL(url).origin !== origin)).toEqual([])
    expect(bodies).toEqual([])
  })

  test('a data export under a policy that uses none of its categories (Meta in the EU): refused plainly', async () => {
    const made = makeArchive({ layout: 'basic', year: 2024, rows: plainRows(3, Date.UTC(2024, 0, 1)) })
    const { page } = await open('en-GB', 'Europe/Berlin')
    await page.getByLabel('Meta (Facebook, Instagram) in the EU and EEA').check()
    await page.getByLabel('Country of your account').fill('AT')
    await page.getByRole('button', { name: 'Am I affected?' }).click()
    await page.getByLabel('Your data export (ZIP)').setInputFiles({ name: made.name, mimeType: 'application/zip', buffer: Buffer.from(made.zip()) })
    await expect.poll(() => text(page, '#export-status')).toMatch(/^This export cannot be read: /)
    expect(await page.locator('#export-result').isHidden()).toBe(true)
  })

  test('bad input: each problem named by its field, with the value, and the fields marked', async () => {
    const { page } = await open('en-GB', 'Europe/Berlin')
    await page.getByLabel('Country of your account').fill('Atlantis')
    await page.getByLabel('Birth date (optional)').fill('2008-02-30')
    await page.getByRole('button', { name: 'Am I affected?' }).click()
    expect(await focused(page)).toBe('errors')
    const links = await page.locator('#errors').getByRole('link').allTextContents()
    expect(links).toHaveLength(2)
    expect(links[0]).toMatch(/^Country: "Atlantis" is not an ISO 3166-1 code/)
    expect(links[1]).toMatch(/^Birth date: "2008-02-30"/)
    expect(await page.getByLabel('Country of your account').getAttribute('aria-invalid')).toBe('true')
    expect(await page.getByLabel('Birth date (optional)').getAttribute('aria-invalid')).toBe('true')
    expect(await page.locator('#result').isHidden()).toBe(true)
    await shoot(page, 'errors')
  })
})
