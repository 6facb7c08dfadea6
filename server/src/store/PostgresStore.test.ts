import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { requireService } from '../scale/requireService.js'
import { PostgresStore } from './PostgresStore.js'
import { storeContract } from './storeContract.js'

const url = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'

if (await requireService('postgres', url)) {
  storeContract('PostgresStore', async () => {
    // One schema per test, dropped after it: runs never see each other's rows.
    const schema = `sparboard_test_${randomBytes(6).toString('hex')}`
    let store = new PostgresStore({ connectionString: url, schema, maxConnections: 4 })
    return {
      get store() {
        return store
      },
      async reopen() {
        await store.close()
        store = new PostgresStore({ connectionString: url, schema, maxConnections: 4 })
        return store
      },
      async dispose() {
        await store.close()
        const admin = new pg.Client({ connectionString: url })
        await admin.connect()
        await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
        await admin.end()
      },
    }
  })
} else {
  // vitest fails a file without tests; this one says why it has none.
  const { it } = await import('vitest')
  it.skip('PostgresStore contract (postgres not reachable)', () => {})
}
