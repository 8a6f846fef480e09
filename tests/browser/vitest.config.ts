import { defineConfig } from 'vitest/config'

// The page in a real browser: run once by `npm test` (in the host's zone), not
// under every zone of scripts/test-time-zones.mjs; the page's zone is the
// browser context's, set by each test.
export default defineConfig({
  test: {
    include: ['tests/browser/**/*.test.ts'],
    // Building the page and starting Chromium take seconds on a shared machine.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    sequence: { shuffle: false },
  },
})
