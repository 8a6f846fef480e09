#!/usr/bin/env node
// Writes the JSON Schemas of a policy, a member, an item and the options into
// dist/schemas (run by `npm run build`, after tsup): the package ships them as
// `ai-training-scope/schemas/<name>.schema.json`.
import { mkdirSync, writeFileSync } from 'node:fs'
import { jsonSchemas } from '../dist/schemas.js'

const folder = new URL('../dist/schemas/', import.meta.url)
mkdirSync(folder, { recursive: true })
for (const [name, schema] of Object.entries(jsonSchemas())) {
  writeFileSync(new URL(`${name}.schema.json`, folder), `${JSON.stringify(schema, null, 2)}\n`)
}
