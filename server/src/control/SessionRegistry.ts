import { phaseRules, type SessionView } from '@sparboard/protocol'
import type { Store } from '../store/Store.js'
import { readRevealPending, readStoredSession, storedSession } from './SessionState.js'

interface Entry {
  state: SessionView
  /** [C19] A reveal whose notes are not all on the boards yet; stored with the state, never sent. */
  revealPending: boolean
  /** Changes of one workshop run one after another, each stored before the next starts. */
  queue: Promise<unknown>
}

/**
 * [C19] Moves the private notes of a workshop onto its boards; rejects when some could not be
 * moved yet (the reveal then stays pending and is tried again).
 */
export type RevealMover = (workshopId: string) => Promise<void>

/** Whether authors write alone now: their private rooms must then stay where they are. */
const writingAlone = (state: SessionView) =>
  phaseRules[state.phase].privateWriting && !state.revealed

/**
 * Scale-out mode: several nodes serve one workshop. A change runs under `exclusive` (no other node
 * changes the workshop meanwhile) on the state re-read from the store, and `changed` tells every
 * node, whose cached copy then reloads.
 */
export interface SessionSync {
  exclusive<T>(workshopId: string, run: () => Promise<T>): Promise<T>
  changed(workshopId: string): void
  onChanged(listener: (workshopId: string) => void): void
}

/** The live session of each workshop with someone connected, backed by the store. */
export class SessionRegistry {
  private readonly entries = new Map<string, Promise<Entry>>()
  /**
   * The session of each workshop the hub asked about, kept current by every change: its locks
   * ([H18]) and votes ([H21]) are read while an update arrives, without waiting.
   */
  private readonly views = new Map<string, SessionView>()
  /** [C19] Set by the server, which has the hub; without it a reveal moves nothing. */
  revealMover: RevealMover | null = null

  constructor(
    private readonly store: Store,
    private readonly sync?: SessionSync,
  ) {
    sync?.onChanged((workshopId) => void this.reload(workshopId).catch(() => {}))
  }

  /** The current session of a workshop, loaded from the store on first use. */
  async get(workshopId: string): Promise<SessionView> {
    return (await this.entry(workshopId)).state
  }

  /** Whether the facilitator locked a board; for the Yjs hub, which should drop writes to it. */
  async isLocked(workshopId: string, boardId: string): Promise<boolean> {
    return (await this.get(workshopId)).lockedBoards.includes(boardId)
  }

  /**
   * Makes `lockedNow` and `viewNow` answer for a workshop; the hub awaits it before a board
   * connection joins.
   */
  async loadView(workshopId: string): Promise<void> {
    if (this.views.has(workshopId)) return
    const live = this.entries.get(workshopId)
    const state = live
      ? (await live).state
      : readStoredSession(await this.store.getSession(workshopId))
    // A change stored meanwhile has already set the fresher state.
    if (!this.views.has(workshopId)) this.views.set(workshopId, state)
  }

  /** Whether a board is locked now, without waiting (after `loadView`; unknown counts as unlocked). */
  lockedNow(workshopId: string, boardId: string): boolean {
    return this.views.get(workshopId)?.lockedBoards.includes(boardId) ?? false
  }

  /** The session as it is now, without waiting (after `loadView`; null before). */
  viewNow(workshopId: string): SessionView | null {
    return this.views.get(workshopId) ?? null
  }

  /** Forgets a deleted workshop's session. */
  forget(workshopId: string): void {
    this.views.delete(workshopId)
  }

  /**
   * Runs `change` on the current state in the workshop's queue; a new state is stored before it
   * becomes current, so what anyone was told survives a restart. Resolves with what `change` did.
   */
  async update<T extends object>(
    workshopId: string,
    change: (state: SessionView) => T,
  ): Promise<T & { changed: boolean }> {
    const entry = await this.entry(workshopId)
    return this.enqueue(workshopId, entry, async () => {
      const outcome = change(entry.state)
      const next = 'state' in outcome ? (outcome.state as SessionView) : entry.state
      const changed = next !== entry.state
      if (changed) {
        // [C19] the end of writing alone (reveal, or another phase) and the note that its move
        // is pending are one write: a stop cannot split them
        const revealPending =
          entry.revealPending || (writingAlone(entry.state) && !writingAlone(next))
        await this.store.saveSession(workshopId, storedSession(next, revealPending))
        entry.state = next
        entry.revealPending = revealPending
        this.views.set(workshopId, next)
        this.sync?.changed(workshopId)
      }
      // [C19] the notes move before anyone is told of the reveal; a move cut short is tried again
      if (changed && entry.revealPending) await this.finishReveal(workshopId, entry)
      return { ...outcome, changed }
    })
  }

