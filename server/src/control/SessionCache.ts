import type { SessionView } from '@sparboard/protocol'
import { settled } from '../settled.js'
import type { Store } from '../store/Store.js'
import {
  readBallots,
  readFallbackTexts,
  readRevealPending,
  readStoredSession,
  storedSession,
  type Ballots,
  type FallbackTexts,
} from './SessionState.js'

/** One workshop's session as this node holds it: what the store holds, and its queue. */
export interface CachedSession {
  state: SessionView
  /** [C19] A reveal whose notes are not all on the boards yet; stored with the state, never sent. */
  revealPending: boolean
  /** [C33] A blind round's ballots, stored with the state, never sent; on the boards at its close. */
  ballots: Ballots
  /** [FB1] Hidden "if we don't agree" cards, stored with the state, never sent; on the board at its reveal. */
  fallbacks: FallbackTexts
  /** Changes of one workshop run one after another, each stored before the next starts. */
  queue: Promise<unknown>
  /**
   * Loaded (or kept after everyone left) since the registry last looked: the work a load may find
   * pending ([C19] a reveal, [C33] a tally) is still to be queued.
   */
  resumeDue: boolean
  /** The hub reads it ([H18] [H21]): kept while boards may be open, until the workshop goes. */
  viewed: boolean
}

/**
 * Scale-out mode: several nodes serve one workshop. A change runs under `exclusive` (no other node
 * changes the workshop meanwhile) on the state re-read from the store, and `changed` tells every
 * node, whose cached copy then reloads.
 */
export interface SessionSync {
  exclusive<T>(workshopId: string, run: () => Promise<T>): Promise<T>
  changed(workshopId: string): void
  /** `listener` reloads the workshop's copy; the sync reports when that fails. */
  onChanged(listener: (workshopId: string) => Promise<void>): void
}

interface Slot {
  readonly loading: Promise<CachedSession>
  /** The same session once loaded: read without waiting. */
  now: CachedSession | null
}

/**
 * The one cache of the sessions on this node, backed by the store. Built before the hub, which
 * reads it on every write (locks [H18], votes [H21]) without waiting; the registry changes
 * sessions through it (`SessionRegistry`).
 */
export class SessionCache {
  private readonly slots = new Map<string, Slot>()

  constructor(
    private readonly store: Store,
    private readonly sync?: SessionSync,
  ) {
    sync?.onChanged((workshopId) => this.reload(workshopId))
  }

  /** A workshop's session, loaded from the store on first use. */
  load(workshopId: string): Promise<CachedSession> {
    const known = this.slots.get(workshopId)
    if (known) return known.loading
    const loading = this.store.getSession(workshopId).then((stored): CachedSession => {
      const loaded: CachedSession = {
        state: readStoredSession(stored),
        revealPending: readRevealPending(stored),
        ballots: readBallots(stored),
        fallbacks: readFallbackTexts(stored),
        queue: Promise.resolve(),
        resumeDue: true,
        viewed: false,
      }
      slot.now = loaded
      return loaded
    })
    const slot: Slot = { loading, now: null }
    this.slots.set(workshopId, slot)
    loading.catch(() => {
      if (this.slots.get(workshopId) === slot) this.slots.delete(workshopId)
    })
    return loading
  }

  /**
   * Makes `lockedNow` and `viewNow` answer for a workshop, and keeps it while boards may be open;
   * the hub awaits it before a board connection joins.
   */
  async prepare(workshopId: string): Promise<void> {
    const entry = await this.load(workshopId)
    entry.viewed = true
  }

  /** Whether a board is locked now, without waiting (after `prepare`; unknown counts as unlocked). */
  lockedNow(workshopId: string, boardId: string): boolean {
    return this.viewNow(workshopId)?.lockedBoards.includes(boardId) ?? false
  }

  /** The session as it is now, without waiting (after `prepare`; null before). */
  viewNow(workshopId: string): SessionView | null {
    return this.slots.get(workshopId)?.now?.state ?? null
  }

  /**
   * Runs `task` after the workshop's earlier changes; in scale-out mode under the workshop's
   * lease, on the state as stored (another node may have changed it).
   */
  run<R>(workshopId: string, entry: CachedSession, task: () => Promise<R>): Promise<R> {
    const apply = async () => {
      if (this.sync) adopt(entry, await this.store.getSession(workshopId))
      return task()
    }
    const run = entry.queue.then(() =>
      this.sync ? this.sync.exclusive(workshopId, apply) : apply(),
    )
    entry.queue = settled(run)
    return run
  }

  /**
   * Stores a session and makes it current (in the workshop's queue): what anyone is told next
   * survives a restart. A new state (not only its marks) is told to every other node in
   * scale-out mode, which reloads it.
   */
  async save(
    workshopId: string,
    entry: CachedSession,
    next: Pick<CachedSession, 'state' | 'revealPending' | 'ballots'> &
      Partial<Pick<CachedSession, 'fallbacks'>>,
  ): Promise<void> {
    const fallbacks = next.fallbacks ?? entry.fallbacks
    await this.store.saveSession(
      workshopId,
      storedSession(next.state, next.revealPending, next.ballots, fallbacks),
    )
    const told = entry.state !== next.state
    entry.state = next.state
    entry.revealPending = next.revealPending
    entry.ballots = next.ballots
    entry.fallbacks = fallbacks
    if (told) this.sync?.changed(workshopId)
  }

  /**
   * Forgets a workshop nobody is connected to, once its pending changes are stored, unless
   * someone came back meanwhile (`stillIdle`): two live copies of one session would diverge. One
   * the hub reads stays (its boards may be open); its pending work is picked up again at the next
   * use, as after a load.
   */
  async release(workshopId: string, stillIdle: () => boolean): Promise<void> {
    const slot = this.slots.get(workshopId)
    if (!slot) return
    const entry = await slot.loading
    await entry.queue
    if (!stillIdle() || this.slots.get(workshopId) !== slot) return
    if (entry.viewed) entry.resumeDue = true
    else this.slots.delete(workshopId)
  }

  /** Forgets a deleted workshop's session. */
  forget(workshopId: string): void {
    this.slots.delete(workshopId)
  }

  /** Scale-out mode: another node changed the session; our copy is read again, in its queue. */
  private async reload(workshopId: string): Promise<void> {
    const slot = this.slots.get(workshopId)
    if (!slot) return
    const entry = await slot.loading
    const run = entry.queue.then(async () => adopt(entry, await this.store.getSession(workshopId)))
    entry.queue = settled(run)
    await run
  }
}

function adopt(entry: CachedSession, stored: unknown): void {
  entry.state = readStoredSession(stored)
  entry.revealPending = readRevealPending(stored)
  entry.ballots = readBallots(stored)
  entry.fallbacks = readFallbackTexts(stored)
}
