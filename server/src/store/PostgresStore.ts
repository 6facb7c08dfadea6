import { timingSafeEqual } from 'node:crypto'
import pg from 'pg'
import {
  methodOf,
  privateRoomMark,
  Role,
  type BoardVersion,
  type WorkshopMethod,
} from '@sparboard/protocol'
import { createLogger } from '../logger.js'
import { Failures, type ReportFailure } from '../metrics.js'
import { hashToken } from './hashToken.js'
import { versionOf, type VersionRow } from './versionOf.js'
import type {
  NewVersion,
  PersonalGrant,
  Store,
  StoredBoard,
  TokenGrant,
  WorkshopRecord,
} from './Store.js'

// Several nodes may start at once: the advisory lock makes creating the tables one at a time.
const schemaSql = (schema: string) => `
BEGIN;
SELECT pg_advisory_xact_lock(hashtext('sparboard-schema'));
CREATE SCHEMA IF NOT EXISTS ${schema};
SET LOCAL search_path TO ${schema};
CREATE TABLE IF NOT EXISTS workshops (
  id TEXT PRIMARY KEY,
  data JSONB NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE TABLE IF NOT EXISTS tokens (
  hash BYTEA PRIMARY KEY,
  workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
  role TEXT NOT NULL
);
-- [C20] personal tokens: whom one speaks for (NULL for a link's token), and whether a replaced
-- participant link suspends it; databases from before them get the columns here
ALTER TABLE tokens ADD COLUMN IF NOT EXISTS participant_id TEXT;
ALTER TABLE tokens ADD COLUMN IF NOT EXISTS suspended BOOLEAN NOT NULL DEFAULT false;
CREATE INDEX IF NOT EXISTS tokens_participant ON tokens(workshop_id, participant_id);
CREATE TABLE IF NOT EXISTS boards (
  id TEXT PRIMARY KEY,
  workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
  snapshot BYTEA,
  -- scale-out mode: the Redis stream entry the snapshot covers, as (ms, seq) of its id
  stream_ms BIGINT NOT NULL DEFAULT 0,
  stream_seq BIGINT NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS board_updates (
  seq BIGSERIAL PRIMARY KEY,
  board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
  data BYTEA NOT NULL
);
CREATE INDEX IF NOT EXISTS board_updates_board ON board_updates(board_id, seq);
CREATE TABLE IF NOT EXISTS sessions (
  workshop_id TEXT PRIMARY KEY REFERENCES workshops(id) ON DELETE CASCADE,
  data JSONB NOT NULL
);
CREATE TABLE IF NOT EXISTS workshop_activity (
  workshop_id TEXT PRIMARY KEY REFERENCES workshops(id) ON DELETE CASCADE,
  at BIGINT NOT NULL
);
CREATE TABLE IF NOT EXISTS board_versions (
  id BIGSERIAL PRIMARY KEY,
  board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
  at BIGINT NOT NULL,
  reason TEXT NOT NULL,
  phase TEXT,
  notes INTEGER NOT NULL,
  state BYTEA NOT NULL
);
CREATE INDEX IF NOT EXISTS board_versions_board ON board_versions(board_id, at);
CREATE INDEX IF NOT EXISTS board_versions_at ON board_versions(at);
CREATE TABLE IF NOT EXISTS recurring_decisions (
  seq BIGSERIAL PRIMARY KEY,
  workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
  data JSONB NOT NULL
);
CREATE INDEX IF NOT EXISTS recurring_decisions_workshop ON recurring_decisions(workshop_id, seq);
COMMIT;
`

/** A board snapshot and the Redis stream position it covers (scale-out mode). */
export interface StreamSnapshot {
  readonly snapshot: Uint8Array | null
  /** Stream entry id `ms-seq`; `0-0` when no stream entry was ever folded in. */
  readonly streamId: string
}

export interface PostgresStoreOptions {
  readonly connectionString: string
  /** Schema holding the tables (created if missing); tests use one schema per run. */
  readonly schema?: string
  readonly maxConnections?: number
  /** Where failures nobody awaits are logged and counted; a logger of its own when not given. */
  readonly report?: ReportFailure
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/

/** Workshops and boards in PostgreSQL: the store of scale-out mode, shared by every node. */
export class PostgresStore implements Store {
  readonly pool: pg.Pool
  private readonly schema: string
  private ready: Promise<void> | null = null
  private readonly report: ReportFailure

