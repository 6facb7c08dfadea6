import { isSide, placeFallbacks, serverOrigin, type Side } from '@sparboard/board-model'
import type { RoomChanger } from './movePrivateNotes.js'
import type { FallbackTexts } from './SessionState.js'

/**
 * [FB1] Puts revealed "if we don't agree" cards on their boards: per board one server
 * transaction ([H20]) with both sides' cards (a side that wrote none shows an empty one).
 * Placing them twice changes nothing. Rejects when a board could not be changed, so the cards
 * stay stored and are placed at the next try.
 * @example const boards = await placeFallbackCards(cards, Date.now(), hub)
 */
export async function placeFallbackCards(
  cards: FallbackTexts,
  revealedAt: number,
  hub: RoomChanger,
): Promise<number> {
  const byBoard = new Map<string, { side: Side; text: string }[]>()
  for (const [key, { text }] of Object.entries(cards)) {
    const at = key.lastIndexOf('/')
    const side = Number(key.slice(at + 1))
    if (at <= 0 || !isSide(side)) continue
    const boardId = key.slice(0, at)
    byBoard.set(boardId, [...(byBoard.get(boardId) ?? []), { side, text }])
  }
  for (const [boardId, sides] of byBoard)
    await hub.changeBoard(boardId, (doc) => placeFallbacks(doc, sides, revealedAt, serverOrigin))
  return byBoard.size
}
