import { randomBytes } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { privateRoom, Role } from '@sparboard/protocol'
import type { Store, WorkshopRecord } from './Store.js'

/** A store under test; `reopen` closes it and opens the same data again, as a restart would. */
export interface StoreFixture {
  readonly store: Store
  reopen(): Promise<Store>
  /**
   * Closes the store, writes `workshop` into a fresh database laid out as before personal tokens
   * ([C20]: a `tokens` table of hash, workshop and role only), and opens the store on that.
   */
  legacy(workshop: WorkshopRecord): Promise<Store>
  dispose(): Promise<void>
}

const token = () => randomBytes(16).toString('base64url')

/** A workshop with fresh ids and tokens, so fixtures never collide. */
export function sampleWorkshop(boards = 2): WorkshopRecord {
  const id = `w-${token()}`
  return {
    id,
    title: 'Sales & Operations',
    goals: ['Deliver on time'],
    sides: ['Sales', 'Operations'],
    cases: [{ id: `${id}-c1`, title: 'Rush order', description: '' }],
    groups: [{ id: `${id}-g1`, name: 'Group 1' }],
    boards: Array.from({ length: boards }, (_, i) => ({
      id: `${id}-b${i}`,
      caseId: `${id}-c1`,
      groupId: `${id}-g1`,
    })),
    tokens: { facilitator: token(), participant: token(), observer: token() },
    createdAt: 1_700_000_000_000,
  }
}

/** One edit of a doc, as the update Yjs emits for it. */
function edit(doc: Y.Doc, key: string, value: string): Uint8Array {
  let update: Uint8Array | null = null
  const take = (u: Uint8Array) => (update = u)
  doc.once('update', take)
  doc.getMap('notes').set(key, value)
  return update!
}

const replay = (updates: readonly Uint8Array[]) => {
  const doc = new Y.Doc()
  for (const u of updates) Y.applyUpdate(doc, u)
  return doc.getMap('notes').toJSON()
}

/**
 * Registers the contract every Store passes (SQLite now, Postgres later).
 * @example storeContract('SqliteStore', async () => sqliteFixture())
 */
