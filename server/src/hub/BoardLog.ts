import { readStoredBoard, type Store, type StoredBoard } from '../store/Store.js'
import { TurnCommit } from './TurnCommit.js'

/** What another node did on a board, handed to the room that has it open here. */
export interface BoardFeed {
  /**
   * Updates other nodes stored, in log order: applied in one transaction and relayed as one
   * message (a node that fell behind catches up with one send per client, not one per update).
   */
  updates(updates: readonly Uint8Array[]): void
  /** An awareness update of another node's clients (never stored). */
  awareness(update: Uint8Array): void
  /** The awareness states of this node's clients, for a node that just opened the board. */
  localAwareness(): Uint8Array | null
  /** The board was deleted on another node: its connections here are closed (4404). */
  gone(): void
}

/**
 * One open board's log ([H3], [H4]): where its updates are appended before any relay, folded into
 * snapshots, and, in scale-out mode, where updates written on other nodes come from.
 */
export interface BoardLog {
  /** The board as it was when opened: snapshot and log tail. */
  readonly stored: StoredBoard
  /** Appends durably, in order; resolves once a `kill -9` of this process cannot lose them. */
  append(updates: readonly Uint8Array[]): Promise<void>
  /**
   * Appends durably before returning, where the log can (the embedded store); throws when it
   * cannot, and the queue falls back to `append` and its retries.
   */
  readonly appendNow?: (updates: readonly Uint8Array[]) => void
  /** The group commit per turn that `appendNow`'s boards share, where the log has one. */
  readonly turn?: TurnCommit
  /** Folds the log into `snapshot` (of the live document). */
  compact(snapshot: Uint8Array): Promise<void>
  /**
   * Whether appends may go on while `compact` is under way: true where a compaction removes only
   * what the snapshot is known to contain (the scale-out stream); the store's removes every row.
   */
  readonly appendsWhileCompacting?: boolean
  /** Starts handing what other nodes write to `feed` (nothing happens on a single node). */
  follow(feed: BoardFeed): void
  /** Shares an awareness change of this node's clients with the other nodes. */
  shareAwareness(update: Uint8Array): void
  /** Stops following; the room is unloading. */
  close(): void
}

/** Opens board logs; the hub holds one. */
export interface BoardLogSource {
  open(boardId: string): Promise<BoardLog>
}

/** Today's single-node log: the store's own append-only table and snapshot. */
export class StoreBoardLogs implements BoardLogSource {
  /** One per store: a turn's appends of every board commit together ([H3]). */
  private readonly turn: TurnCommit | undefined

  /** `maxHeldMs`: how long an update may wait for its turn's commit (`MAX_HELD_MS`). */
  constructor(
    private readonly store: Store,
    maxHeldMs?: number,
  ) {
    const transactionNow = store.transactionNow?.bind(store)
    this.turn = transactionNow && new TurnCommit(transactionNow, maxHeldMs)
  }

  async open(boardId: string): Promise<BoardLog> {
    const store = this.store
    const appendNow = store.appendUpdatesNow?.bind(store)
    return {
      stored: await readStoredBoard(store, boardId),
      append: (updates) => store.appendUpdates(boardId, updates),
      appendNow: appendNow && ((updates) => appendNow(boardId, updates)),
      ...(appendNow && this.turn && { turn: this.turn }),
      compact: (snapshot) => store.compactBoard(boardId, snapshot),
      follow: () => {},
      shareAwareness: () => {},
      close: () => {},
    }
  }
}
