/**
 * A report in one line: which of the policy's answer sentences fits it, and
 * the instant that goes with it. The CLI's `check` and the web page word it.
 */
import type { CoverageReport, CoverageWindow } from './coverage/coverage'
import type { PolicyTexts } from './policy/schema'

/** A key of a policy's `texts.<language>.answers`: the sentence that answers the member. */
export type AnswerKey = keyof PolicyTexts['answers']

/** Which answer a report gives, and from when. */
export interface Headline {
  /**
   * `outside`: the policy says nothing about the country; `covered`;
   * `undetermined`; `never`: no window of use at all; `not-yet`: the first
   * window starts after asOf; `no-longer`: every window so far has closed.
   */
  readonly answer: AnswerKey
  /**
   * `covered`: the start of the window in use at asOf; `undetermined`: the
   * start of the first window (use possibly since then); `not-yet`: the start
   * of the first window; `no-longer`: the start of the next window, if one is
   * known; otherwise `null`.
   */
  readonly from: Date | null
  /** `covered` only: the start of an earlier window that is only possible (it may not have happened); else `null`. */
  readonly possiblyFrom: Date | null
}

/**
 * The answer a report gives in one line, and its instant.
 *
 * @param report - a coverage report
 * @returns the key of the policy's answer sentence, with the instant it names
 * @example
 * const report = coverage({ country: 'DE', timeZone: 'Europe/Berlin' }, { asOf: '2025-06-01T00:00:00Z' })
 * headline(report).answer //=> 'not-yet'
 * headline(report).from?.toISOString() //=> '2025-11-02T23:00:00.000Z'
 */
export function headline(report: CoverageReport): Headline {
  const asOf = report.asOf.getTime()
  const { windows } = report
  const [first] = windows
  const started = (window: CoverageWindow) => window.from.getTime() <= asOf
  const line = (answer: AnswerKey, from: Date | null = null, possiblyFrom: Date | null = null): Headline => ({ answer, from, possiblyFrom })
  if (report.region === null) return line('outside')
  if (report.status === 'covered') {
    const current = windows.find((window) => started(window) && (window.until === null || asOf < window.until.getTime()))
    // A member covered now is in a certain window; an earlier possible one is named with it.
    const possibly = first !== undefined && first !== current && first.certainty === 'possible' ? first.from : null
    return line('covered', current?.from ?? null, possibly)
  }
  if (report.status === 'undetermined') return line('undetermined', first?.from ?? null)
  if (first === undefined) return line('never')
  if (!started(first)) return line('not-yet', first.from)
  return line('no-longer', windows.find((window) => !started(window))?.from ?? null)
}
