// better-sqlite3 falls back to a source build when its prebuilt binary cannot be fetched (as on
// machines that reach only the npm registry). node-gyp then downloads Node's headers unless it is
// pointed at local ones; pnpm does not read `nodedir` from .npmrc, so set it here when the
// headers are installed next to Node (Debian, Ubuntu, the official images).
const fs = require('node:fs')
const path = require('node:path')

const prefix = path.resolve(path.dirname(process.execPath), '..')
if (!process.env.npm_config_nodedir && fs.existsSync(path.join(prefix, 'include/node/node.h'))) {
  process.env.npm_config_nodedir = prefix
}

module.exports = { hooks: {} }
