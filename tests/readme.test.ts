// Runs the README's TypeScript examples and the TSDoc @example blocks: every
// `expression //=> expected` line becomes an assertion, and every one must run.
import { spawnSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import ts from 'typescript'
import { describe, expect, test } from 'vitest'
import * as lib from '../src/node'
import * as locales from '../src/locales'
import * as schemas from '../src/schemas'

const CLI = new URL('../dist/cli.js', import.meta.url).pathname
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
const readmeBlocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1] as string)
const sources = readdirSync(new URL('../src', import.meta.url), { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts'))
const docBlocks = sources.flatMap((file) => {
  const text = readFileSync(new URL(`../src/${file}`, import.meta.url), 'utf8')
  return [...text.matchAll(/@example\n((?:\s*\*(?! @| ?\/).*\n)+)/g)].map((match) =>
    (match[1] as string).split('\n').map((line) => line.replace(/^\s*\* ?/, '')).join('\n'),
  )
})
const blocks = [...readmeBlocks, ...docBlocks]
// TSDoc examples use the exports without importing them.
const preamble = `const { ${Object.keys(lib).join(', ')} } = __lib\nconst { ${Object.keys(schemas).join(', ')} } = __schemas\n`
const ASSERTION = /^(\s*)(.+?)\s*\/\/=>\s*(.+)$/
const total = blocks.flatMap((block) => block.split('\n')).filter((line) => ASSERTION.test(line)).length
const ran = new Set<string>()

function program(block: string, index: number): string {
  let count = 0
  const source = block
    .split('\n')
    .map((line) => {
      const imported = /^import \{([^}]+)\} from 'ai-training-scope(\/locales|\/schemas)?'$/.exec(line)
      if (imported) return `const {${imported[1]}} = ${imported[2] === undefined ? '__lib' : imported[2] === '/locales' ? '__locales' : '__schemas'}`
      const assertion = ASSERTION.exec(line)
      if (!assertion) return line
      const [, indent, actual, expected] = assertion
      return `${indent}__check(${JSON.stringify(`${index}:${count++}`)}, ${JSON.stringify(line.trim())}, () => (${actual}), ${expected})`
    })
    .join('\n')
  return ts.transpileModule(index >= readmeBlocks.length ? preamble + source.replace(/^import \{[^}]+\} from '[^']+'$/gm, '') .replace(/^const \{([^}]+)\} = __lib$/gm, '') : source, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext } }).outputText
}

describe('README examples', () => {
  blocks.forEach((block, index) => {
    const title = block.split('\n').find((line) => line.trim() !== '' && !line.startsWith('import')) ?? ''
    const where = index < readmeBlocks.length ? `README block ${index + 1}` : `TSDoc example ${index - readmeBlocks.length + 1}`
    test(`${where}: ${title.slice(0, 70)}`, () => {
      const check = (id: string, line: string, actual: () => unknown, expected: unknown) => {
        ran.add(id)
        expect(actual(), line).toEqual(expected)
      }
      new Function('__lib', '__locales', '__schemas', '__check', program(block, index))(lib, locales, schemas, check)
    })
  })

  test('the pasted `check` output is what the CLI prints (at the pasted instant)', () => {
    const shown = /npx ai-training-scope check --country DE --birth-date 2008-02-29\n```\n\n```text\n([\s\S]*?)```/.exec(readme)?.[1]
    const asked = /Asked at: .* \((\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}) UTC\)/.exec(shown ?? '')
    expect(asked).not.toBeNull()
    const run = spawnSync(process.execPath, [CLI, 'check', '--country', 'DE', '--birth-date', '2008-02-29', '--as-of', `${asked?.[1]}T${asked?.[2]}:00Z`], { encoding: 'utf8' })
    expect(run.stdout).toBe(shown)
  })

  test('the pasted `batch` output is what the CLI prints', () => {
    const block = /```sh\n(printf [\s\S]*?)```\n\n```text\n([\s\S]*?)```/.exec(readme)
    const input = [...(block?.[1] ?? '').matchAll(/'(\{.*\})'/g)].map((match) => match[1]).join('\n')
    const run = spawnSync(process.execPath, [CLI, 'batch', '-', '--as-of', '2026-06-01T00:00:00Z'], { input, encoding: 'utf8' })
    expect(block?.[1]).toContain('batch - --as-of 2026-06-01T00:00:00Z')
    expect(run.stdout).toBe(block?.[2])
  })

  test('every //=> line ran', () => {
    expect(docBlocks.length).toBeGreaterThan(10)
    expect(total).toBeGreaterThan(40)
    expect(ran.size).toBe(total)
  })
})