  constructor(options: PostgresStoreOptions) {
    const schema = options.schema ?? 'sparboard'
    if (!SCHEMA_NAME.test(schema)) throw new Error(`invalid schema name: ${schema}`)
    this.schema = schema
    this.report = options.report ?? new Failures(createLogger()).report
    this.pool = new pg.Pool({
      connectionString: options.connectionString,
      max: options.maxConnections ?? 10,
      options: `-c search_path=${schema}`,
      // An unreachable database fails a request in seconds instead of queueing it forever.
      connectionTimeoutMillis: 3000,
      // A connection once opened stays (a fixed-size pool, as HikariCP recommends): with pg's
      // default of closing them after 10 s idle, the connections a burst opened (100 boards
      // opening) all closed together, and those ~30 backends exiting at once took both cores of
      // the bench machine for ~300 ms: p99 relay 140-200 ms instead of 11 ms on three nodes.
      idleTimeoutMillis: 0,
    })
    // An idle client losing its connection (database restart) must not crash the process.
    this.pool.on('error', (err) => this.report('postgres-idle-client', err))
    // Not ready now (the database is away): the next request tries again.
    this.prepared().catch((err: unknown) => this.report('postgres-schema', err))
  }

  /** Creates the tables once; if the database was away, the next request tries again. */
  private prepared(): Promise<void> {
    if (!this.ready) {
      const attempt = this.pool.query(schemaSql(this.schema)).then(() => undefined)
      this.ready = attempt
      // Kept, a failed first attempt would fail every later request, long after the database is back.
      attempt.catch(() => this.ready === attempt && (this.ready = null))
    }
    return this.ready
  }

  private async query<R extends pg.QueryResultRow>(sql: string, params: unknown[] = []) {
    await this.prepared()
    return this.pool.query<R>(sql, params)
  }

  private async transaction<T>(run: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    await this.prepared()
    const client = await this.pool.connect()
    try {
      await client.query('BEGIN')
      const result = await run(client)
      await client.query('COMMIT')
      return result
    } catch (err) {
      // The error that got us here is the one thrown; a failed rollback only leaves a trace.
      await client
        .query('ROLLBACK')
        .catch((rollback: unknown) => this.report('postgres-rollback', rollback))
      throw err
    } finally {
      client.release()
    }
  }

  async createWorkshop(w: WorkshopRecord): Promise<void> {
    await this.transaction(async (c) => {
      await c.query('INSERT INTO workshops (id, data, created_at) VALUES ($1, $2, $3)', [
        w.id,
        JSON.stringify(w),
        w.createdAt,
      ])
      const roles = Object.values(Role)
      await c.query(
        'INSERT INTO tokens (hash, workshop_id, role) SELECT unnest($1::bytea[]), $2, unnest($3::text[])',
        [roles.map((r) => hashToken(w.tokens[r])), w.id, roles],
      )
      await c.query('INSERT INTO boards (id, workshop_id) SELECT unnest($1::text[]), $2', [
        w.boards.map((b) => b.id),
        w.id,
      ])
    })
  }

  async getWorkshop(id: string): Promise<WorkshopRecord | null> {
    const { rows } = await this.query<{ data: WorkshopRecord }>(
      'SELECT data FROM workshops WHERE id = $1',
      [id],
    )
    return rows[0]?.data ?? null
  }

  async setWorkshopMethod(workshopId: string, patch: Partial<WorkshopMethod>): Promise<boolean> {
    const { rowCount } = await this.query(
      `UPDATE workshops SET data = jsonb_set(data, '{method}', $2::jsonb || COALESCE(data->'method', '{}'::jsonb) || $3::jsonb)
       WHERE id = $1`,
      [workshopId, JSON.stringify(methodOf(undefined)), JSON.stringify(patch)],
    )
    return (rowCount ?? 0) > 0
  }

  async findToken(token: string): Promise<TokenGrant | null> {
    const hash = hashToken(token)
    const { rows } = await this.query<{
      hash: Buffer
      workshop_id: string
      role: string
      participant_id: string | null
    }>(
      'SELECT hash, workshop_id, role, participant_id FROM tokens WHERE hash = $1 AND NOT suspended',
      [hash],
    )
    const row = rows[0]
    if (!row || !timingSafeEqual(row.hash, hash)) return null
    const grant = { workshopId: row.workshop_id, role: row.role as Role }
    return row.participant_id === null ? grant : { ...grant, participantId: row.participant_id }
  }

