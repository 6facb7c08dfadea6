import type { Store } from '../store/Store.js'

const TOUCH_EVERY_MS = 60_000

/**
 * The store the hub writes through: each stored board update also marks its workshop as
 * active (at most once a minute per workshop), so RETENTION_DAYS never deletes a live board.
 */
export function trackActivity(store: Store, now: () => number = Date.now): Store {
  const workshopOf = new Map<string, string>()
  const touched = new Map<string, number>()
  const touch = async (boardId: string) => {
    const workshopId = workshopOf.get(boardId) ?? (await store.findBoardWorkshop(boardId))
    if (!workshopId) return
    workshopOf.set(boardId, workshopId)
    const at = now()
    if ((touched.get(workshopId) ?? -Infinity) > at - TOUCH_EVERY_MS) return
    touched.set(workshopId, at)
    await store.touchWorkshop(workshopId, at)
  }
  return new Proxy(store, {
    get(target, property) {
      if (property === 'appendUpdates') {
        return async (boardId: string, updates: readonly Uint8Array[]) => {
          await target.appendUpdates(boardId, updates)
          // Activity is bookkeeping: losing one touch must never fail a stored edit.
          touch(boardId).catch(() => {})
        }
      }
      const value: unknown = Reflect.get(target, property, target)
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
}
