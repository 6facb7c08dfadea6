/**
 * Hocuspocus 4 as its documentation sets it up, run by `hocuspocusServer.ts` under Node 22 (which
 * strips the types itself): in memory, or with `HOCUSPOCUS_SQLITE=<file>` its SQLite extension
 * (the Database extension on better-sqlite3), which stores the whole document debounced (the
 * server's defaults: 2 s after the last change, at most every 10 s, and at once when the last
 * client leaves or the server stops). Prints `{"port": n}` once listening.
 */
import { createRequire } from 'node:module'
import { Server } from '@hocuspocus/server'
import { SQLite } from '@hocuspocus/extension-sqlite'

const database = process.env.HOCUSPOCUS_SQLITE
const addon = process.env.HOCUSPOCUS_SQLITE_ADDON

/**
 * The extension's own setup, with the better-sqlite3 addon built for Node 22: the workspace's
 * copy of the package is built for the Node 20 that runs everything else.
 */
class SQLiteOnNode22 extends SQLite {
  override async onConfigure() {
    const BetterSqlite3 = createRequire(import.meta.resolve('@hocuspocus/extension-sqlite'))(
      'better-sqlite3',
    ) as new (file: string, options: { nativeBinding?: string }) => NonNullable<SQLite['db']>
    this.db = new BetterSqlite3(this.configuration.database, { nativeBinding: addon })
    this.db.exec(this.configuration.schema)
  }
}

const server = new Server({
  port: 0,
  address: '127.0.0.1',
  quiet: true,
  extensions: database ? [new SQLiteOnNode22({ database })] : [],
})
await server.listen()
console.log(JSON.stringify({ port: server.address.port }))
