/**
 * The package's entry in Node (the `node` condition of its exports): the
 * library, with the country names of the ten tables of
 * `ai-training-scope/locales` accepted and printed without `registerLocale`.
 * Browsers and other engines get `./index` (English, and every language
 * `Intl.DisplayNames` knows), which stays within its size budget.
 */
import * as locales from './locales'
import { registerLocale } from './region/codes'

for (const table of Object.values(locales)) registerLocale(table)

export * from './index'
