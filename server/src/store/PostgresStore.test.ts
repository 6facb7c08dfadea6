import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { requireService } from '../scale/requireService.js'
import { hashToken } from './hashToken.js'
import { PostgresStore } from './PostgresStore.js'
import type { WorkshopRecord } from './Store.js'
import { storeContract } from './storeContract.js'

const url = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'

/** A schema as it was before personal tokens ([C20]), holding one workshop. */
async function writeLegacy(schema: string, w: WorkshopRecord): Promise<void> {
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  try {
    await admin.query(`
      CREATE SCHEMA ${schema};
      SET search_path TO ${schema};
      CREATE TABLE workshops (id TEXT PRIMARY KEY, data JSONB NOT NULL, created_at BIGINT NOT NULL);
      CREATE TABLE tokens (
        hash BYTEA PRIMARY KEY,
        workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
        role TEXT NOT NULL
      );
      CREATE TABLE boards (
        id TEXT PRIMARY KEY,
        workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
        snapshot BYTEA,
        stream_ms BIGINT NOT NULL DEFAULT 0,
        stream_seq BIGINT NOT NULL DEFAULT 0
      );`)
    await admin.query('INSERT INTO workshops (id, data, created_at) VALUES ($1, $2, $3)', [
      w.id,
      JSON.stringify(w),
      w.createdAt,
    ])
    for (const role of ['facilitator', 'participant', 'observer'] as const)
      await admin.query('INSERT INTO tokens (hash, workshop_id, role) VALUES ($1, $2, $3)', [
        hashToken(w.tokens[role]),
        w.id,
        role,
      ])
    for (const b of w.boards)
      await admin.query('INSERT INTO boards (id, workshop_id) VALUES ($1, $2)', [b.id, w.id])
  } finally {
    await admin.end()
  }
}

const dropSchema = async (schema: string) => {
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
  await admin.end()
}

if (await requireService('postgres', url)) {
  storeContract('PostgresStore', async () => {
    // One schema per test, dropped after it: runs never see each other's rows.
    const schemas = [`sparboard_test_${randomBytes(6).toString('hex')}`]
    let schema = schemas[0]!
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
      async legacy(workshop) {
        await store.close()
        schema = `sparboard_test_${randomBytes(6).toString('hex')}`
        schemas.push(schema)
        await writeLegacy(schema, workshop)
        store = new PostgresStore({ connectionString: url, schema, maxConnections: 4 })
        return store
      },
      async dispose() {
        await store.close()
        for (const s of schemas) await dropSchema(s)
      },
    }
  })
} else {
  // vitest fails a file without tests; this one says why it has none.
  const { it } = await import('vitest')
  it.skip('PostgresStore contract (postgres not reachable)', () => {})
}
