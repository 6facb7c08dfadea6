import type { EventEmitter } from 'node:events'
import type { Logger } from 'pino'
import * as Y from 'yjs'
import { notesOf, serverOrigin } from '@sparboard/board-model'
import {
  boardOfRoom,
  VersionReason,
  type BoardVersion,
  type Phase,
  type RestoredVersion,
  type SessionView,
} from '@sparboard/protocol'
import type { BoardHub } from '../hub/BoardHub.js'
import type { ReportFailure } from '../metrics.js'
import { settled } from '../settled.js'
import type { Store } from '../store/Store.js'
import { rewriteBoard } from './rewriteBoard.js'
import { versionsToPrune } from './versionsToPrune.js'
import type { BoardWrites } from './watchWrites.js'

/** What the session registry tells of phases (its `events`). */
export interface PhaseEvents {
  /** A workshop moved on, its reveal (if any) done, from the state `ended`. */
  phaseChanged: [workshopId: string, ended: SessionView]
}

const DAY_MS = 24 * 60 * 60 * 1000
const HOUR_MS = 60 * 60 * 1000

export interface VersionKeeperOptions {
  readonly store: Store
  /** Reads and changes boards the way the server does ([H20]); knows which are damaged ([H22]). */
  readonly hub: Pick<BoardHub, 'changeBoard' | 'damagedBoards'>
  /** The phase a workshop's session is in now; null before the agenda ran. */
  readonly phaseOf: (workshopId: string) => Promise<Phase | null>
  /** Every stored write of a room (the hub's board logs, `watchWrites`): a board's activity. */
  readonly writes: Pick<EventEmitter<BoardWrites>, 'on'>
  /** Each phase change (the session registry's events): every board is kept as it was left. */
  readonly phases: Pick<EventEmitter<PhaseEvents>, 'on'>
  readonly log: Logger
  readonly report: ReportFailure
  /** A board written to is kept this long after the first write since its last version. */
  readonly activityMs: number
  /** Versions kept per board besides the newest of each phase. */
  readonly keep: number
  /** RETENTION_DAYS: versions older than this go (hourly, and whenever a board's are pruned). */
  readonly retentionDays?: number
  readonly now?: () => number
}

/** What a version is taken as: the whole state, and how many notes it held. */
interface Taken {
  readonly state: Uint8Array
  readonly notes: number
}

const take = (doc: Y.Doc): Taken => ({
  state: Y.encodeStateAsUpdate(doc),
  notes: notesOf(doc).size,
})

/**
 * A board's history: versions taken at each phase change and after a few minutes of activity,
 * bounded in count and by RETENTION_DAYS; restoring one is a server change of the board ([H20])
 * that everyone sees at once, taken as a version itself first so it can be undone.
 */
export class VersionKeeper {
  private readonly pending = new Map<string, NodeJS.Timeout>()
  /** Work on one board runs one at a time: a restore never interleaves with a version taken. */
  private readonly queues = new Map<string, Promise<unknown>>()
  private readonly sweeper: NodeJS.Timeout | null
  private closed = false

  constructor(private readonly o: VersionKeeperOptions) {
    this.sweeper = o.retentionDays ? setInterval(() => void this.sweep(), HOUR_MS) : null
    this.sweeper?.unref()
    if (o.retentionDays) void this.sweep()
    o.writes.on('written', (roomId) => this.boardWritten(roomId))
    // [C19] each board as the phase left it, once its private notes are on it
    o.phases.on(
      'phaseChanged',
      (workshopId, ended) =>
        void this.phaseChanged(workshopId, ended.agendaStarted ? ended.phase : null),
    )
  }

  private now(): number {
    return (this.o.now ?? Date.now)()
  }

  /** Versions taken before this are past RETENTION_DAYS. */
  private expiredBefore(): number | undefined {
    return this.o.retentionDays ? this.now() - this.o.retentionDays * DAY_MS : undefined
  }

  /** A workshop moved on from `ended`: each of its boards is kept as that phase left it. */
  async phaseChanged(workshopId: string, ended: Phase | null): Promise<void> {
    try {
      const workshop = await this.o.store.getWorkshop(workshopId)
      // One board after another: a workshop's boards are not all loaded at once.
      for (const { id } of workshop?.boards ?? []) {
        await this.keep(id, VersionReason.phase, ended).catch((err: unknown) =>
          this.o.report('version-phase', err, { board: id }),
        )
      }
    } catch (err) {
      this.o.report('version-phase', err, { workshop: workshopId })
    }
  }

