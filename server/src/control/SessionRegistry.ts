import type { SessionView } from '@sparboard/protocol'
import type { Store } from '../store/Store.js'
import { readStoredSession } from './SessionState.js'

interface Entry {
  state: SessionView
  /** Changes of one workshop run one after another, each stored before the next starts. */
  queue: Promise<unknown>
}

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
  /** Locked boards of each workshop the hub asked about, kept current by every change ([H18]). */
  private readonly locks = new Map<string, ReadonlySet<string>>()

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

  /** Makes `lockedNow` answer for a workshop; the hub awaits it before a board connection joins. */
  async loadLocks(workshopId: string): Promise<void> {
    if (this.locks.has(workshopId)) return
    const live = this.entries.get(workshopId)
    const state = live
      ? (await live).state
      : readStoredSession(await this.store.getSession(workshopId))
    // A change stored meanwhile has already set the fresher locks.
    if (!this.locks.has(workshopId)) this.locks.set(workshopId, new Set(state.lockedBoards))
  }

  /** Whether a board is locked now, without waiting (after `loadLocks`; unknown counts as unlocked). */
  lockedNow(workshopId: string, boardId: string): boolean {
    return this.locks.get(workshopId)?.has(boardId) ?? false
  }

  /** Forgets a deleted workshop's locks. */
  forget(workshopId: string): void {
    this.locks.delete(workshopId)
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
    const apply = async () => {
      // Another node may have changed it: the stored state is the current one.
      if (this.sync) entry.state = readStoredSession(await this.store.getSession(workshopId))
      const outcome = change(entry.state)
      const next = 'state' in outcome ? (outcome.state as SessionView) : entry.state
      const changed = next !== entry.state
      if (changed) {
        await this.store.saveSession(workshopId, next)
        entry.state = next
        this.locks.set(workshopId, new Set(next.lockedBoards))
        this.sync?.changed(workshopId)
      }
      return { ...outcome, changed }
    }
    const run = entry.queue.then(() =>
      this.sync ? this.sync.exclusive(workshopId, apply) : apply(),
    )
    entry.queue = run.catch(() => {})
    return run
  }

  /** Scale-out mode: another node changed the session; our copy and locks are read again. */
  private async reload(workshopId: string): Promise<void> {
    const entry = this.entries.get(workshopId)
    if (!entry && !this.locks.has(workshopId)) return
    const read = async () => {
      const state = readStoredSession(await this.store.getSession(workshopId))
      if (entry) (await entry).state = state
      if (this.locks.has(workshopId)) this.locks.set(workshopId, new Set(state.lockedBoards))
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
      entry = this.store.getSession(workshopId).then((stored) => ({
        state: readStoredSession(stored),
        queue: Promise.resolve(),
      }))
      this.entries.set(workshopId, entry)
      entry.catch(() => this.entries.delete(workshopId))
    }
    return entry
  }
}
