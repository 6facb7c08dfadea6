import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { execFile } from 'node:child_process'

const tool = new URL('../tools/summarize-results.mjs', import.meta.url).pathname
const roots: string[] = []
afterEach(() => roots.splice(0).forEach((r) => rmSync(r, { recursive: true, force: true })))

/** A workspace like this one: packages/*, server, tests; each with or without tests and results. */
function workspace(
  packages: Record<string, { test?: boolean; results?: [number, number, number] }>,
) {
  const root = mkdtempSync(join(tmpdir(), 'sparboard-summary-'))
  roots.push(root)
  writeFileSync(
    join(root, 'pnpm-workspace.yaml'),
    "packages:\n  - packages/*\n  - server\n  - 'tests'\n\ncatalog:\n  yjs: 13.6.33\n",
  )
  for (const [dir, p] of Object.entries(packages)) {
    mkdirSync(join(root, dir), { recursive: true })
    const scripts = p.test ? { test: 'vitest run' } : {}
    writeFileSync(join(root, dir, 'package.json'), JSON.stringify({ name: dir, scripts }))
    if (p.results) {
      const [passed, failed, skipped] = p.results
      writeFileSync(
        join(root, dir, 'test-results.json'),
        JSON.stringify({
          numPassedTests: passed,
          numFailedTests: failed,
          numPendingTests: skipped,
          numTodoTests: 0,
        }),
      )
    }
  }
  return root
}

/** Runs the tool as .ci/run does; resolves with its exit code and output. */
const run = (root: string) =>
  new Promise<{ code: number; out: string }>((resolve) =>
    execFile(process.execPath, [tool, root], (err, stdout, stderr) =>
      resolve({ code: err ? Number(err.code) : 0, out: stdout + stderr }),
    ),
  )

const summarize = async (root: string) =>
  ((await import(tool)) as { summarize: (root: string) => unknown[] }).summarize(root)

describe('CI results summary (.ci/run)', () => {
  it('counts every workspace package with tests, including one added under packages/ later', async () => {
    const root = workspace({
      'packages/board-model': { test: true, results: [10, 0, 1] },
      'packages/new-package': { test: true, results: [4, 0, 0] },
      'packages/docs-only': {},
      server: { test: true, results: [20, 0, 0] },
      tests: { test: true, results: [30, 0, 2] },
    })
    expect(await summarize(root)).toEqual([
      { dir: 'packages/board-model', passed: 10, failed: 0, skipped: 1 },
      { dir: 'packages/new-package', passed: 4, failed: 0, skipped: 0 },
      { dir: 'server', passed: 20, failed: 0, skipped: 0 },
      { dir: 'tests', passed: 30, failed: 0, skipped: 2 },
    ])
  })

  it('fails the run, naming the package, when a package with tests wrote no results', async () => {
    const root = workspace({
      'packages/board-model': { test: true, results: [10, 0, 0] },
      'packages/board-scene': { test: true },
      server: { test: true, results: [20, 0, 0] },
    })
    expect(await summarize(root)).toContainEqual({ dir: 'packages/board-scene', missing: true })
    const { code, out } = await run(root)
    expect(code).toBe(1)
    expect(out).toContain('packages/board-scene: no test-results.json')
    expect(out).toContain('30 passed, 0 failed, 0 skipped, 1 package(s) without results')
  })

  it('passes when every package reported and none failed, and fails on a failed test', async () => {
    const ok = workspace({
      'packages/a': { test: true, results: [1, 0, 0] },
      server: { test: true, results: [2, 0, 1] },
    })
    expect(await run(ok)).toEqual({
      code: 0,
      out: 'packages/a: 1 passed, 0 failed, 0 skipped\nserver: 2 passed, 0 failed, 1 skipped\n3 passed, 0 failed, 1 skipped\n',
    })
    const failed = workspace({
      'packages/a': { test: true, results: [1, 1, 0] },
      server: { test: true, results: [2, 0, 0] },
    })
    expect((await run(failed)).code).toBe(1)
  })

  it('every package of this repository that has tests is in the summary', async () => {
    const root = new URL('../..', import.meta.url).pathname
    const dirs = ((await summarize(root)) as { dir: string }[]).map((r) => r.dir)
    expect(dirs).toEqual([
      'client',
      'packages/board-model',
      'packages/board-scene',
      'packages/protocol',
      'packages/recurring',
      'server',
      'tests',
    ])
  })
})
