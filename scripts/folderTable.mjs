// Writes the folder-import table of docs/architecture.md from folders.config.js, the file the
// lint rule is made from. `--check` writes nothing and fails when the table is stale. Either way
// it fails when a part lists an unknown part or the parts import each other in a circle.
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import * as prettier from 'prettier'
import { folders } from '../folders.config.js'

const DOC = fileURLToPath(new URL('../docs/architecture.md', import.meta.url))
const BEGIN = '<!-- folder table: written by `pnpm docs:folders` from folders.config.js -->'
const END = '<!-- end of folder table -->'

/** The parts of one side in an order where each comes after every part it may import. */
function layered(side, parts) {
  const order = []
  const state = new Map()
  const visit = (name, path) => {
    if (!(name in parts)) throw new Error(`${side}: ${path.at(-1)} lists unknown part ${name}`)
    if (state.get(name) === 'done') return
    if (state.get(name) === 'visiting')
      throw new Error(
        `${side}: parts import each other in a circle: ${[...path, name].join(' -> ')}`,
      )
    state.set(name, 'visiting')
    for (const dep of parts[name].may) visit(dep, [...path, name])
    state.set(name, 'done')
    order.push(name)
  }
  for (const name of Object.keys(parts)) visit(name, [])
  return order
}

function table() {
  const out = [BEGIN, '']
  for (const [side, { root, parts }] of Object.entries(folders)) {
    out.push(`\`${root}\`, each part after the parts it may import:`, '')
    out.push('| part | what it holds | may import |', '| --- | --- | --- |')
    for (const name of layered(side, parts)) {
      const part = parts[name]
      const where = part.files
        ? `${name} (${part.files.map((f) => `\`${f}\``).join(', ')})`
        : `\`${name}/\``
      out.push(`| ${where} | ${part.about} | ${part.may.join(', ') || '(none)'} |`)
    }
    out.push('')
  }
  out.push(END)
  return out.join('\n')
}

const doc = readFileSync(DOC, 'utf8')
const from = doc.indexOf(BEGIN)
const to = doc.indexOf(END)
if (from < 0 || to < from) throw new Error(`docs/architecture.md has no ${BEGIN} … ${END} block`)
const next = await prettier.format(doc.slice(0, from) + table() + doc.slice(to + END.length), {
  ...(await prettier.resolveConfig(DOC)),
  filepath: DOC,
})
if (process.argv.includes('--check')) {
  if (next !== doc) {
    console.error(
      'docs/architecture.md: the folder table differs from folders.config.js; run pnpm docs:folders',
    )
    process.exit(1)
  }
} else if (next !== doc) {
  writeFileSync(DOC, next)
  console.log('docs/architecture.md: folder table written')
}
