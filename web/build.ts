/**
 * The page's build, for the tests and the bench: in memory (to count the
 * bytes of a first visit) or into a folder served on a local port (for the
 * browser tests). `npm run web:build` is the same build, written to web/dist/.
 */
import { gzipSync } from 'node:zlib'
import { build, preview } from 'vite'

// From web/ and from the bench's bundle in .tmp/ alike: both sit one folder below the root.
const configFile = new URL('../web/vite.config.ts', import.meta.url).pathname

/** A built file: its name in the output folder, its bytes, and (for a script) the chunks it imports statically. */
export interface PageFile {
  readonly fileName: string
  readonly bytes: Uint8Array
  readonly imports: readonly string[]
}

/** Builds the page in memory: every file the build writes, by name. */
export async function pageFiles(): Promise<Map<string, PageFile>> {
  const result = await build({ configFile, logLevel: 'silent', build: { write: false } })
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((entry) => ('output' in entry ? entry.output : []))
  const encoder = new TextEncoder()
  return new Map(
    outputs.map((file) => {
      const bytes = file.type === 'chunk' ? encoder.encode(file.code) : typeof file.source === 'string' ? encoder.encode(file.source) : file.source
      return [file.fileName, { fileName: file.fileName, bytes, imports: file.type === 'chunk' ? file.imports : [] }]
    }),
  )
}

/**
 * What a first visit loads: index.html, the files it names, and the chunks
 * those import statically (a chunk loaded by `import()`, such as the archive
 * reader's, is not among them); with their gzipped size in bytes.
 */
export function firstLoad(files: ReadonlyMap<string, PageFile>): { files: string[]; gzipped: number } {
  const html = files.get('index.html')
  if (html === undefined) throw new Error('the build wrote no index.html')
  const loaded = new Set(['index.html'])
  const visit = (name: string) => {
    const file = files.get(name)
    if (file === undefined || loaded.has(name)) return
    loaded.add(name)
    for (const imported of file.imports) visit(imported)
  }
  for (const match of new TextDecoder().decode(html.bytes).matchAll(/\b(?:src|href)="\.\/([^"]+)"/g)) visit(match[1] as string)
  const names = [...loaded]
  return { files: names, gzipped: names.reduce((sum, name) => sum + gzipSync((files.get(name) as PageFile).bytes).length, 0) }
}

/** Builds the page into `outDir` and serves it on a free local port, as any static host would. */
export async function servePage(outDir: string): Promise<{ url: string; close: () => Promise<void> }> {
  await build({ configFile, logLevel: 'silent', build: { outDir } })
  const server = await preview({ configFile, logLevel: 'silent', build: { outDir }, preview: { port: 0, strictPort: false, open: false } })
  const url = server.resolvedUrls?.local[0]
  if (url === undefined) throw new Error('the preview server has no local address')
  return { url, close: () => server.close() }
}