export function storeContract(name: string, open: () => Promise<StoreFixture>): void {
  describe(`Store contract: ${name}`, () => {
    let fixture: StoreFixture | null = null
    const start = async () => (fixture = await open())
    afterEach(async () => {
      await fixture?.dispose()
      fixture = null
    })

    it('grants each role its token and nothing to a token never issued', async () => {
      const { store } = await start()
      const w = sampleWorkshop()
      await store.createWorkshop(w)
      for (const role of Object.values(Role)) {
        expect(await store.findToken(w.tokens[role])).toEqual({ workshopId: w.id, role })
      }
      expect(await store.findToken(token())).toBeNull()
      expect(await store.findToken('')).toBeNull()
      expect(await store.findToken(w.tokens.participant.slice(0, -1))).toBeNull()
    })

    it('knows which workshop a board belongs to, and no unknown board', async () => {
      const { store } = await start()
      const a = sampleWorkshop()
      const b = sampleWorkshop()
      await store.createWorkshop(a)
      await store.createWorkshop(b)
      expect(await store.findBoardWorkshop(a.boards[1]!.id)).toBe(a.id)
      expect(await store.findBoardWorkshop(b.boards[0]!.id)).toBe(b.id)
      expect(await store.findBoardWorkshop('no-such-board')).toBeNull()
    })

    it('returns the workshop as it was created', async () => {
      const { store } = await start()
      const w = sampleWorkshop()
      await store.createWorkshop(w)
      expect(await store.getWorkshop(w.id)).toEqual(w)
      expect(await store.getWorkshop('no-such-workshop')).toBeNull()
    })

    it("changes a workshop's method options, defaults kept for the rest", async () => {
      const { store } = await start()
      const w = sampleWorkshop()
      await store.createWorkshop(w)
      expect(await store.setWorkshopMethod(w.id, { checkableAgreements: false })).toBe(true)
      expect((await store.getWorkshop(w.id))?.method).toMatchObject({
        recurringFrictions: true,
        checkableAgreements: false,
      })
      expect(await store.setWorkshopMethod(w.id, {})).toBe(true)
      expect((await store.getWorkshop(w.id))?.method).toMatchObject({
        recurringFrictions: true,
        checkableAgreements: false,
      })
      expect(await store.setWorkshopMethod('no-such-workshop', {})).toBe(false)
    })

    it('refuses a second workshop with the same id and keeps the first', async () => {
      const { store } = await start()
      const w = sampleWorkshop()
      await store.createWorkshop(w)
      await expect(store.createWorkshop({ ...w, title: 'Other' })).rejects.toThrow()
      expect((await store.getWorkshop(w.id))?.title).toBe(w.title)
    })

    it('loads a new board as empty', async () => {
      const { store } = await start()
      const w = sampleWorkshop()
      await store.createWorkshop(w)
      expect(await store.loadBoard(w.boards[0]!.id)).toEqual({
        updates: [],
        logRows: 0,
        logBytes: 0,
      })
    })

    it('returns appended updates in order, counted, and keeps boards apart', async () => {
      const { store } = await start()
      const w = sampleWorkshop()
      await store.createWorkshop(w)
      const [b0, b1] = [w.boards[0]!.id, w.boards[1]!.id]
      const doc = new Y.Doc()
      const u1 = edit(doc, 'n1', 'first')
      const u2 = edit(doc, 'n1', 'second')
      const u3 = edit(doc, 'n2', 'other')
      await store.appendUpdates(b0, [u1, u2])
      await store.appendUpdates(b0, [])
      await store.appendUpdates(b0, [u3])
      const loaded = await store.loadBoard(b0)
      expect(loaded.updates.map((u) => [...u])).toEqual([u1, u2, u3].map((u) => [...u]))
      expect(loaded.logRows).toBe(3)
      expect(loaded.logBytes).toBe(u1.byteLength + u2.byteLength + u3.byteLength)
      expect(replay(loaded.updates)).toEqual({ n1: 'second', n2: 'other' })
      expect((await store.loadBoard(b1)).updates).toEqual([])
    })

    it('appends synchronously where it can: stored in order once the call returns, refused for a deleted board', async () => {
      const { store } = await start()
      if (!store.appendUpdatesNow) return // a networked store only appends asynchronously
      const w = sampleWorkshop()
      await store.createWorkshop(w)
      const board = w.boards[0]!.id
      const doc = new Y.Doc()
      const updates = [edit(doc, 'n1', 'one'), edit(doc, 'n2', 'two'), edit(doc, 'n1', 'three')]
      store.appendUpdatesNow(board, [updates[0]!])
      store.appendUpdatesNow(board, [])
      store.appendUpdatesNow(board, updates.slice(1))
      const loaded = await store.loadBoard(board)
      expect(loaded.updates.map((u) => [...u])).toEqual(updates.map((u) => [...u]))
      expect(replay(loaded.updates)).toEqual({ n1: 'three', n2: 'two' })
      await store.deleteWorkshop(w.id)
      expect(() => store.appendUpdatesNow!(board, [edit(doc, 'n3', 'late')])).toThrow()
    })

    it('replaces the log with a snapshot and keeps appending after it', async () => {
      const { store } = await start()
      const w = sampleWorkshop()
      await store.createWorkshop(w)
      const board = w.boards[0]!.id
      const doc = new Y.Doc()
      await store.appendUpdates(board, [edit(doc, 'n1', 'a'), edit(doc, 'n2', 'b')])
      await store.compactBoard(board, Y.encodeStateAsUpdate(doc))
      const after = edit(doc, 'n3', 'c')
      await store.appendUpdates(board, [after])
      const loaded = await store.loadBoard(board)
      expect(loaded.logRows).toBe(1)
      expect(loaded.logBytes).toBe(after.byteLength)
      expect(replay(loaded.updates)).toEqual({ n1: 'a', n2: 'b', n3: 'c' })
    })

    it("[C15] replaces one role's token: the old one is unknown, the new one and the record carry it, across a reopen", async () => {
      const fx = await start()
      const w = sampleWorkshop()
      const other = sampleWorkshop()
      await fx.store.createWorkshop(w)
      await fx.store.createWorkshop(other)
      const fresh = token()
      expect(await fx.store.replaceToken(w.id, Role.participant, fresh)).toBe(true)
      expect(await fx.store.replaceToken('w-none', Role.participant, token())).toBe(false)
      const store = await fx.reopen()
      expect(await store.findToken(w.tokens.participant)).toBeNull()
      expect(await store.findToken(fresh)).toEqual({ workshopId: w.id, role: Role.participant })
      expect(await store.findToken(w.tokens.observer)).toEqual({
        workshopId: w.id,
        role: Role.observer,
      })
      expect(await store.findToken(other.tokens.participant)).toEqual({
        workshopId: other.id,
        role: Role.participant,
      })
      expect((await store.getWorkshop(w.id))?.tokens).toEqual({ ...w.tokens, participant: fresh })
    })

    it('[C20] a personal token grants the participant role as that person; a link names nobody', async () => {
      const { store } = await start()
      const w = sampleWorkshop()
      await store.createWorkshop(w)
      const personal = token()
      expect(await store.addPersonalToken(w.id, 'p-anna', personal)).toBe(true)
      expect(await store.addPersonalToken('w-none', 'p-anna', token())).toBe(false)
      expect(await store.findToken(personal)).toEqual({
        workshopId: w.id,
        role: Role.participant,
        participantId: 'p-anna',
      })
      expect(await store.findToken(w.tokens.participant)).toEqual({
        workshopId: w.id,
        role: Role.participant,
      })
      expect(await store.findPersonalToken(personal)).toEqual({
        workshopId: w.id,
        participantId: 'p-anna',
        suspended: false,
      })
      expect(await store.findPersonalToken(w.tokens.participant)).toBeNull()
      expect(await store.findPersonalToken(personal.slice(0, -1))).toBeNull()
    })

    it('[C20] a replaced participant link suspends the personal tokens until each is resumed, across a reopen', async () => {
      const fx = await start()
      const [w, other] = [sampleWorkshop(), sampleWorkshop()]
      await fx.store.createWorkshop(w)
      await fx.store.createWorkshop(other)
      const [anna, bram, elsewhere] = [token(), token(), token()]
      await fx.store.addPersonalToken(w.id, 'p-anna', anna)
      await fx.store.addPersonalToken(w.id, 'p-bram', bram)
      await fx.store.addPersonalToken(other.id, 'p-anna', elsewhere)
      await fx.store.replaceToken(w.id, Role.observer, token())
      expect(await fx.store.findToken(anna)).not.toBeNull()
      const fresh = token()
      await fx.store.replaceToken(w.id, Role.participant, fresh)
      const store = await fx.reopen()
      expect(await store.findToken(anna)).toBeNull()
      expect(await store.findToken(bram)).toBeNull()
      expect((await store.findPersonalToken(anna))?.suspended).toBe(true)
      expect(await store.findToken(fresh)).toEqual({ workshopId: w.id, role: Role.participant })
      expect(await store.findToken(elsewhere)).not.toBeNull()
      await store.resumePersonalToken(anna)
      expect(await store.findToken(anna)).toEqual({
        workshopId: w.id,
        role: Role.participant,
        participantId: 'p-anna',
      })
      expect(await store.findToken(bram)).toBeNull()
    })

    it("[C16] deletes one participant's personal tokens and no one else's; the workshop takes the rest", async () => {
      const { store } = await start()
      const [w, other] = [sampleWorkshop(), sampleWorkshop()]
      await store.createWorkshop(w)
      await store.createWorkshop(other)
      const [tab1, tab2, bram, elsewhere] = [token(), token(), token(), token()]
      await store.addPersonalToken(w.id, 'p-anna', tab1)
      await store.addPersonalToken(w.id, 'p-anna', tab2)
      await store.addPersonalToken(w.id, 'p-bram', bram)
      await store.addPersonalToken(other.id, 'p-anna', elsewhere)
      expect(await store.deletePersonalTokens(w.id, 'p-anna')).toBe(2)
      expect(await store.findToken(tab1)).toBeNull()
      expect(await store.findPersonalToken(tab2)).toBeNull()
      expect(await store.findToken(bram)).not.toBeNull()
      expect(await store.findToken(elsewhere)).not.toBeNull()
      expect(await store.findToken(w.tokens.participant)).not.toBeNull()
      expect(await store.deletePersonalTokens(w.id, 'p-anna')).toBe(0)
      await store.deleteWorkshop(w.id)
      expect(await store.findPersonalToken(bram)).toBeNull()
    })

    it('[C20] opens a database from before personal tokens: its links work and it takes personal tokens', async () => {
      const fx = await start()
      const w = sampleWorkshop()
      const store = await fx.legacy(w)
      for (const role of Object.values(Role))
        expect(await store.findToken(w.tokens[role])).toEqual({ workshopId: w.id, role })
      expect(await store.findBoardWorkshop(w.boards[0]!.id)).toBe(w.id)
      const personal = token()
      expect(await store.addPersonalToken(w.id, 'p-anna', personal)).toBe(true)
      expect((await store.findToken(personal))?.participantId).toBe('p-anna')
      const fresh = token()
      expect(await store.replaceToken(w.id, Role.participant, fresh)).toBe(true)
      expect(await store.findToken(w.tokens.participant)).toBeNull()
      expect(await store.findToken(fresh)).toEqual({ workshopId: w.id, role: Role.participant })
      expect((await store.findPersonalToken(personal))?.suspended).toBe(true)
      // opening it again (the migration has run) changes nothing
      const again = await fx.reopen()
      expect(await again.findToken(w.tokens.observer)).toEqual({
        workshopId: w.id,
        role: Role.observer,
      })
    })

    it('keeps workshops, tokens and boards across a reopen', async () => {
      const fx = await start()
      const w = sampleWorkshop()
      await fx.store.createWorkshop(w)
      const doc = new Y.Doc()
      await fx.store.appendUpdates(w.boards[0]!.id, [edit(doc, 'n1', 'kept')])
      const store = await fx.reopen()
      expect(await store.findToken(w.tokens.observer)).toEqual({
        workshopId: w.id,
        role: Role.observer,
      })
      expect(replay((await store.loadBoard(w.boards[0]!.id)).updates)).toEqual({ n1: 'kept' })
    })

    it('deletes a workshop with its tokens, boards and updates, and nothing else', async () => {
      const { store } = await start()
      const [gone, kept] = [sampleWorkshop(), sampleWorkshop()]
      await store.createWorkshop(gone)
      await store.createWorkshop(kept)
      await store.appendUpdates(gone.boards[0]!.id, [edit(new Y.Doc(), 'n1', 'secret')])
      expect(await store.deleteWorkshop(gone.id)).toBe(true)
      expect(await store.getWorkshop(gone.id)).toBeNull()
      expect(await store.findToken(gone.tokens.facilitator)).toBeNull()
      expect(await store.findBoardWorkshop(gone.boards[0]!.id)).toBeNull()
      expect((await store.loadBoard(gone.boards[0]!.id)).updates).toEqual([])
      await expect(
        store.appendUpdates(gone.boards[0]!.id, [edit(new Y.Doc(), 'n2', 'late')]),
      ).rejects.toThrow()
      expect(await store.findToken(kept.tokens.participant)).not.toBeNull()
      expect(await store.deleteWorkshop(gone.id)).toBe(false)
    })

    it('finds workshops untouched since a time, counting creation as a touch', async () => {
      const { store } = await start()
      const [idle, busy] = [sampleWorkshop(), sampleWorkshop()]
      await store.createWorkshop(idle)
      await store.createWorkshop(busy)
      const created = idle.createdAt
      expect(await store.staleWorkshops(created)).toEqual([])
      await store.touchWorkshop(busy.id, created + 5_000)
      await store.touchWorkshop(busy.id, created + 1_000) // an older touch never rewinds
      expect(await store.staleWorkshops(created + 2_000)).toEqual([idle.id])
      expect((await store.staleWorkshops(created + 6_000)).sort()).toEqual(
        [idle.id, busy.id].sort(),
      )
      await store.touchWorkshop('no-such-workshop', created)
      await store.deleteWorkshop(idle.id)
      expect(await store.staleWorkshops(created + 2_000)).toEqual([])
    })

    it('keeps the latest session state of a workshop across a reopen, and drops it with the workshop', async () => {
      const fx = await start()
      const [w, other] = [sampleWorkshop(), sampleWorkshop()]
      await fx.store.createWorkshop(w)
      await fx.store.createWorkshop(other)
      expect(await fx.store.getSession(w.id)).toBeNull()
      await fx.store.saveSession(w.id, { phase: 'strategy', n: 1 })
      await fx.store.saveSession(w.id, { phase: 'voting', n: 2 })
      await fx.store.saveSession(other.id, { phase: 'mirroring' })
      const store = await fx.reopen()
      expect(await store.getSession(w.id)).toEqual({ phase: 'voting', n: 2 })
      await store.deleteWorkshop(w.id)
      expect(await store.getSession(w.id)).toBeNull()
      expect(await store.getSession(other.id)).toEqual({ phase: 'mirroring' })
    })

    it('serves extra rooms of a workshop like boards, without listing them as boards', async () => {
      const { store } = await start()
      const w = sampleWorkshop()
      await store.createWorkshop(w)
      const room = `${w.boards[0]!.id}~p~secret`
      await store.addRooms(w.id, [room, room])
      expect(await store.findBoardWorkshop(room)).toBe(w.id)
      expect((await store.loadBoard(room)).updates).toEqual([])
      expect((await store.getWorkshop(w.id))?.boards).toEqual(w.boards)
      await store.deleteWorkshop(w.id)
      expect(await store.findBoardWorkshop(room)).toBeNull()
    })

    it("[C19] lists a workshop's private rooms, not its boards nor another workshop's rooms", async () => {
      const fx = await start()
      const [w, other] = [sampleWorkshop(), sampleWorkshop()]
      await fx.store.createWorkshop(w)
      await fx.store.createWorkshop(other)
      expect(await fx.store.privateRooms(w.id)).toEqual([])
      const [b0, b1] = [w.boards[0]!.id, w.boards[1]!.id]
      const mine = [privateRoom(b1, 'key-A'), privateRoom(b0, 'key-B'), privateRoom(b0, 'key-A')]
      await fx.store.addRooms(w.id, mine)
      await fx.store.addRooms(other.id, [privateRoom(other.boards[0]!.id, 'key-A')])
      const store = await fx.reopen()
      expect(await store.privateRooms(w.id)).toEqual([...mine].sort())
      expect(await store.privateRooms(other.id)).toEqual([
        privateRoom(other.boards[0]!.id, 'key-A'),
      ])
      await store.deleteWorkshop(w.id)
      expect(await store.privateRooms(w.id)).toEqual([])
    })

    it('[C19] finds the workshops whose stored session has a reveal pending, across a reopen', async () => {
      const fx = await start()
      const [a, b, c] = [sampleWorkshop(), sampleWorkshop(), sampleWorkshop()]
      for (const w of [a, b, c]) await fx.store.createWorkshop(w)
      expect(await fx.store.pendingReveals()).toEqual([])
      await fx.store.saveSession(a.id, { phase: 'interests', revealPending: true })
      await fx.store.saveSession(b.id, { phase: 'interests', revealPending: false })
      await fx.store.saveSession(c.id, { phase: 'interests', revealPending: true })
      const store = await fx.reopen()
      expect(await store.pendingReveals()).toEqual([a.id, c.id].sort())
      await store.saveSession(a.id, { phase: 'interests', revealPending: false })
      await store.deleteWorkshop(c.id)
      expect(await store.pendingReveals()).toEqual([])
    })

    it('keeps versions of a board with their state, newest first, apart per board, across a reopen', async () => {
      const fx = await start()
      const w = sampleWorkshop()
      await fx.store.createWorkshop(w)
      const [b0, b1] = [w.boards[0]!.id, w.boards[1]!.id]
      const doc = new Y.Doc()
      edit(doc, 'n1', 'first')
      const early = Y.encodeStateAsUpdate(doc)
      edit(doc, 'n2', 'second')
      const late = Y.encodeStateAsUpdate(doc)
      const v1 = await fx.store.saveVersion(
        b0,
        { at: 1000, reason: 'phase', phase: 'interests', notes: 1 },
        early,
      )
      const v2 = await fx.store.saveVersion(
        b0,
        { at: 2000, reason: 'activity', phase: null, notes: 2 },
        late,
      )
      expect(v1).toEqual({ id: v1!.id, at: 1000, reason: 'phase', phase: 'interests', notes: 1 })
      expect(v2!.id).toBeGreaterThan(v1!.id)
      const store = await fx.reopen()
      expect(await store.listVersions(b0)).toEqual([v2, v1])
      expect(await store.listVersions(b1)).toEqual([])
      expect(replay([(await store.loadVersion(b0, v1!.id))!])).toEqual({ n1: 'first' })
      expect(replay([(await store.loadVersion(b0, v2!.id))!])).toEqual({
        n1: 'first',
        n2: 'second',
      })
      // a version is found only under its own board
      expect(await store.loadVersion(b1, v1!.id)).toBeNull()
      expect(await store.loadVersion(b0, v2!.id + 1000)).toBeNull()
    })

    it('skips a version when the board has one of the same reason since the given time', async () => {
      const { store } = await start()
      const w = sampleWorkshop()
      await store.createWorkshop(w)
      const board = w.boards[0]!.id
      const state = Y.encodeStateAsUpdate(new Y.Doc())
      const at = (t: number, reason: 'activity' | 'phase') =>
        ({ at: t, reason, phase: 'solutions', notes: 0 }) as const
      expect(await store.saveVersion(board, at(5000, 'activity'), state, 4000)).not.toBeNull()
      expect(await store.saveVersion(board, at(6000, 'activity'), state, 5000)).toBeNull()
      expect(await store.saveVersion(board, at(6000, 'phase'), state, 5000)).not.toBeNull()
      expect(await store.saveVersion(board, at(7000, 'activity'), state, 5001)).not.toBeNull()
      expect((await store.listVersions(board)).map((v) => [v.at, v.reason])).toEqual([
        [7000, 'activity'],
        [6000, 'phase'],
        [5000, 'activity'],
      ])
    })

    it('deletes chosen versions, those before a time, and a workshop its versions; ids are never reused', async () => {
      const { store } = await start()
      const [w, other] = [sampleWorkshop(), sampleWorkshop()]
      await store.createWorkshop(w)
      await store.createWorkshop(other)
      const [board, elsewhere] = [w.boards[0]!.id, other.boards[0]!.id]
      const state = Y.encodeStateAsUpdate(new Y.Doc())
      const save = (boardId: string, at: number) =>
        store.saveVersion(boardId, { at, reason: 'activity', phase: null, notes: 0 }, state)
      const [a, b, c] = [await save(board, 100), await save(board, 200), await save(board, 300)]
      const kept = await save(elsewhere, 150)
      expect(await store.deleteVersions(board, [c!.id, kept!.id])).toBe(1)
      expect((await save(board, 400))!.id).toBeGreaterThan(c!.id)
      expect(await store.deleteVersionsBefore(200)).toBe(2)
      expect((await store.listVersions(board)).map((v) => v.at)).toEqual([400, 200])
      expect(await store.listVersions(elsewhere)).toEqual([])
      expect(await store.loadVersion(board, a!.id)).toBeNull()
      expect(b).not.toBeNull()
      await save(elsewhere, 500)
      await store.deleteWorkshop(other.id)
      expect(await store.listVersions(elsewhere)).toEqual([])
      expect((await store.listVersions(board)).length).toBe(2)
      await expect(save(elsewhere, 600)).rejects.toThrow()
    })

    it('keeps recurring-friction decisions in order, up to a limit, and deletes them with the workshop', async () => {
      const { store } = await start()
      const w = sampleWorkshop()
      const other = sampleWorkshop()
      await store.createWorkshop(w)
      await store.createWorkshop(other)
      const merge = { kind: 'merge', keys: ['a', 'b'] }
      const split = { kind: 'split', key: 'a' }
      expect(await store.addRecurringDecision(w.id, merge, 2)).toBe(true)
      expect(await store.addRecurringDecision(w.id, split, 2)).toBe(true)
      expect(await store.addRecurringDecision(w.id, merge, 2)).toBe(false)
      expect(await store.addRecurringDecision('no-such-workshop', merge, 2)).toBe(false)
      expect(await store.recurringDecisions(w.id)).toEqual([merge, split])
      expect(await store.recurringDecisions(other.id)).toEqual([])
      await store.deleteWorkshop(w.id)
      expect(await store.recurringDecisions(w.id)).toEqual([])
    })

    it('appends concurrent batches without losing one', async () => {
      const { store } = await start()
      const w = sampleWorkshop()
      await store.createWorkshop(w)
      const board = w.boards[0]!.id
      const doc = new Y.Doc()
      const updates = Array.from({ length: 50 }, (_, i) => edit(doc, `n${i}`, `v${i}`))
      await Promise.all(updates.map((u) => store.appendUpdates(board, [u])))
      const loaded = await store.loadBoard(board)
      expect(loaded.logRows).toBe(50)
      expect(replay(loaded.updates)).toEqual(doc.getMap('notes').toJSON())
    })
  })
}
