/**
 * A `subscribe` for `useSyncExternalStore` over something kept in `localStorage`: this page's own
 * changes announce themselves with `event`; other tabs' arrive as `storage` events.
 */
export const subscribeStorage = (event: string) => (listener: () => void) => {
  addEventListener(event, listener)
  addEventListener('storage', listener)
  return () => {
    removeEventListener(event, listener)
    removeEventListener('storage', listener)
  }
}
