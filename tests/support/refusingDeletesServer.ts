/**
 * A server for the crash test of [C19], run by `spawnServer(dir, {}, <this file>)`: its store
 * never stores a deletion in a private room, so a reveal stops after its copy to the board and
 * before its delete, for the test to kill it there. A test file: production never runs it.
 */
import { join } from 'node:path'
import * as Y from 'yjs'
import { privateRoomMark } from '@sparboard/protocol'
import { createLogger, createServer, SqliteStore } from '@sparboard/server'
import { observeStore } from './ObservedStore.js'

const dataDir = process.env.DATA_DIR ?? './data'
const store = observeStore(new SqliteStore(join(dataDir, 'sparboard.sqlite')))
store.beforeAppend = (roomId, updates) => {
  const deletes = updates.some((u) => Y.decodeUpdate(u).ds.clients.size > 0)
  if (roomId.includes(privateRoomMark) && deletes)
    throw new Error('this test server stores no deletion in a private room')
}
const server = createServer({ dataDir, store, logger: createLogger('silent') })
const { port } = await server.listen(0, '127.0.0.1')
console.log(JSON.stringify({ port }))
