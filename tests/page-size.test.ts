// The "Am I affected?" page's first load, in bytes (never in time): what a
// first visit fetches, gzipped, at most 100 KB. Built by Vite in memory.
import { expect, test } from 'vitest'
import { firstLoad, pageFiles } from '../web/build'

test('the page\'s first load (index.html, its script and its style, with their static imports) is at most 100 KB gzipped', async () => {
  const files = await pageFiles()
  const load = firstLoad(files)
  // What is counted: the page and every file it names, each written by the build.
  expect(load.files[0]).toBe('index.html')
  expect(load.files.some((name) => name.endsWith('.js'))).toBe(true)
  expect(load.files.some((name) => name.endsWith('.css'))).toBe(true)
  expect(load.files.every((name) => files.has(name))).toBe(true)
  expect(load.gzipped).toBeLessThanOrEqual(100 * 1024)
})

test('a chunk loaded only by import() is not counted in the first load', () => {
  const file = (fileName: string, text: string, imports: string[] = []) => [fileName, { fileName, bytes: new TextEncoder().encode(text), imports }] as const
  const files = new Map([
    file('index.html', '<script type="module" src="./assets/main.js"></script><link rel="stylesheet" href="./assets/main.css">'),
    file('assets/main.js', 'import "./shared.js"; import("./archive.js")', ['assets/shared.js']),
    file('assets/shared.js', 'export {}'),
    file('assets/main.css', 'body{}'),
    file('assets/archive.js', 'export const read = 1'),
  ])
  expect(firstLoad(files).files).toEqual(['index.html', 'assets/main.js', 'assets/shared.js', 'assets/main.css'])
})

test('the data export\'s reader (web/export.ts, fflate, the archive entry) is a chunk of its own, loaded only when a file is chosen', async () => {
  const files = await pageFiles()
  const load = firstLoad(files)
  const text = (name: string) => new TextDecoder().decode(files.get(name)?.bytes)
  // A marker of the archive reader: the name of LinkedIn's export, which only it reads.
  const marker = 'LinkedInDataExport'
  const holders = [...files.keys()].filter((name) => name.endsWith('.js') && text(name).includes(marker))
  expect(holders.length).toBeGreaterThan(0)
  for (const name of holders) expect(load.files).not.toContain(name)
  expect(load.files.filter((name) => name.endsWith('.js')).some((name) => text(name).includes(marker))).toBe(false)
})