  async addPersonalToken(workshopId: string, participantId: string, token: string) {
    const { rowCount } = await this.query(
      `INSERT INTO tokens (hash, workshop_id, role, participant_id)
       SELECT $1, id, 'participant', $2 FROM workshops WHERE id = $3`,
      [hashToken(token), participantId, workshopId],
    )
    return (rowCount ?? 0) > 0
  }

  async findPersonalToken(token: string): Promise<PersonalGrant | null> {
    const hash = hashToken(token)
    const { rows } = await this.query<{
      hash: Buffer
      workshop_id: string
      participant_id: string
      suspended: boolean
    }>(
      `SELECT hash, workshop_id, participant_id, suspended FROM tokens
       WHERE hash = $1 AND participant_id IS NOT NULL`,
      [hash],
    )
    const row = rows[0]
    if (!row || !timingSafeEqual(row.hash, hash)) return null
    return {
      workshopId: row.workshop_id,
      participantId: row.participant_id,
      suspended: row.suspended,
    }
  }

  async resumePersonalToken(token: string): Promise<void> {
    await this.query(
      'UPDATE tokens SET suspended = false WHERE hash = $1 AND participant_id IS NOT NULL',
      [hashToken(token)],
    )
  }

  async deletePersonalTokens(workshopId: string, participantId: string): Promise<number> {
    const { rowCount } = await this.query(
      'DELETE FROM tokens WHERE workshop_id = $1 AND participant_id = $2',
      [workshopId, participantId],
    )
    return rowCount ?? 0
  }

  async replaceToken(workshopId: string, role: Role, token: string): Promise<boolean> {
    return this.transaction(async (c) => {
      // The record keeps the plaintext token (links are shown again); the table only its hash.
      const { rowCount } = await c.query(
        `UPDATE workshops SET data = jsonb_set(data, ARRAY['tokens', $2::text], to_jsonb($3::text))
         WHERE id = $1`,
        [workshopId, role, token],
      )
      if (!rowCount) return false
      await c.query(
        'DELETE FROM tokens WHERE workshop_id = $1 AND role = $2 AND participant_id IS NULL',
        [workshopId, role],
      )
      await c.query('INSERT INTO tokens (hash, workshop_id, role) VALUES ($1, $2, $3)', [
        hashToken(token),
        workshopId,
        role,
      ])
      // [C20] everyone on the old link rejoins through the new one before their own token works
      await c.query(
        'UPDATE tokens SET suspended = true WHERE workshop_id = $1 AND role = $2 AND participant_id IS NOT NULL',
        [workshopId, role],
      )
      return true
    })
  }

  async findBoardWorkshop(boardId: string): Promise<string | null> {
    const { rows } = await this.query<{ workshop_id: string }>(
      'SELECT workshop_id FROM boards WHERE id = $1',
      [boardId],
    )
    return rows[0]?.workshop_id ?? null
  }

  /**
   * Scale-out mode: a board is its snapshot plus its Redis stream, not the log table; readers
   * other than the hub (exports) load it from there too.
   */
  scaleOutBoards: ((boardId: string) => Promise<StoredBoard>) | null = null

  async loadBoard(boardId: string): Promise<StoredBoard> {
    if (this.scaleOutBoards) return this.scaleOutBoards(boardId)
    return this.transaction(async (c) => {
      // One snapshot of the database for both reads: a compaction in between cannot drop rows.
      await c.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ')
      const snap = await c.query<{ snapshot: Buffer | null }>(
        'SELECT snapshot FROM boards WHERE id = $1',
        [boardId],
      )
      const log = await c.query<{ data: Buffer }>(
        'SELECT data FROM board_updates WHERE board_id = $1 ORDER BY seq',
        [boardId],
      )
      const updates = log.rows.map((r) => new Uint8Array(r.data))
      const snapshot = snap.rows[0]?.snapshot
      return {
        updates: snapshot ? [new Uint8Array(snapshot), ...updates] : updates,
        logRows: updates.length,
        logBytes: updates.reduce((n, u) => n + u.byteLength, 0),
      }
    })
  }

