import type { Store, TokenGrant } from '@sparboard/server'

/** What a test can watch and disturb of a store's board writes. */
export interface StoreObserver {
  loads: number
  readonly appended: { boardId: string; update: Uint8Array }[]
  /**
   * Runs before each append reaches the real store; throws to fail it. It may wait only in a store
   * observed with `{ synchronous: false }`: a synchronous append cannot.
   */
  beforeAppend: (boardId: string, updates: readonly Uint8Array[]) => Promise<void> | void
  /** Runs before each compaction reaches the real store. */
  beforeCompact: (boardId: string) => Promise<void> | void
  /**
   * Runs after the real store looked a token up and before its answer is handed on; waiting here
   * makes a lookup that was already under way when something changed.
   */
  afterFindToken: (token: string, grant: TokenGrant | null) => Promise<void> | void
}
export type ObservedStore = Store & StoreObserver

/**
 * Wraps a real store; every method the Store interface has (now or later) is forwarded, and the
 * board writes pass through the observer's hooks. A store that appends synchronously (SQLite)
 * still does, unless `synchronous: false` makes it one that only appends asynchronously, as a
 * networked store does, so that a test can hold an append back.
 */
export function observeStore(
  inner: Store,
  { synchronous = inner.appendUpdatesNow !== undefined } = {},
): ObservedStore {
  const observer: StoreObserver = {
    loads: 0,
    appended: [],
    beforeAppend: () => {},
    beforeCompact: () => {},
    afterFindToken: () => {},
  }
  const wrapped: Partial<Store> = {
    async loadBoard(boardId) {
      observer.loads++
      return inner.loadBoard(boardId)
    },
    // the hub and exports read this way where the store can (SQLite's reader thread)
    ...(inner.loadBoardOffThread && {
      async loadBoardOffThread(boardId: string) {
        observer.loads++
        return inner.loadBoardOffThread!(boardId)
      },
    }),
    async appendUpdates(boardId, updates) {
      await observer.beforeAppend(boardId, updates)
      await inner.appendUpdates(boardId, updates)
      for (const update of updates) observer.appended.push({ boardId, update })
    },
    appendUpdatesNow: synchronous
      ? (boardId, updates) => {
          if (observer.beforeAppend(boardId, updates) instanceof Promise)
            throw new TypeError('a synchronous append cannot wait: observe with synchronous: false')
          inner.appendUpdatesNow!(boardId, updates)
          for (const update of updates) observer.appended.push({ boardId, update })
        }
      : undefined,
    async findToken(token) {
      const grant = await inner.findToken(token)
      await observer.afterFindToken(token, grant)
      return grant
    },
    async compactBoard(boardId, snapshot) {
      await observer.beforeCompact(boardId)
      return inner.compactBoard(boardId, snapshot)
    },
  }
  return new Proxy(observer, {
    get(target, prop) {
      if (prop in target) return target[prop as keyof StoreObserver]
      if (prop in wrapped) return wrapped[prop as keyof Store]
      const value = Reflect.get(inner, prop) as unknown
      return typeof value === 'function' ? (value as () => unknown).bind(inner) : value
    },
    set(target, prop, value) {
      return Reflect.set(target, prop, value)
    },
  }) as unknown as ObservedStore
}
