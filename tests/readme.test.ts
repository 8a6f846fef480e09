// Runs the README's TypeScript examples and the TSDoc @example blocks: every
// `expression //=> expected` line becomes an assertion, and every one must run.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ts from 'typescript'
import { afterAll, describe, expect, test } from 'vitest'
import * as archive from '../src/archive'
import * as lib from '../src/node'
import * as locales from '../src/locales'
import * as schemas from '../src/schemas'
import * as texts from '../src/texts'

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
const preamble = `const { ${Object.keys(lib).join(', ')} } = __lib\nconst { ${Object.keys(schemas).join(', ')} } = __schemas\nconst { ${Object.keys(archive).join(', ')} } = __archive\nconst { ${Object.keys(texts).join(', ')} } = __texts\n`
const ASSERTION = /^(\s*)(.+?)\s*\/\/=>\s*(.+)$/
const total = blocks.flatMap((block) => block.split('\n')).filter((line) => ASSERTION.test(line)).length
const ran = new Set<string>()

function program(block: string, index: number): string {
  let count = 0
  const source = block
    .split('\n')
    .map((line) => {
      const imported = /^import \{([^}]+)\} from 'ai-training-scope(\/locales|\/schemas|\/archive|\/texts)?'$/.exec(line)
      if (imported) return `const {${imported[1]}} = ${imported[2] === undefined ? '__lib' : `__${imported[2].slice(1)}`}`
      const assertion = ASSERTION.exec(line)
      if (!assertion) return line
      const [, indent, actual, expected] = assertion
      return `${indent}__check(${JSON.stringify(`${index}:${count++}`)}, ${JSON.stringify(line.trim())}, () => (${actual}), ${expected})`
    })
    .join('\n')
  return ts.transpileModule(index >= readmeBlocks.length ? preamble + source.replace(/^import \{[^}]+\} from '[^']+'$/gm, '') .replace(/^const \{([^}]+)\} = __(lib|schemas|archive|texts)$/gm, '') : source, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext } }).outputText
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
      new Function('__lib', '__locales', '__schemas', '__archive', '__texts', '__check', program(block, index))(lib, locales, schemas, archive, texts, check)
    })
  })

  test('the pasted `check` output is what the CLI prints (at the pasted instant)', () => {
    const shown = /npx ai-training-scope check --country DE --birth-date 2008-02-29\n```\n\n```text\n([\s\S]*?)```/.exec(readme)?.[1]
    const asked = /Asked at: .* \((\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}) UTC\)/.exec(shown ?? '')
    expect(asked).not.toBeNull()
    const run = spawnSync(process.execPath, [CLI, 'check', '--country', 'DE', '--birth-date', '2008-02-29', '--as-of', `${asked?.[1]}T${asked?.[2]}:00Z`], { encoding: 'utf8' })
    expect(run.stdout).toBe(shown)
  })

  // The compliance section's files, commands and outputs, run as pasted (in a folder of their own, as the commands name the files).
  const pasted = (after: string) => {
    const at = readme.indexOf(after)
    expect(at).toBeGreaterThan(-1)
    return readme.slice(at)
  }
  const folder = mkdtempSync(join(tmpdir(), 'ai-training-scope-readme-'))
  afterAll(() => rmSync(folder, { recursive: true, force: true }))
  const run = (command: string, input?: string) => {
    const args = command.replace(/^npx ai-training-scope /, '').replace(/ > \S+$/, '').split(' ')
    return spawnSync(process.execPath, [CLI, ...args], { cwd: folder, input, encoding: 'utf8' })
  }

  test('the pasted HR export gives the pasted answers, mapping and summary', () => {
    const [, exported, command, stderr, answers] = /```csv\n([\s\S]*?)```\n\n```sh\n(npx ai-training-scope batch hr-export\.csv [^\n]*)\n```[\s\S]*?```text\n([\s\S]*?)```[\s\S]*?```text\n([\s\S]*?)```/.exec(pasted('### A compliance run over the export you have')) ?? []
    writeFileSync(join(folder, 'hr-export.csv'), exported ?? '')
    const result = run(command ?? '')
    expect(result.stdout).toBe(answers)
    const [mapping, summary] = (stderr ?? '').split('\n')
    expect(result.stderr.split('\n')[0]).toBe(mapping)
    // The summary's counts; its speed and memory are the run's own.
    expect(result.stderr.split('\n')[1]?.split(';')[0]).toBe(summary?.split(';')[0])
  })

  test('the pasted NDJSON run prints the pasted record', () => {
    const [, line, asOf, output] = /```sh\nprintf '%s\\n' '(\{.*\})' \|\n {2}npx ai-training-scope batch - --as-of (\S+)\n```\n\n```text\n([\s\S]*?)```/.exec(readme) ?? []
    const result = run(`batch - --as-of ${asOf}`, `${line}\n`)
    expect(result.stdout).toBe(output)
  })

  test('the pasted items run gives the pasted answers', () => {
    const [, posts, command, answers] = /```csv\n(id,member_id[\s\S]*?)```\n\n```sh\n(npx ai-training-scope items [^\n]*)\n```\n\n```text\n([\s\S]*?)```/.exec(readme) ?? []
    writeFileSync(join(folder, 'posts.csv'), posts ?? '')
    expect(command).toContain('--members hr-export.csv')
    expect(run(command ?? '').stdout).toBe(answers)
  })

  test('every //=> line ran', () => {
    expect(docBlocks.length).toBeGreaterThan(10)
    expect(total).toBeGreaterThan(40)
    expect(ran.size).toBe(total)
  })
})
