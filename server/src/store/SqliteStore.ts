import Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { timingSafeEqual } from 'node:crypto'
import {
  methodOf,
  privateRoomMark,
  Role,
  type BoardVersion,
  type WorkshopMethod,
} from '@sparboard/protocol'
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
import type { ReportFailure } from '../metrics.js'
import { WalCheckpointer } from './WalCheckpointer.js'
import { BoardReader, SELECT_LOG, SELECT_SNAPSHOT } from './BoardReader.js'

const SCHEMA = `
CREATE TABLE IF NOT EXISTS workshops (
  id TEXT PRIMARY KEY,
  data TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS tokens (
  hash BLOB PRIMARY KEY,
  workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
  role TEXT NOT NULL,
  -- [C20] whom a participant's personal token speaks for; NULL for a link's token
  participant_id TEXT,
  -- [C20] 1 while a replaced participant link suspends a personal token
  suspended INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS boards (
  id TEXT PRIMARY KEY,
  workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
  snapshot BLOB
);
-- No AUTOINCREMENT: a new row's seq is still above every row there (max + 1), which is all the
-- log order needs, and a commit no longer rewrites sqlite_sequence (a quarter of its pages).
CREATE TABLE IF NOT EXISTS board_updates (
  seq INTEGER PRIMARY KEY,
  board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
  data BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS board_updates_board ON board_updates(board_id, seq);
CREATE TABLE IF NOT EXISTS sessions (
  workshop_id TEXT PRIMARY KEY REFERENCES workshops(id) ON DELETE CASCADE,
  data TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS workshop_activity (
  workshop_id TEXT PRIMARY KEY REFERENCES workshops(id) ON DELETE CASCADE,
  at INTEGER NOT NULL
) WITHOUT ROWID;
-- AUTOINCREMENT: a version id is never handed out twice, so a restore of an id a timeline showed
-- can never find a newer version that took the id of a pruned one.
CREATE TABLE IF NOT EXISTS board_versions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
  at INTEGER NOT NULL,
  reason TEXT NOT NULL,
  phase TEXT,
  notes INTEGER NOT NULL,
  state BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS board_versions_board ON board_versions(board_id, at);
CREATE INDEX IF NOT EXISTS board_versions_at ON board_versions(at);
-- the facilitator's merges and splits of recurring frictions, in the order they were taken
CREATE TABLE IF NOT EXISTS recurring_decisions (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
  data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS recurring_decisions_workshop ON recurring_decisions(workshop_id, seq);
`

/** Brings a file from an older version up to SCHEMA; safe to run on every open. */
function migrate(db: Database.Database): void {
  db.transaction(() => {
    const columns = new Set(
      db
        .prepare<[], { name: string }>('PRAGMA table_info(tokens)')
        .all()
        .map((c) => c.name),
    )
    // [C20] files from before personal tokens: every row there is a link's token
    if (!columns.has('participant_id')) db.exec('ALTER TABLE tokens ADD COLUMN participant_id TEXT')
    if (!columns.has('suspended'))
      db.exec('ALTER TABLE tokens ADD COLUMN suspended INTEGER NOT NULL DEFAULT 0')
    db.exec('CREATE INDEX IF NOT EXISTS tokens_participant ON tokens(workshop_id, participant_id)')
  })()
}

/** The embedded store: one SQLite file in WAL mode. */
export class SqliteStore implements Store {
  private readonly db: Database.Database
  private readonly stmts
  private readonly checkpointer: WalCheckpointer | null
  /** Reads whole boards off the main thread; none for an in-memory database. */
  private readonly reader: BoardReader | null
  private readonly appendMany: (boardId: string, updates: readonly Uint8Array[]) => void
  /** One wrapper, made once: better-sqlite3's `transaction()` costs ~20 µs to build. */
  private readonly inTransaction: (work: () => void) => void

