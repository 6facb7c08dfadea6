/**
 * Every write is one transaction with one of these origins. A UndoManager tracks the local
 * user's origin object only, so undo never reverts another person's work.
 */
export type BoardOrigin =
  | { readonly kind: 'user'; readonly actor: string }
  | { readonly kind: 'migration' }
  | { readonly kind: 'import' }
  | { readonly kind: 'server' }

/** Makes the origin for one person's edits; keep the object, it is what UndoManager tracks. */
export const userOrigin = (actor: string): BoardOrigin => Object.freeze({ kind: 'user', actor })

/** The origin of schema migrations (never tracked by anyone's undo). */
export const migrationOrigin: BoardOrigin = Object.freeze({ kind: 'migration' })

/** The origin of writes the server makes itself, e.g. moving private notes onto the board at reveal. */
export const serverOrigin: BoardOrigin = Object.freeze({ kind: 'server' })
