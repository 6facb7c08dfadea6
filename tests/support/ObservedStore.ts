import type { Store, StoredBoard, TokenGrant, WorkshopRecord } from '@sparboard/server'

/** A Store that forwards to a real one and lets a test watch or disturb its board writes. */
export class ObservedStore implements Store {
  loads = 0
  readonly appended: { boardId: string; update: Uint8Array }[] = []
  /** Runs before each append reaches the real store; may wait, or throw to fail it. */
  beforeAppend: (boardId: string) => Promise<void> | void = () => {}
  /** Runs before each compaction reaches the real store. */
  beforeCompact: (boardId: string) => Promise<void> | void = () => {}

  constructor(private readonly inner: Store) {}

  createWorkshop(w: WorkshopRecord): Promise<void> {
    return this.inner.createWorkshop(w)
  }
  getWorkshop(id: string): Promise<WorkshopRecord | null> {
    return this.inner.getWorkshop(id)
  }
  findToken(token: string): Promise<TokenGrant | null> {
    return this.inner.findToken(token)
  }
  findBoardWorkshop(boardId: string): Promise<string | null> {
    return this.inner.findBoardWorkshop(boardId)
  }
  async loadBoard(boardId: string): Promise<StoredBoard> {
    this.loads++
    return this.inner.loadBoard(boardId)
  }
  async appendUpdates(boardId: string, updates: readonly Uint8Array[]): Promise<void> {
    await this.beforeAppend(boardId)
    await this.inner.appendUpdates(boardId, updates)
    for (const update of updates) this.appended.push({ boardId, update })
  }
  async compactBoard(boardId: string, snapshot: Uint8Array): Promise<void> {
    await this.beforeCompact(boardId)
    return this.inner.compactBoard(boardId, snapshot)
  }
  close(): Promise<void> {
    return this.inner.close()
  }
}