  async appendUpdates(boardId: string, updates: readonly Uint8Array[]): Promise<void> {
    if (updates.length === 0) return
    // One statement is one transaction; WITH ORDINALITY keeps the batch's order in `seq`.
    await this.query(
      `INSERT INTO board_updates (board_id, data)
       SELECT $1, u.data FROM unnest($2::bytea[]) WITH ORDINALITY AS u(data, n) ORDER BY u.n`,
      [boardId, updates.map((u) => Buffer.from(u.buffer, u.byteOffset, u.byteLength))],
    )
  }

  async compactBoard(boardId: string, snapshot: Uint8Array): Promise<void> {
    await this.transaction(async (c) => {
      await c.query('UPDATE boards SET snapshot = $1 WHERE id = $2', [
        Buffer.from(snapshot),
        boardId,
      ])
      await c.query('DELETE FROM board_updates WHERE board_id = $1', [boardId])
    })
  }

  /** Scale-out mode: the board's snapshot and the stream entry it covers. */
  async loadStreamSnapshot(boardId: string): Promise<StreamSnapshot> {
    const { rows } = await this.query<{ snapshot: Buffer | null; ms: string; seq: string }>(
      'SELECT snapshot, stream_ms AS ms, stream_seq AS seq FROM boards WHERE id = $1',
      [boardId],
    )
    const row = rows[0]
    if (!row) return { snapshot: null, streamId: '0-0' }
    return {
      snapshot: row.snapshot ? new Uint8Array(row.snapshot) : null,
      streamId: `${row.ms}-${row.seq}`,
    }
  }

  /**
   * Scale-out mode: stores a snapshot covering the stream up to `streamId`, unless a newer one
   * is already there (two nodes may race; the later position wins). False when it was older.
   */
  async saveStreamSnapshot(
    boardId: string,
    snapshot: Uint8Array,
    streamId: string,
  ): Promise<boolean> {
    const [ms, seq] = streamId.split('-')
    const { rowCount } = await this.query(
      `UPDATE boards SET snapshot = $1, stream_ms = $3, stream_seq = $4
       WHERE id = $2 AND (stream_ms, stream_seq) <= ($3::bigint, $4::bigint)`,
      [Buffer.from(snapshot), boardId, ms, seq],
    )
    return (rowCount ?? 0) > 0
  }

  async saveVersion(
    boardId: string,
    version: NewVersion,
    state: Uint8Array,
    unlessSince?: number,
  ): Promise<BoardVersion | null> {
    return this.transaction(async (c) => {
      // Two nodes that both saw a board's activity check and insert one after the other.
      await c.query(`SELECT pg_advisory_xact_lock(hashtext('sparboard-version'), hashtext($1))`, [
        boardId,
      ])
      const { rows } = await c.query<{ id: string }>(
        `INSERT INTO board_versions (board_id, at, reason, phase, notes, state)
         SELECT $1, $2, $3, $4, $5, $6
         WHERE $7::bigint IS NULL OR NOT EXISTS (SELECT 1 FROM board_versions
           WHERE board_id = $1 AND reason = $3 AND at >= $7::bigint)
         RETURNING id`,
        [
          boardId,
          version.at,
          version.reason,
          version.phase,
          version.notes,
          Buffer.from(state.buffer, state.byteOffset, state.byteLength),
          unlessSince ?? null,
        ],
      )
      return rows[0] ? { id: Number(rows[0].id), ...version } : null
    })
  }

  async listVersions(boardId: string): Promise<BoardVersion[]> {
    const { rows } = await this.query<VersionRow>(
      `SELECT id, at, reason, phase, notes FROM board_versions WHERE board_id = $1
       ORDER BY at DESC, id DESC`,
      [boardId],
    )
    return rows.map(versionOf)
  }

  async loadVersion(boardId: string, versionId: number): Promise<Uint8Array | null> {
    const { rows } = await this.query<{ state: Buffer }>(
      'SELECT state FROM board_versions WHERE board_id = $1 AND id = $2',
      [boardId, versionId],
    )
    return rows[0] ? new Uint8Array(rows[0].state) : null
  }

  async deleteVersions(boardId: string, versionIds: readonly number[]): Promise<number> {
    const { rowCount } = await this.query(
      'DELETE FROM board_versions WHERE board_id = $1 AND id = ANY($2::bigint[])',
      [boardId, versionIds],
    )
    return rowCount ?? 0
  }

  async deleteVersionsBefore(at: number): Promise<number> {
    const { rowCount } = await this.query('DELETE FROM board_versions WHERE at < $1', [at])
    return rowCount ?? 0
  }

