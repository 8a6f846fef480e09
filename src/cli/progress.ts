/**
 * A progress line on stderr, only when stderr is a terminal: rows, rows per
 * second, and with a known input size a bar and an ETA. `NO_COLOR` drops colour.
 */
import type { WriteStream } from 'node:tty'

const INTERVAL_MS = 100

export class Progress {
  private last = 0
  private readonly started = performance.now()
  private readonly color: boolean

  constructor(
    private readonly stream: WriteStream,
    private readonly totalBytes: number | undefined,
    env: NodeJS.ProcessEnv,
  ) {
    this.color = env.NO_COLOR === undefined || env.NO_COLOR === ''
  }

  /** Redraws at most every 100 ms. */
  update(rows: number, bytes: number): void {
    const now = performance.now()
    if (now - this.last < INTERVAL_MS) return
    this.last = now
    const seconds = (now - this.started) / 1000
    const rate = seconds > 0 ? rows / seconds : 0
    let line = `${rows.toLocaleString('en-US')} rows  ${Math.round(rate).toLocaleString('en-US')} rows/s`
    if (this.totalBytes !== undefined && this.totalBytes > 0) {
      const share = Math.min(1, bytes / this.totalBytes)
      const width = 24
      const filled = Math.round(share * width)
      const bar = `${'#'.repeat(filled)}${'-'.repeat(width - filled)}`
      const eta = share > 0 ? Math.max(0, seconds / share - seconds) : Number.NaN
      line = `[${this.color ? `\u001B[32m${bar}\u001B[39m` : bar}] ${Math.floor(share * 100)}%  ${line}${Number.isFinite(eta) ? `  ETA ${Math.ceil(eta)}s` : ''}`
    }
    this.stream.write(`\r${line}\u001B[K`)
  }

  /** Clears the line. */
  done(): void {
    this.stream.write('\r\u001B[K')
  }
}
