import { EventEmitter } from 'node:events'
import { blindVoting, phaseRules, type AckError, type SessionView } from '@sparboard/protocol'
import type { Store } from '../store/Store.js'
import type { CachedSession, SessionCache } from './SessionCache.js'
import type { Ballots, FallbackTexts } from './SessionState.js'

/**
 * [C19] Moves the private notes of a workshop onto its boards; rejects when some could not be
 * moved yet (the reveal then stays pending and is tried again).
 */
export type RevealMover = (workshopId: string) => Promise<void>

/** [C33] Puts a closed round's ballots on the boards; rejects when some could not be placed yet. */
export type BallotTallier = (workshopId: string, ballots: Ballots) => Promise<void>

/** [FB1] Puts the revealed cards on their boards; rejects when some could not be placed yet. */
export type FallbackPlacer = (workshopId: string, cards: FallbackTexts) => Promise<void>

/** What the registry tells without waiting for anyone. */
export interface SessionEvents {
  /**
   * A change moved the workshop to another phase and its reveal (if any) is done, with the state
   * it left (the server keeps each board as that phase left it).
   */
  phaseChanged: [workshopId: string, ended: SessionView]
}

export interface SessionRegistryOptions {
  /** The one cache of the sessions; the hub reads it too. */
  readonly cache: SessionCache
  readonly store: Pick<Store, 'pendingReveals'>
  /** [C19] Built by the server, which has the hub. */
  readonly moveRevealed: RevealMover
  /** [C33] Built by the server, which has the hub. */
  readonly tallyBallots: BallotTallier
  /** [FB1] Built by the server, which has the hub. */
  readonly placeFallbacks: FallbackPlacer
}

/**
 * What a change makes of the state: a new one (with ballots, [FB1] hidden cards and an answer),
 * or why not.
 */
export type SessionChange<R> =
  | {
      readonly state: SessionView
      readonly ballots?: Ballots
      readonly fallbacks?: FallbackTexts
      readonly result?: R
    }
  | { readonly error: AckError; readonly field?: string }

/** A change as it went: refused, or done with the state as stored (and told). */
export type SessionUpdate<R> =
  | { readonly error: AckError; readonly field?: string }
  | {
      readonly state: SessionView
      readonly result?: R
      readonly changed: boolean
      /** [H14] The state changed, but notes still wait in private rooms. */
      readonly revealUnfinished?: true
    }

/** [FB1] The hidden cards of boards the facilitator revealed: they go onto those boards. */
const revealedCards = (state: SessionView, texts: FallbackTexts): FallbackTexts =>
  Object.fromEntries(
    Object.entries(texts).filter(([key]) =>
      state.fallbacksRevealed.includes(key.slice(0, key.lastIndexOf('/'))),
    ),
  )
const fallbacksWaiting = (state: SessionView, texts: FallbackTexts) =>
  Object.keys(revealedCards(state, texts)).length > 0

/** [C33] Ballots wait while their blind round runs; any other state puts them on the boards. */
const ballotsWaiting = (state: SessionView, ballots: Ballots) =>
  !blindVoting(state) && Object.keys(ballots).length > 0

/** Whether authors write alone now: their private rooms must then stay where they are. */
const writingAlone = (state: SessionView) =>
  phaseRules[state.phase].privateWriting && !state.revealed

/** The live session of each workshop with someone connected: how it changes, one at a time. */
export class SessionRegistry {
  /** Tells without waiting (see `SessionEvents`); the version keeper listens. */
  readonly events = new EventEmitter<SessionEvents>()
  private readonly cache: SessionCache

  constructor(private readonly o: SessionRegistryOptions) {
    this.cache = o.cache
  }

  /** The current session of a workshop, loaded from the store on first use. */
  async get(workshopId: string): Promise<SessionView> {
    return (await this.entry(workshopId)).state
  }

