/**
 * The margin of the budget tests: timings on a shared 2-core machine wobble by
 * ~10 % from run to run, so CI fails a budget only when missed by 30 %. The
 * full measurements: `npm run bench` (bench/results.md).
 */
export const MARGIN = 1.3
