// The batch budgets of `npm run bench`, on the same 1M-row input, with the
// margin: one thread, `--jobs 2` against it, and memory that stays flat.
import { expect, test } from 'vitest'
import { batch } from '../bench/measure'
import { MARGIN } from './margin'

test('batch: at least 200k rows/s in one thread, --jobs 2 at least 1.6x that, and 1M rows within 1.5x the peak RSS of 100k', async () => {
  const small = await batch(100_000, 1)
  const one = await batch(1_000_000, 1)
  const two = await batch(1_000_000, 2)
  expect(one.rowsPerSecond).toBeGreaterThan(200_000 / MARGIN)
  expect(two.rowsPerSecond / one.rowsPerSecond).toBeGreaterThan(1.6 / MARGIN)
  // The bench compares 10M rows with 100k; here 1M, where a leak of even
  // 100 bytes a row would already show as ~1.9x.
  expect(one.peakMb / small.peakMb).toBeLessThan(1.5 * MARGIN)
}, 60_000)