  /**
   * [C19] Finishes the reveals the store says are pending (a server stopped midway); resolves
   * with their workshops once each was tried.
   */
  async finishPendingReveals(): Promise<string[]> {
    const workshops = await this.store.pendingReveals()
    // Loading a session with a pending reveal queues its move (see `entry`).
    for (const workshopId of workshops) await (await this.entry(workshopId)).queue
    return workshops
  }

  /**
   * Runs `task` after the workshop's earlier changes; in scale-out mode under the workshop's
   * lease, on the state as stored (another node may have changed it).
   */
  private enqueue<R>(workshopId: string, entry: Entry, task: () => Promise<R>): Promise<R> {
    const apply = async () => {
      if (this.sync) this.adopt(entry, await this.store.getSession(workshopId))
      return task()
    }
    const run = entry.queue.then(() =>
      this.sync ? this.sync.exclusive(workshopId, apply) : apply(),
    )
    entry.queue = run.catch(() => {})
    return run
  }

  private adopt(entry: Entry, stored: unknown): void {
    entry.state = readStoredSession(stored)
    entry.revealPending = readRevealPending(stored)
  }

  /**
   * [C19] Moves a revealed round's private notes, then clears the mark. A new private round that
   * started meanwhile only clears it: its rooms hold that round's notes now, and its own reveal
   * moves them all. A move that fails leaves the mark, to be tried again.
   */
  private async finishReveal(workshopId: string, entry: Entry): Promise<void> {
    // Under the lease the state was read again: another node may have finished it.
    if (!this.revealMover || !entry.revealPending) return
    try {
      if (!writingAlone(entry.state)) await this.revealMover(workshopId)
      await this.store.saveSession(workshopId, storedSession(entry.state, false))
      entry.revealPending = false
    } catch {
      // the mover logged why; the stored mark makes the next change or start-up try again
    }
  }

  /** Scale-out mode: another node changed the session; our copy and view are read again. */
  private async reload(workshopId: string): Promise<void> {
    const entry = this.entries.get(workshopId)
    if (!entry && !this.views.has(workshopId)) return
    const read = async () => {
      const stored = await this.store.getSession(workshopId)
      const state = readStoredSession(stored)
      if (entry) this.adopt(await entry, stored)
      if (this.views.has(workshopId)) this.views.set(workshopId, state)
    }
    if (!entry) return read()
    const live = await entry
    const run = live.queue.then(read)
    live.queue = run.catch(() => {})
    await run
  }

  /**
   * Forgets a workshop nobody is connected to, once its pending changes are stored, unless
   * someone came back meanwhile (`stillIdle`): two live copies of one session would diverge.
   */
  async release(workshopId: string, stillIdle: () => boolean): Promise<void> {
    const entry = this.entries.get(workshopId)
    if (!entry) return
    const live = await entry
    await live.queue
    if (stillIdle() && this.entries.get(workshopId) === entry) this.entries.delete(workshopId)
  }

  private entry(workshopId: string): Promise<Entry> {
    let entry = this.entries.get(workshopId)
    if (!entry) {
      entry = this.store.getSession(workshopId).then((stored) => {
        const loaded: Entry = {
          state: readStoredSession(stored),
          revealPending: readRevealPending(stored),
          queue: Promise.resolve(),
        }
        // [C19] a reveal a stopped server left unfinished is finished before any change
        if (loaded.revealPending)
          void this.enqueue(workshopId, loaded, () => this.finishReveal(workshopId, loaded))
        return loaded
      })
      this.entries.set(workshopId, entry)
      entry.catch(() => this.entries.delete(workshopId))
    }
    return entry
  }
}
