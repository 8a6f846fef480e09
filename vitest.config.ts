import { configDefaults, defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Timings that need the machine to themselves: vitest.alone.config.ts.
    exclude: [...configDefaults.exclude, 'tests/**/*.alone.test.ts'],
    typecheck: { include: ['tests/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
    // fast-check runs: the same count every run, so the suite's figures are stable.
    sequence: { shuffle: false },
  },
})
