import type * as Y from 'yjs'
import { isSide, type Side } from './Category.js'
import type { BoardOrigin } from './origins.js'
import { BoardKeys } from './schema.js'

/**
 * [FB1] The `fallbacks` map of a board: per side ('0' | '1') its revealed "if we don't agree"
 * card, a plain `{ text, revealedAt }`. Only the server writes it, at the facilitator's reveal;
 * until then the cards live on the server, never in a board document.
 */
export const fallbacksOf = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(BoardKeys.fallbacks)

/** [FB1] One side's revealed card: what it does when there is no agreement. */
export interface FallbackSnapshot {
  readonly side: Side
  readonly text: string
  /** When the facilitator revealed it, on the server's clock. */
  readonly revealedAt: number
}

/** [FB1] The longest card text a board shows (the control plane takes no longer one). */
export const MAX_FALLBACK_TEXT = 2000

/**
 * [FB1] Puts revealed cards on a board in one transaction; a side without a card gets an empty
 * one, so the board shows that it had none. Writing the same cards again changes nothing.
 * @example placeFallbacks(doc, [{ side: 0, text: 'We ship from stock' }], Date.now(), serverOrigin)
 */
export function placeFallbacks(
  doc: Y.Doc,
  cards: readonly { readonly side: Side; readonly text: string }[],
  revealedAt: number,
  origin: BoardOrigin,
): void {
  const map = fallbacksOf(doc)
  doc.transact(() => {
    for (const side of [0, 1] as const) {
      if (map.has(String(side))) continue
      const text = cards.find((c) => c.side === side)?.text ?? ''
      map.set(String(side), { text: text.slice(0, MAX_FALLBACK_TEXT), revealedAt })
    }
  }, origin)
}

/** [FB1] The revealed cards of a board, side 0 first; none before the reveal. */
export function readFallbacks(doc: Y.Doc): readonly FallbackSnapshot[] {
  const out: FallbackSnapshot[] = []
  fallbacksOf(doc).forEach((value, key) => {
    const side = Number(key)
    if (!isSide(side) || value === null || typeof value !== 'object') return
    const { text, revealedAt } = value as { text?: unknown; revealedAt?: unknown }
    out.push(
      Object.freeze({
        side,
        text: typeof text === 'string' ? text.slice(0, MAX_FALLBACK_TEXT) : '',
        revealedAt: typeof revealedAt === 'number' ? revealedAt : 0,
      }),
    )
  })
  out.sort((a, b) => a.side - b.side)
  return Object.freeze(out)
}
