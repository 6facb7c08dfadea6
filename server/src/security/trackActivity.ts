import type { ReportFailure } from '../metrics.js'
import type { Store } from '../store/Store.js'

const TOUCH_EVERY_MS = 60_000

/**
 * The store the hub writes through: each stored board update also marks its workshop as
 * active (at most once a minute per workshop), so RETENTION_DAYS never deletes a live board.
 * Appends go through either method, the synchronous one on the relay's path: a board whose
 * workshop is known and was marked this minute costs two map lookups, no promise.
 */
export function trackActivity(
  store: Store,
  report: ReportFailure,
  now: () => number = Date.now,
): Store {
  const workshopOf = new Map<string, string>()
  const touched = new Map<string, number>()
  // Activity is bookkeeping: losing one touch must never fail a stored edit.
  const mark = (workshopId: string) => {
    const at = now()
    if ((touched.get(workshopId) ?? -Infinity) > at - TOUCH_EVERY_MS) return
    touched.set(workshopId, at)
    store
      .touchWorkshop(workshopId, at)
      .catch((err: unknown) => report('touch-workshop', err, { workshop: workshopId }))
  }
  const touch = (boardId: string) => {
    const known = workshopOf.get(boardId)
    if (known !== undefined) return mark(known)
    store.findBoardWorkshop(boardId).then(
      (workshopId) => {
        if (!workshopId) return
        workshopOf.set(boardId, workshopId)
        mark(workshopId)
      },
      (err: unknown) => report('touch-workshop', err, { board: boardId }),
    )
  }
  const appendUpdatesNow = store.appendUpdatesNow
  const tracked: Partial<Store> = {
    async appendUpdates(boardId, updates) {
      await store.appendUpdates(boardId, updates)
      touch(boardId)
    },
    appendUpdatesNow:
      appendUpdatesNow &&
      ((boardId, updates) => {
        appendUpdatesNow.call(store, boardId, updates)
        touch(boardId)
      }),
  }
  return new Proxy(store, {
    get(target, property) {
      if (property in tracked) return tracked[property as keyof Store]
      const value: unknown = Reflect.get(target, property, target)
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
}
