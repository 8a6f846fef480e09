/**
 * The windows of use as an SVG timeline: certain windows solid, possible ones
 * hatched, a ranged end as a fade across the days it may fall on, an open
 * end running off the right edge, today as a line. Each shape carries a
 * title for screen readers, and data-* attributes with its instants.
 */
import type { CoverageReport, CoverageWindow } from 'ai-training-scope'
import { format, type Strings } from './strings'

const SVG = 'http://www.w3.org/2000/svg'
const HEIGHT = 96
const LEFT = 8
/** The narrowest a window is drawn: a two-day window still shows. */
const MIN_WIDTH = 4
const BAR_Y = 30
const BAR_HEIGHT = 26
const AXIS_Y = 70
const YEAR_MS = 365.25 * 86_400_000
/** Where the items of each status are marked: a row each, between the windows and the axis. */
const ITEM_Y: Readonly<Record<string, number>> = { 'in-scope': 57, retained: 57, undetermined: 62, 'out-of-scope': 62 }

/** An SVG element with attributes. */
function element<K extends keyof SVGElementTagNameMap>(name: K, attributes: Record<string, string | number>, ...children: (Node | string)[]): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, name)
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value))
  node.append(...children)
  return node
}

const titled = (text: string) => element('title', {}, text)

/** An item of a data export, dated, with its status: drawn as a mark under the windows. */
export interface ItemMark {
  readonly from: Date
  readonly until: Date
  readonly status: string
}

/** The span the picture shows: every window, every phase start, every item and today, with a margin. */
function span(report: CoverageReport, items: readonly ItemMark[]): { from: number; until: number } {
  const instants = [report.asOf.getTime(), ...report.timeline.map((phase) => Date.parse(`${phase.start}T00:00:00Z`))]
  for (const item of items) instants.push(item.from.getTime())
  for (const window of report.windows) {
    instants.push(window.from.getTime())
    if (window.until !== null) instants.push(window.until.getTime())
    if (window.untilRange !== null) instants.push(window.untilRange.until.getTime())
  }
  const from = Math.min(...instants)
  const until = Math.max(...instants)
  const margin = Math.max((until - from) * 0.06, YEAR_MS / 4)
  return { from: from - margin, until: until + margin }
}

/** How a window's certainty is named in the legend and in titles. */
export function certaintyText(window: CoverageWindow, strings: Strings): string {
  return window.certainty === 'possible' ? strings.possible : strings.certain
}

/**
 * The timeline of a report.
 *
 * @param report - the answer
 * @param strings - the page's words
 * @param when - an instant as the page writes it
 * @param width - the width it is shown at, in CSS pixels: its text keeps its size on a phone
 * @param items - a data export's dated items: one mark per pixel column and status, titled with its count
 */
export function timeline(report: CoverageReport, strings: Strings, when: (date: Date) => string, width: number, items: readonly ItemMark[] = []): SVGSVGElement {
  const drawn = Math.max(width, 280)
  const right = drawn - LEFT
  const { from, until } = span(report, items)
  const x = (ms: number) => LEFT + ((ms - from) / (until - from)) * (right - LEFT)
  const label = format(strings.timelineLabel, { from: when(new Date(from)), until: when(new Date(until)) })
  const svg = element('svg', { viewBox: `0 0 ${drawn} ${HEIGHT}`, role: 'img', 'aria-label': label, class: 'timeline-svg' })
  svg.append(
    element(
      'defs',
      {},
      element('pattern', { id: 'hatch', width: 8, height: 8, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' }, element('rect', { width: 8, height: 8, class: 'hatch-back' }), element('line', { x1: 0, y1: 0, x2: 0, y2: 8, class: 'hatch-line' })),
      element('linearGradient', { id: 'fade' }, element('stop', { offset: 0, class: 'fade-from' }), element('stop', { offset: 1, class: 'fade-to' })),
      element('linearGradient', { id: 'open' }, element('stop', { offset: 0, class: 'fade-from' }), element('stop', { offset: 1, class: 'open-to' })),
    ),
  )
  // The axis, with a tick at each 1 January.
  const axis = element('g', { class: 'axis', 'aria-hidden': 'true' }, element('line', { x1: LEFT, x2: right, y1: AXIS_Y, y2: AXIS_Y }))
  for (let year = new Date(from).getUTCFullYear() + 1; Date.UTC(year, 0, 1) < until; year++) {
    const at = x(Date.UTC(year, 0, 1))
    axis.append(element('line', { x1: at, x2: at, y1: AXIS_Y - 4, y2: AXIS_Y + 4 }), element('text', { x: at, y: AXIS_Y + 18, 'text-anchor': 'middle' }, String(year)))
  }
  svg.append(axis)
  for (const window of report.windows) {
    const range = window.untilRange
    const solidEnd = range?.from.getTime() ?? window.until?.getTime() ?? until
    const end = range === null ? (window.until === null ? strings.openEnd : when(window.until)) : `${when(range.from)} – ${when(range.until)}`
    const group = element('g', {
      class: `window ${window.certainty === 'possible' ? 'possible' : 'certain'}${window.until === null && range === null ? ' open' : ''}`,
      'data-certainty': window.certainty,
      'data-from': window.from.toISOString(),
      'data-until': window.until?.toISOString() ?? '',
    })
    group.append(titled(format(strings.windowText, { from: when(window.from), until: end, certainty: certaintyText(window, strings) })))
    const start = x(window.from.getTime())
    group.append(element('rect', { x: start, y: BAR_Y, width: Math.max(x(solidEnd) - start, MIN_WIDTH), height: BAR_HEIGHT, class: 'bar' }))
    if (window.until === null && range === null) group.append(element('rect', { x: right - 24, y: BAR_Y, width: 24, height: BAR_HEIGHT, class: 'open-end' }))
    if (range !== null) {
      const rangeStart = x(range.from.getTime())
      group.append(
        element(
          'rect',
          { x: rangeStart, y: BAR_Y, width: Math.max(x(range.until.getTime()) - rangeStart, MIN_WIDTH), height: BAR_HEIGHT, class: 'ranged-end', 'data-from': range.from.toISOString(), 'data-until': range.until.toISOString() },
          titled(`${strings.rangedEnd}: ${when(range.from)} – ${when(range.until)}`),
        ),
      )
    }
    svg.append(group)
  }
  // Items by pixel column (the middle of when each was created) and status: thousands of items, a few hundred marks.
  const marks = new Map<string, { at: number; status: string; count: number }>()
  for (const item of items) {
    const at = Math.round(x((item.from.getTime() + item.until.getTime()) / 2))
    const key = `${at} ${item.status}`
    const mark = marks.get(key) ?? { at, status: item.status, count: 0 }
    mark.count++
    marks.set(key, mark)
  }
  for (const { at, status, count } of marks.values()) {
    const label = format(strings.exportMark, { count: String(count), status: strings.exportStatuses[status as keyof Strings['exportStatuses']] ?? status })
    svg.append(element('rect', { x: at - 1, y: ITEM_Y[status] ?? 62, width: 2, height: 5, class: `item ${status}`, 'data-status': status, 'data-count': count }, titled(label)))
  }
  const today = x(report.asOf.getTime())
  svg.append(
    element(
      'g',
      { class: 'today', 'data-at': report.asOf.toISOString() },
      titled(`${strings.today}: ${when(report.asOf)}`),
      element('line', { x1: today, x2: today, y1: 14, y2: AXIS_Y + 4 }),
      element('text', { x: today, y: 10, 'text-anchor': today > drawn / 2 ? 'end' : 'start' }, strings.today),
    ),
  )
  return svg
}