  /**
   * Scale-out mode: told the rooms (boards and private rooms) of every deleted workshop, so that
   * their Redis streams go too and other nodes close their connections.
   */
  onRoomsDeleted: (roomIds: string[]) => Promise<void> = async () => {}

  async deleteWorkshop(id: string): Promise<boolean> {
    // Tokens, boards, their updates, versions and activity go with it (ON DELETE CASCADE).
    const { deleted, rooms } = await this.transaction(async (c) => {
      const gone = await c.query<{ id: string }>(
        'DELETE FROM boards WHERE workshop_id = $1 RETURNING id',
        [id],
      )
      const { rowCount } = await c.query('DELETE FROM workshops WHERE id = $1', [id])
      return { deleted: (rowCount ?? 0) > 0, rooms: gone.rows.map((r) => r.id) }
    })
    if (rooms.length > 0) await this.onRoomsDeleted(rooms)
    return deleted
  }

  async touchWorkshop(id: string, at: number): Promise<void> {
    await this.query(
      `INSERT INTO workshop_activity (workshop_id, at) SELECT id, $1 FROM workshops WHERE id = $2
       ON CONFLICT (workshop_id) DO UPDATE
       SET at = GREATEST(workshop_activity.at, excluded.at)`,
      [at, id],
    )
  }

  async staleWorkshops(before: number): Promise<string[]> {
    const { rows } = await this.query<{ id: string }>(
      `SELECT w.id FROM workshops w LEFT JOIN workshop_activity a ON a.workshop_id = w.id
       WHERE coalesce(a.at, w.created_at) < $1 ORDER BY coalesce(a.at, w.created_at), w.id`,
      [before],
    )
    return rows.map((r) => r.id)
  }

  async addRooms(workshopId: string, roomIds: readonly string[]): Promise<void> {
    await this.query(
      `INSERT INTO boards (id, workshop_id) SELECT DISTINCT unnest($1::text[]), $2
       ON CONFLICT (id) DO NOTHING`,
      [roomIds, workshopId],
    )
  }

  async privateRooms(workshopId: string): Promise<string[]> {
    const { rows } = await this.query<{ id: string }>(
      'SELECT id FROM boards WHERE workshop_id = $1 AND strpos(id, $2) > 0 ORDER BY id COLLATE "C"',
      [workshopId, privateRoomMark],
    )
    return rows.map((r) => r.id)
  }

  async getSession(workshopId: string): Promise<unknown> {
    const { rows } = await this.query<{ data: unknown }>(
      'SELECT data FROM sessions WHERE workshop_id = $1',
      [workshopId],
    )
    return rows[0]?.data ?? null
  }

  async saveSession(workshopId: string, session: unknown): Promise<void> {
    await this.query(
      `INSERT INTO sessions (workshop_id, data) VALUES ($1, $2)
       ON CONFLICT (workshop_id) DO UPDATE SET data = excluded.data`,
      [workshopId, JSON.stringify(session)],
    )
  }

  async addRecurringDecision(workshopId: string, decision: unknown, limit: number) {
    // (two nodes adding at the same instant may each pass the limit by one: it bounds a list)
    const { rowCount } = await this.query(
      `INSERT INTO recurring_decisions (workshop_id, data)
       SELECT id, $2::jsonb FROM workshops WHERE id = $1
       AND (SELECT count(*) FROM recurring_decisions WHERE workshop_id = $1) < $3`,
      [workshopId, JSON.stringify(decision), limit],
    )
    return (rowCount ?? 0) > 0
  }

  async recurringDecisions(workshopId: string): Promise<unknown[]> {
    const { rows } = await this.query<{ data: unknown }>(
      'SELECT data FROM recurring_decisions WHERE workshop_id = $1 ORDER BY seq',
      [workshopId],
    )
    return rows.map((r) => r.data)
  }

  async pendingReveals(): Promise<string[]> {
    const { rows } = await this.query<{ workshop_id: string }>(
      `SELECT workshop_id FROM sessions WHERE data -> 'revealPending' = 'true'::jsonb
       ORDER BY workshop_id COLLATE "C"`,
    )
    return rows.map((r) => r.workshop_id)
  }

  /** Answers once the database does (outage watch). */
  async ping(): Promise<void> {
    await this.query('SELECT 1')
  }

  private closed: Promise<void> | null = null
  async close(): Promise<void> {
    this.closed ??= this.pool.end()
    await this.closed
  }
}
