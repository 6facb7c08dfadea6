// Builds better-sqlite3's native addon at install time (pnpm-workspace.yaml tells pnpm not to).
// Why here: when no prebuilt binary can be fetched (machines that reach only the npm registry),
// node-gyp builds from source and downloads Node's headers unless `npm_config_nodedir` points at
// local ones, and pnpm passes no config file's `nodedir` to it. This script sets it when the
// headers sit next to Node (Debian, Ubuntu, the official images) and runs the package's own
// install steps: prebuild-install, else node-gyp.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'

const require = createRequire(new URL('../package.json', import.meta.url))

function works() {
  try {
    const Database = require('better-sqlite3')
    new Database(':memory:').close()
    return true
  } catch {
    return false
  }
}

if (works()) process.exit(0)

const pkgDir = dirname(require.resolve('better-sqlite3/package.json'))
const prefix = resolve(dirname(process.execPath), '..')
const env = { ...process.env }
if (!env.npm_config_nodedir && existsSync(join(prefix, 'include/node/node.h')))
  env.npm_config_nodedir = prefix

const nodeGyp = [
  process.env.npm_execpath &&
    join(dirname(process.env.npm_execpath), 'dist/node_modules/node-gyp/bin/node-gyp.js'),
  join(prefix, 'lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js'),
].find((p) => p && existsSync(p))

const run = (args) =>
  spawnSync(process.execPath, args, { cwd: pkgDir, env, stdio: 'inherit' }).status === 0
const prebuild = createRequire(join(pkgDir, 'package.json')).resolve('prebuild-install/bin.js')

console.log(
  'better-sqlite3: fetching or building the native addon (a source build takes ~2 minutes)',
)
if (!run([prebuild]) && !(nodeGyp && run([nodeGyp, 'rebuild', '--release']))) {
  console.error(
    'better-sqlite3 could not be built: install python3, make and a C++ compiler, or Node headers',
  )
  process.exit(1)
}
if (!works()) process.exit(1)