  /**
   * Runs `change` on the current state in the workshop's queue; a new state is stored before it
   * becomes current, so what anyone was told survives a restart. Resolves with what `change` did.
   */
  async update<R>(
    workshopId: string,
    change: (state: SessionView, ballots: Ballots, fallbacks: FallbackTexts) => SessionChange<R>,
  ): Promise<SessionUpdate<R>> {
    const entry = await this.entry(workshopId)
    return this.cache.run(workshopId, entry, async (): Promise<SessionUpdate<R>> => {
      const previous = entry.state
      const outcome = change(entry.state, entry.ballots, entry.fallbacks)
      if ('error' in outcome) return outcome
      const ballots = outcome.ballots ?? entry.ballots
      const fallbacks = outcome.fallbacks ?? entry.fallbacks
      const changed =
        outcome.state !== entry.state || ballots !== entry.ballots || fallbacks !== entry.fallbacks
      // [S5] under the lease the state was read as stored: the revision counts every node's changes
      const next = changed
        ? { ...outcome.state, revision: entry.state.revision + 1 }
        : outcome.state
      if (changed) {
        // [C19] the end of writing alone (reveal, or another phase) and the note that its move
        // is pending are one write: a stop cannot split them
        const revealPending =
          entry.revealPending || (writingAlone(entry.state) && !writingAlone(next))
        await this.cache.save(workshopId, entry, { state: next, revealPending, ballots, fallbacks })
      }
      // [C19] the notes move before anyone is told of the reveal; a move cut short is tried again
      const unfinished =
        changed && entry.revealPending && !(await this.finishReveal(workshopId, entry))
      // [C33] likewise a closed round's ballots are on the boards before anyone is told
      if (changed && ballotsWaiting(entry.state, entry.ballots))
        await this.finishTally(workshopId, entry)
      // [FB1] and revealed cards are on their board before anyone hears of the reveal
      if (changed && fallbacksWaiting(entry.state, entry.fallbacks))
        await this.finishFallbacks(workshopId, entry)
      if (changed && next.phase !== previous.phase)
        this.events.emit('phaseChanged', workshopId, previous)
      // the state told to everyone is the one stored, with its revision; [H14] whoever ended
      // private writing hears that notes are still waiting to be moved
      const told = { state: next, result: outcome.result, changed }
      return unfinished ? { ...told, revealUnfinished: true } : told
    })
  }

  /**
   * [C19] Finishes the reveals the store says are pending (a server stopped midway); resolves
   * with their workshops once each was tried.
   */
  async finishPendingReveals(): Promise<string[]> {
    const workshops = await this.o.store.pendingReveals()
    // Loading a session with a pending reveal queues its move (see `entry`).
    for (const workshopId of workshops) await (await this.entry(workshopId)).queue
    return workshops
  }

  /** See `SessionCache.release`. */
  release(workshopId: string, stillIdle: () => boolean): Promise<void> {
    return this.cache.release(workshopId, stillIdle)
  }

  /**
   * [C33] Puts a closed round's ballots on the boards, then forgets them. A tally that fails
   * keeps them stored, to be tried again at the next change or load; placing them twice sets the
   * same counts, so nothing doubles.
   */
  private async finishTally(workshopId: string, entry: CachedSession): Promise<void> {
    if (!ballotsWaiting(entry.state, entry.ballots)) return
    try {
      await this.o.tallyBallots(workshopId, entry.ballots)
      await this.cache.save(workshopId, entry, { ...entry, ballots: {} })
    } catch {
      // the tallier logged why; the stored ballots make the next change or load try again
    }
  }

  /**
   * [FB1] Puts the revealed boards' cards on them, then forgets them. A placement that fails keeps
   * them stored, to be tried again at the next change or load; placing twice changes nothing.
   */
  private async finishFallbacks(workshopId: string, entry: CachedSession): Promise<void> {
    const cards = revealedCards(entry.state, entry.fallbacks)
    if (Object.keys(cards).length === 0) return
    try {
      await this.o.placeFallbacks(workshopId, cards)
      const left = Object.fromEntries(
        Object.entries(entry.fallbacks).filter(([k]) => !(k in cards)),
      )
      await this.cache.save(workshopId, entry, { ...entry, fallbacks: left })
    } catch {
      // the placer logged why; the stored cards make the next change or load try again
    }
  }

  /**
   * [C19] Moves a revealed round's private notes, then clears the mark. A new private round that
   * started meanwhile only clears it: its rooms hold that round's notes now, and its own reveal
   * moves them all. A move that fails leaves the mark, to be tried again.
   */
  private async finishReveal(workshopId: string, entry: CachedSession): Promise<boolean> {
    // Under the lease the state was read again: another node may have finished it.
    if (!entry.revealPending) return true
    try {
      if (!writingAlone(entry.state)) await this.o.moveRevealed(workshopId)
      await this.cache.save(workshopId, entry, { ...entry, revealPending: false })
      return true
    } catch {
      // the mover logged why; the stored mark makes the next change or start-up try again
      return false
    }
  }

  /** The workshop's session; work a load found pending is queued before any change. */
  private async entry(workshopId: string): Promise<CachedSession> {
    const entry = await this.cache.load(workshopId)
    if (entry.resumeDue) {
      entry.resumeDue = false
      // [C19] a reveal a stopped server left unfinished is finished before any change
      if (entry.revealPending)
        void this.cache.run(workshopId, entry, () => this.finishReveal(workshopId, entry))
      // [C33] and so is a tally
      if (ballotsWaiting(entry.state, entry.ballots))
        void this.cache.run(workshopId, entry, () => this.finishTally(workshopId, entry))
      // [FB1] and so are revealed cards not yet on their board
      if (fallbacksWaiting(entry.state, entry.fallbacks))
        void this.cache.run(workshopId, entry, () => this.finishFallbacks(workshopId, entry))
    }
    return entry
  }
}
