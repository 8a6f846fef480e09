import { PolicyInputError } from '../src/index'

/** The PolicyInputError that `run` throws; anything else (or nothing) fails the test. */
export function thrown(run: () => unknown): PolicyInputError {
  try {
    run()
  } catch (error) {
    if (error instanceof PolicyInputError) return error
    throw new Error(`expected a PolicyInputError, got ${String(error)}`)
  }
  throw new Error('expected a PolicyInputError, nothing was thrown')
}
