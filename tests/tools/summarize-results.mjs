// Adds up the test-results.json that each package's vitest wrote under CI and prints one
// closing line, "N passed, N failed, N skipped", for whoever reads the end of the log.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const root = new URL('../..', import.meta.url).pathname
const packages = ['packages/board-model', 'packages/protocol', 'server', 'client', 'tests']
let passed = 0
let failed = 0
let skipped = 0
for (const pkg of packages) {
  const file = join(root, pkg, 'test-results.json')
  if (!existsSync(file)) continue
  const r = JSON.parse(readFileSync(file, 'utf8'))
  passed += r.numPassedTests
  failed += r.numFailedTests
  skipped += r.numPendingTests + (r.numTodoTests ?? 0)
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`)
process.exit(failed > 0 || passed === 0 ? 1 : 0)
