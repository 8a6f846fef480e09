import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The browser tests run once, apart (tests/browser/vitest.config.ts, `npm run test:browser`).
    exclude: ['tests/browser/**', 'node_modules/**'],
    typecheck: { include: ['tests/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
    // fast-check runs: the same count every run, so the suite's figures are stable.
    sequence: { shuffle: false },
  },
})