  /**
   * Something was stored on a room: a board (not a private room) gets a version `activityMs`
   * after the first write since its last one, so a busy board is kept every few minutes.
   */
  boardWritten(roomId: string): void {
    if (this.closed || boardOfRoom(roomId) !== roomId || this.pending.has(roomId)) return
    const timer = setTimeout(() => {
      this.pending.delete(roomId)
      // Another node that saw the same board's activity may have kept it meanwhile.
      const since = this.now() - this.o.activityMs / 2
      this.keep(roomId, VersionReason.activity, undefined, since).catch((err: unknown) =>
        this.o.report('version-activity', err, { board: roomId }),
      )
    }, this.o.activityMs)
    timer.unref()
    this.pending.set(roomId, timer)
  }

  /** A board's versions, newest first, those past RETENTION_DAYS left out. */
  async list(boardId: string): Promise<BoardVersion[]> {
    const before = this.expiredBefore() ?? -Infinity
    return (await this.o.store.listVersions(boardId)).filter((v) => v.at >= before)
  }

  /**
   * Makes the board what it was in a version, as one change everyone sees at once; the board as
   * it was right before is kept as a version first (restoring that undoes this). Null when the
   * board has no such version.
   */
  restore(boardId: string, versionId: number): Promise<RestoredVersion | null> {
    return this.serial(boardId, async () => {
      const restored = (await this.list(boardId)).find((v) => v.id === versionId)
      const state = restored && (await this.o.store.loadVersion(boardId, versionId))
      if (!restored || !state) return null
      const target = new Y.Doc()
      try {
        Y.applyUpdate(target, state)
        const phase = await this.phaseOfBoard(boardId)
        const at = this.now()
        const before = await this.o.hub.changeBoard(boardId, (doc) => {
          const was = take(doc)
          rewriteBoard(doc, target, serverOrigin)
          return was
        })
        const kept = await this.o.store.saveVersion(
          boardId,
          { at, reason: VersionReason.restore, phase, notes: before.notes },
          before.state,
        )
        await this.prune(boardId)
        this.o.log.info({ board: boardId, version: versionId }, 'board restored to a version')
        return { restored, before: kept! }
      } finally {
        target.destroy()
      }
    })
  }

  /** Runs the RETENTION_DAYS sweep of every board's versions now; resolves with how many went. */
  async sweep(): Promise<number> {
    const before = this.expiredBefore()
    if (before === undefined) return 0
    try {
      return await this.o.store.deleteVersionsBefore(before)
    } catch (err) {
      this.o.report('version-retention', err)
      return 0
    }
  }

  /** Stops taking versions; waits for those under way. */
  async close(): Promise<void> {
    this.closed = true
    if (this.sweeper) clearInterval(this.sweeper)
    for (const timer of this.pending.values()) clearTimeout(timer)
    this.pending.clear()
    await Promise.allSettled([...this.queues.values()])
  }

  /** Takes a version of a board as it is now (read as the server reads a room, [H20]). */
  private keep(
    boardId: string,
    reason: VersionReason,
    phase: Phase | null | undefined,
    unlessSince?: number,
  ): Promise<BoardVersion | null> {
    return this.serial(boardId, async () => {
      if (this.closed) return null
      const taken = await this.o.hub.changeBoard(boardId, take)
      // [H22] what a damaged board shows is not what it held; nobody should restore to it
      if (this.o.hub.damagedBoards().has(boardId)) return null
      const version = await this.o.store.saveVersion(
        boardId,
        {
          at: this.now(),
          reason,
          phase: phase === undefined ? await this.phaseOfBoard(boardId) : phase,
          notes: taken.notes,
        },
        taken.state,
        unlessSince,
      )
      if (version) await this.prune(boardId)
      return version
    })
  }

  private async prune(boardId: string): Promise<void> {
    const versions = await this.o.store.listVersions(boardId)
    const gone = versionsToPrune(versions, { keep: this.o.keep, before: this.expiredBefore() })
    if (gone.length > 0) await this.o.store.deleteVersions(boardId, gone)
  }

  private async phaseOfBoard(boardId: string): Promise<Phase | null> {
    const workshopId = await this.o.store.findBoardWorkshop(boardId)
    return workshopId === null ? null : this.o.phaseOf(workshopId)
  }

  private serial<T>(boardId: string, task: () => Promise<T>): Promise<T> {
    const run = (this.queues.get(boardId) ?? Promise.resolve()).then(task)
    const done = settled(run)
    this.queues.set(boardId, done)
    // The last task of a board leaves no entry behind.
    void done.then(() => this.queues.get(boardId) === done && this.queues.delete(boardId))
    return run
  }
}