  constructor(
    file: string,
    options: { checkpointIntervalMs?: number; report?: ReportFailure } = {},
  ) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true })
    this.db = new Database(file)
    this.db.pragma('journal_mode = WAL')
    // WAL + NORMAL: a committed transaction survives a process crash (kill -9); only an OS crash
    // or power loss may lose the last transactions.
    this.db.pragma('synchronous = NORMAL')
    this.db.pragma('foreign_keys = ON')
    this.db.exec(SCHEMA)
    migrate(this.db)
    this.stmts = {
      insertWorkshop: this.db.prepare(
        'INSERT INTO workshops (id, data, created_at) VALUES (?, ?, ?)',
      ),
      insertToken: this.db.prepare('INSERT INTO tokens (hash, workshop_id, role) VALUES (?, ?, ?)'),
      insertBoard: this.db.prepare('INSERT INTO boards (id, workshop_id) VALUES (?, ?)'),
      getWorkshop: this.db.prepare<[string], { data: string }>(
        'SELECT data FROM workshops WHERE id = ?',
      ),
      findToken: this.db.prepare<
        [Buffer],
        { hash: Buffer; workshop_id: string; role: string; participant_id: string | null }
      >(
        'SELECT hash, workshop_id, role, participant_id FROM tokens WHERE hash = ? AND suspended = 0',
      ),
      insertPersonal: this.db.prepare(
        `INSERT INTO tokens (hash, workshop_id, role, participant_id)
         SELECT ?, id, 'participant', ? FROM workshops WHERE id = ?`,
      ),
      findPersonal: this.db.prepare<
        [Buffer],
        { hash: Buffer; workshop_id: string; participant_id: string; suspended: number }
      >(
        `SELECT hash, workshop_id, participant_id, suspended FROM tokens
         WHERE hash = ? AND participant_id IS NOT NULL`,
      ),
      resumePersonal: this.db.prepare(
        'UPDATE tokens SET suspended = 0 WHERE hash = ? AND participant_id IS NOT NULL',
      ),
      deletePersonal: this.db.prepare(
        'DELETE FROM tokens WHERE workshop_id = ? AND participant_id = ?',
      ),
      suspendPersonal: this.db.prepare(
        'UPDATE tokens SET suspended = 1 WHERE workshop_id = ? AND role = ? AND participant_id IS NOT NULL',
      ),
      findBoard: this.db.prepare<[string], { workshop_id: string }>(
        'SELECT workshop_id FROM boards WHERE id = ?',
      ),
      snapshot: this.db.prepare<[string], { snapshot: Buffer | null }>(SELECT_SNAPSHOT),
      log: this.db.prepare<[string], { data: Buffer }>(SELECT_LOG),
      append: this.db.prepare('INSERT INTO board_updates (board_id, data) VALUES (?, ?)'),
      setSnapshot: this.db.prepare('UPDATE boards SET snapshot = ? WHERE id = ?'),
      clearLog: this.db.prepare('DELETE FROM board_updates WHERE board_id = ?'),
      addRoom: this.db.prepare('INSERT OR IGNORE INTO boards (id, workshop_id) VALUES (?, ?)'),
      privateRooms: this.db.prepare<[string, string], { id: string }>(
        'SELECT id FROM boards WHERE workshop_id = ? AND instr(id, ?) > 0 ORDER BY id',
      ),
      getSession: this.db.prepare<[string], { data: string }>(
        'SELECT data FROM sessions WHERE workshop_id = ?',
      ),
      saveSession: this.db.prepare(
        'INSERT INTO sessions (workshop_id, data) VALUES (?, ?) ' +
          'ON CONFLICT(workshop_id) DO UPDATE SET data = excluded.data',
      ),
      pendingReveals: this.db.prepare<[], { workshop_id: string }>(
        `SELECT workshop_id FROM sessions WHERE json_extract(data, '$.revealPending') = 1
         ORDER BY workshop_id`,
      ),
      addDecision: this.db.prepare<[string, string, string, number, string]>(
        `INSERT INTO recurring_decisions (workshop_id, data)
         SELECT ?, ? WHERE (SELECT count(*) FROM recurring_decisions WHERE workshop_id = ?) < ?
         AND EXISTS (SELECT 1 FROM workshops WHERE id = ?)`,
      ),
      decisions: this.db.prepare<[string], { data: string }>(
        'SELECT data FROM recurring_decisions WHERE workshop_id = ? ORDER BY seq',
      ),
      deleteWorkshop: this.db.prepare('DELETE FROM workshops WHERE id = ?'),
      deleteRoleTokens: this.db.prepare(
        'DELETE FROM tokens WHERE workshop_id = ? AND role = ? AND participant_id IS NULL',
      ),
      setWorkshopData: this.db.prepare('UPDATE workshops SET data = ? WHERE id = ?'),
      touch: this.db.prepare(
        `INSERT INTO workshop_activity (workshop_id, at) SELECT id, ? FROM workshops WHERE id = ?
         ON CONFLICT (workshop_id) DO UPDATE SET at = max(at, excluded.at)`,
      ),
      saveVersion: this.db.prepare(
        `INSERT INTO board_versions (board_id, at, reason, phase, notes, state)
         SELECT @boardId, @at, @reason, @phase, @notes, @state
         WHERE @since IS NULL OR NOT EXISTS (SELECT 1 FROM board_versions
           WHERE board_id = @boardId AND reason = @reason AND at >= @since)`,
      ),
      listVersions: this.db.prepare<[string], VersionRow>(
        `SELECT id, at, reason, phase, notes FROM board_versions WHERE board_id = ?
         ORDER BY at DESC, id DESC`,
      ),
      loadVersion: this.db.prepare<[string, number], { state: Buffer }>(
        'SELECT state FROM board_versions WHERE board_id = ? AND id = ?',
      ),
      deleteVersion: this.db.prepare('DELETE FROM board_versions WHERE board_id = ? AND id = ?'),
      deleteVersionsBefore: this.db.prepare('DELETE FROM board_versions WHERE at < ?'),
      stale: this.db.prepare<[number], { id: string }>(
        `SELECT w.id FROM workshops w LEFT JOIN workshop_activity a ON a.workshop_id = w.id
         WHERE coalesce(a.at, w.created_at) < ? ORDER BY coalesce(a.at, w.created_at)`,
      ),
    }
    const append = this.stmts.append
    this.appendMany = this.db.transaction((boardId: string, updates: readonly Uint8Array[]) => {
      for (const update of updates) append.run(boardId, update)
    })
    this.inTransaction = this.db.transaction((work: () => void) => work())
    this.reader = file === ':memory:' ? null : new BoardReader(file)
    this.checkpointer =
      file === ':memory:'
        ? null
        : new WalCheckpointer(this.db, file, options.checkpointIntervalMs, options.report)
  }

  async createWorkshop(w: WorkshopRecord): Promise<void> {
    this.db.transaction(() => {
      this.stmts.insertWorkshop.run(w.id, JSON.stringify(w), w.createdAt)
      for (const role of Object.values(Role)) {
        this.stmts.insertToken.run(hashToken(w.tokens[role]), w.id, role)
      }
      for (const board of w.boards) this.stmts.insertBoard.run(board.id, w.id)
    })()
  }

  async getWorkshop(id: string): Promise<WorkshopRecord | null> {
    const row = this.stmts.getWorkshop.get(id)
    return row ? (JSON.parse(row.data) as WorkshopRecord) : null
  }

  async setWorkshopMethod(workshopId: string, patch: Partial<WorkshopMethod>): Promise<boolean> {
    return this.db.transaction(() => {
      const row = this.stmts.getWorkshop.get(workshopId)
      if (!row) return false
      const record = JSON.parse(row.data) as WorkshopRecord
      const next = { ...record, method: { ...methodOf(record.method), ...patch } }
      this.stmts.setWorkshopData.run(JSON.stringify(next), workshopId)
      return true
    })()
  }

  async findToken(token: string): Promise<TokenGrant | null> {
    const hash = hashToken(token)
    const row = this.stmts.findToken.get(hash)
    if (!row || !timingSafeEqual(row.hash, hash)) return null
    const grant = { workshopId: row.workshop_id, role: row.role as Role }
    return row.participant_id === null ? grant : { ...grant, participantId: row.participant_id }
  }

  async addPersonalToken(workshopId: string, participantId: string, token: string) {
    return this.stmts.insertPersonal.run(hashToken(token), participantId, workshopId).changes > 0
  }

  async findPersonalToken(token: string): Promise<PersonalGrant | null> {
    const hash = hashToken(token)
    const row = this.stmts.findPersonal.get(hash)
    if (!row || !timingSafeEqual(row.hash, hash)) return null
    return {
      workshopId: row.workshop_id,
      participantId: row.participant_id,
      suspended: row.suspended !== 0,
    }
  }

  async resumePersonalToken(token: string): Promise<void> {
    this.stmts.resumePersonal.run(hashToken(token))
  }

  async deletePersonalTokens(workshopId: string, participantId: string): Promise<number> {
    return this.stmts.deletePersonal.run(workshopId, participantId).changes
  }

  async replaceToken(workshopId: string, role: Role, token: string): Promise<boolean> {
    return this.db.transaction(() => {
      const row = this.stmts.getWorkshop.get(workshopId)
      if (!row) return false
      const record = JSON.parse(row.data) as WorkshopRecord
      // The record keeps the plaintext token (links are shown again); the table only its hash.
      const next = { ...record, tokens: { ...record.tokens, [role]: token } }
      this.stmts.setWorkshopData.run(JSON.stringify(next), workshopId)
      this.stmts.deleteRoleTokens.run(workshopId, role)
      this.stmts.insertToken.run(hashToken(token), workshopId, role)
      // [C20] everyone on the old link rejoins through the new one before their own token works
      this.stmts.suspendPersonal.run(workshopId, role)
      return true
    })()
  }

  async findBoardWorkshop(boardId: string): Promise<string | null> {
    return this.stmts.findBoard.get(boardId)?.workshop_id ?? null
  }

  async loadBoard(boardId: string): Promise<StoredBoard> {
    return this.db.transaction(() => {
      const snapshot = this.stmts.snapshot.get(boardId)?.snapshot
      const log = this.stmts.log.all(boardId).map((r) => new Uint8Array(r.data))
      const updates = snapshot ? [new Uint8Array(snapshot), ...log] : log
      return { updates, logRows: log.length, logBytes: log.reduce((n, u) => n + u.byteLength, 0) }
    })()
  }

  async appendUpdates(boardId: string, updates: readonly Uint8Array[]): Promise<void> {
    this.appendUpdatesNow(boardId, updates)
  }

  appendUpdatesNow(boardId: string, updates: readonly Uint8Array[]): void {
    // One update (nearly every message) is one INSERT in autocommit: its own transaction, without
    // the two extra statements BEGIN and COMMIT cost.
    if (updates.length === 1) this.stmts.append.run(boardId, updates[0])
    else if (updates.length > 1) this.appendMany(boardId, updates)
  }

  transactionNow(work: () => void): void {
    // appends inside are savepoints of this transaction: a failed one undoes only itself
    this.inTransaction(work)
  }

  async compactBoard(boardId: string, snapshot: Uint8Array): Promise<void> {
    this.db.transaction(() => {
      this.stmts.setSnapshot.run(snapshot, boardId)
      this.stmts.clearLog.run(boardId)
    })()
  }

  async saveVersion(
    boardId: string,
    version: NewVersion,
    state: Uint8Array,
    unlessSince?: number,
  ): Promise<BoardVersion | null> {
    const { changes, lastInsertRowid } = this.stmts.saveVersion.run({
      boardId,
      ...version,
      state,
      since: unlessSince ?? null,
    })
    return changes > 0 ? { id: Number(lastInsertRowid), ...version } : null
  }

  async listVersions(boardId: string): Promise<BoardVersion[]> {
    return this.stmts.listVersions.all(boardId).map(versionOf)
  }

  async loadVersion(boardId: string, versionId: number): Promise<Uint8Array | null> {
    const row = this.stmts.loadVersion.get(boardId, versionId)
    return row ? new Uint8Array(row.state) : null
  }

  async deleteVersions(boardId: string, versionIds: readonly number[]): Promise<number> {
    return this.db.transaction(() =>
      versionIds.reduce((n, id) => n + this.stmts.deleteVersion.run(boardId, id).changes, 0),
    )()
  }

  async deleteVersionsBefore(at: number): Promise<number> {
    return this.stmts.deleteVersionsBefore.run(at).changes
  }

  async deleteWorkshop(id: string): Promise<boolean> {
    // Tokens, boards, their updates, versions and activity go with it (ON DELETE CASCADE).
    return this.stmts.deleteWorkshop.run(id).changes > 0
  }

  async touchWorkshop(id: string, at: number): Promise<void> {
    this.stmts.touch.run(at, id)
  }

  async staleWorkshops(before: number): Promise<string[]> {
    return this.stmts.stale.all(before).map((r) => r.id)
  }

  async addRooms(workshopId: string, roomIds: readonly string[]): Promise<void> {
    this.db.transaction(() => {
      for (const id of roomIds) this.stmts.addRoom.run(id, workshopId)
    })()
  }

  async privateRooms(workshopId: string): Promise<string[]> {
    return this.stmts.privateRooms.all(workshopId, privateRoomMark).map((r) => r.id)
  }

  async getSession(workshopId: string): Promise<unknown> {
    const row = this.stmts.getSession.get(workshopId)
    return row ? (JSON.parse(row.data) as unknown) : null
  }

  async saveSession(workshopId: string, session: unknown): Promise<void> {
    this.stmts.saveSession.run(workshopId, JSON.stringify(session))
  }

  async addRecurringDecision(workshopId: string, decision: unknown, limit: number) {
    const data = JSON.stringify(decision)
    return this.stmts.addDecision.run(workshopId, data, workshopId, limit, workshopId).changes > 0
  }

  async recurringDecisions(workshopId: string): Promise<unknown[]> {
    return this.stmts.decisions.all(workshopId).map((r) => JSON.parse(r.data) as unknown)
  }

  async pendingReveals(): Promise<string[]> {
    return this.stmts.pendingReveals.all().map((r) => r.workshop_id)
  }

  /** The same as `loadBoard`, read on a thread of its own (`BoardReader`): for exports. */
  loadBoardOffThread(boardId: string): Promise<StoredBoard> {
    return this.reader ? this.reader.read(boardId) : this.loadBoard(boardId)
  }

  async close(): Promise<void> {
    await this.reader?.close()
    await this.checkpointer?.close()
    if (this.db.open) this.db.close()
  }
}
