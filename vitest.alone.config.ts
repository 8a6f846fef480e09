import { defineConfig } from 'vitest/config'

// Tests that time work spread over both cores (`batch --jobs 2`): beside other
// test files they would measure the other files. Run once, after the suite,
// one file at a time (`npm test`).
export default defineConfig({
  test: {
    include: ['tests/**/*.alone.test.ts'],
    fileParallelism: false,
  },
})
