// Adds up the test-results.json that each package's vitest wrote under CI and prints one
// closing line, "N passed, N failed, N skipped", for whoever reads the end of the log.
// Every workspace package with a `test` script counts: the list comes from pnpm-workspace.yaml,
// and a package whose results file is missing fails the run (its tests did not report).
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

// The repository root, or the workspace given as the first argument.
const root = process.argv[2] ?? new URL('../..', import.meta.url).pathname

/** The workspace's package directories: pnpm-workspace.yaml's `packages:` entries, `dir/*` expanded. */
export function workspacePackages(rootDir) {
  const yaml = readFileSync(join(rootDir, 'pnpm-workspace.yaml'), 'utf8')
  const block = /^packages:\n((?:[ \t]+-.*\n?)+)/m.exec(yaml)?.[1] ?? ''
  const patterns = block
    .split('\n')
    .map((l) => l.replace(/^\s*-\s*/, '').replace(/^['"]|['"]$/g, ''))
    .filter(Boolean)
  const dirs = []
  for (const p of patterns) {
    if (p.endsWith('/*')) {
      const parent = p.slice(0, -2)
      for (const d of readdirSync(join(rootDir, parent), { withFileTypes: true }))
        if (d.isDirectory()) dirs.push(`${parent}/${d.name}`)
    } else dirs.push(p)
  }
  return dirs.filter((d) => existsSync(join(rootDir, d, 'package.json'))).sort()
}

/** The packages that have tests (a `test` script), each with its counts or `missing`. */
export function summarize(rootDir) {
  const rows = []
  for (const dir of workspacePackages(rootDir)) {
    const manifest = JSON.parse(readFileSync(join(rootDir, dir, 'package.json'), 'utf8'))
    if (!manifest.scripts?.test) continue
    const file = join(rootDir, dir, 'test-results.json')
    if (!existsSync(file)) {
      rows.push({ dir, missing: true })
      continue
    }
    const r = JSON.parse(readFileSync(file, 'utf8'))
    rows.push({
      dir,
      passed: r.numPassedTests,
      failed: r.numFailedTests,
      skipped: r.numPendingTests + (r.numTodoTests ?? 0),
    })
  }
  return rows
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = summarize(root)
  let passed = 0
  let failed = 0
  let skipped = 0
  for (const r of rows) {
    if (r.missing) {
      console.log(`${r.dir}: no test-results.json (its tests did not report)`)
      continue
    }
    console.log(`${r.dir}: ${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped`)
    passed += r.passed
    failed += r.failed
    skipped += r.skipped
  }
  const missing = rows.filter((r) => r.missing).length
  console.log(
    `${passed} passed, ${failed} failed, ${skipped} skipped` +
      (missing ? `, ${missing} package(s) without results` : ''),
  )
  process.exit(failed > 0 || missing > 0 || passed === 0 ? 1 : 0)
}
