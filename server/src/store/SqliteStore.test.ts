import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SqliteStore } from './SqliteStore.js'
import { storeContract } from './storeContract.js'

storeContract('SqliteStore', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sparboard-store-'))
  const file = join(dir, 'sparboard.sqlite')
  let store = new SqliteStore(file)
  return {
    get store() {
      return store
    },
    async reopen() {
      await store.close()
      store = new SqliteStore(file)
      return store
    },
    async dispose() {
      await store.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
})
