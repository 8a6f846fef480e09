#!/usr/bin/env node
// The medians of saved `npm run bench` runs, as bench/results.md shows them:
//
//   npm run bench > run1.txt   (five times, one after another)
//   node bench/median.mjs run1.txt ... run5.txt [--before old1.txt ...] > bench/results.md
//
// Each figure is the median, number by number, of the same row in every run;
// each budget is judged again on its median. With --before, the medians of
// the older runs stand beside them.
import { readFileSync } from 'node:fs'

const NUMBER = /\d[\d,]*(?:\.\d+)?/g

/** A run's table rows, by their first cell: the cells after it. */
function rowsOf(file) {
  const rows = new Map()
  const runs = []
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    // "Run 2026-12-07T14:07:24.527Z on 2 x AMD EPYC, Node v20.20.2. ..."
    if (line.startsWith('Run ')) runs.push(line.slice(4, line.indexOf('. ')).split(' on '))
    if (!line.startsWith('| ') || line.startsWith('| measure |') || line.startsWith('| budget |')) continue
    const [label, ...cells] = line.slice(2, -2).split(' | ')
    rows.set(label, cells)
  }
  return { rows, run: runs[0] ?? [file, 'an unknown machine'] }
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

/** `texts` (one cell of each run) with each number replaced by its median over them, written as the first run writes it. */
function medianText(texts) {
  const numbers = texts.map((text) => (text.match(NUMBER) ?? []).map((each) => Number(each.replaceAll(',', ''))))
  let index = 0
  return texts[0].replace(NUMBER, (first) => {
    const value = median(numbers.map((list) => list[index]).filter((each) => each !== undefined))
    index++
    const decimals = first.includes('.') ? first.length - first.indexOf('.') - 1 : 0
    return first.includes(',') ? value.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }) : value.toFixed(decimals)
  })
}

/** Whether a measured text meets a wanted one: "at least N", "within N", "at most N", "0 differences". */
function meets(measured, wanted) {
  const value = Number((measured.match(NUMBER)?.[0] ?? 'NaN').replaceAll(',', ''))
  const limit = Number((wanted.match(NUMBER)?.[0] ?? 'NaN').replaceAll(',', ''))
  return wanted.startsWith('at least') ? value >= limit : value <= limit
}

/** The median row of each label over `files`: measures as [figure], budgets as [measured, wanted]. */
function medians(files) {
  const runs = files.map(rowsOf)
  const out = new Map()
  for (const label of runs[0].rows.keys()) {
    const cells = runs.map((run) => run.rows.get(label)).filter((each) => each !== undefined)
    out.set(label, cells[0].map((_, column) => medianText(cells.map((each) => each[column]))))
  }
  return { rows: out, runs: runs.map((run) => run.run[0]), machines: [...new Set(runs.map((run) => run.run[1]))] }
}

const args = process.argv.slice(2)
const split = args.indexOf('--before')
const after = medians(split === -1 ? args : args.slice(0, split))
const before = split === -1 ? undefined : medians(args.slice(split + 1))

const isBudget = (cells) => cells.length >= 3
const lines = ['# Benchmark results', '']
lines.push(`Medians of ${after.runs.length} runs of \`npm run bench\`, one after another (${after.runs.join(', ')}) on ${after.machines.join('; ')}, made by \`node bench/median.mjs\`.`)
if (before !== undefined) lines.push('', `Before: the medians of ${before.runs.length} runs of the version before (${before.runs.join(', ')}) on ${before.machines.join('; ')}.`)
lines.push('', before === undefined ? '| measure | median |' : '| measure | before | after |', before === undefined ? '|---|---|' : '|---|---|---|')
const labels = [...after.rows.keys(), ...(before === undefined ? [] : [...before.rows.keys()].filter((label) => !after.rows.has(label)))]
for (const label of labels.filter((each) => !isBudget(after.rows.get(each) ?? before?.rows.get(each)))) {
  const now = after.rows.get(label)?.[0] ?? '–'
  lines.push(before === undefined ? `| ${label} | ${now} |` : `| ${label} | ${before.rows.get(label)?.[0] ?? '–'} | ${now} |`)
}
lines.push('', before === undefined ? '| budget | median | wanted | |' : '| budget | wanted | before | after |', before === undefined ? '|---|---|---|---|' : '|---|---|---|---|')
const verdict = (measured, wanted) => (meets(measured, wanted) ? 'met' : '**missed**')
for (const label of labels.filter((each) => isBudget(after.rows.get(each) ?? before?.rows.get(each)))) {
  const [measured, wanted] = after.rows.get(label) ?? ['–', before?.rows.get(label)?.[1] ?? '']
  if (before === undefined) lines.push(`| ${label} | ${measured} | ${wanted} | ${verdict(measured, wanted)} |`)
  else {
    const old = before.rows.get(label)?.[0]
    lines.push(`| ${label} | ${wanted} | ${old === undefined ? '–' : `${old} (${verdict(old, wanted)})`} | ${measured} (${verdict(measured, wanted)}) |`)
  }
}
process.stdout.write(`${lines.join('\n')}\n`)
