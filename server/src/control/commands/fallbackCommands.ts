import { methodOf, type FallbackCard, type SessionView } from '@sparboard/protocol'
import type { CommandContext, CommandHandler, CommandOutcome } from './CommandHandler.js'

/** [FB1] Where a side's hidden card on a board is kept: `<boardId>/<side>`. */
export const fallbackKey = (boardId: string, side: 0 | 1) => `${boardId}/${side}`

type Refusal = Extract<CommandOutcome<'fallback:write'>, { error: unknown }>

/**
 * [FB1] The side whose card a participant may write and read on a board, or why not: the
 * workshop has the option, the board is the workshop's and not revealed yet, the socket joined
 * as a participant who chose a side.
 */
function cardOf(
  state: SessionView,
  boardId: string,
  ctx: CommandContext,
): { readonly key: string; readonly name: string } | Refusal {
  if (!methodOf(ctx.workshop.method).fallbackCards) return { error: 'conflict', field: 'method' }
  if (!ctx.workshop.boards.some((b) => b.id === boardId))
    return { error: 'not-found', field: 'boardId' }
  const me = state.participants.find((p) => p.id === ctx.participantId)
  if (!me) return { error: 'conflict', field: 'participantId' }
  // one who chose neither side speaks for no side's card
  if (me.side === 'other') return { error: 'forbidden', field: 'side' }
  if (state.fallbacksRevealed.includes(boardId)) return { error: 'conflict', field: 'boardId' }
  return { key: fallbackKey(boardId, me.side), name: me.name }
}

/**
 * [FB1] Saves the participant's side's card (empty text removes it). The text goes to the
 * server-only part of the session; the state says only how often each side's card was saved.
 */
export const writeFallback: CommandHandler<'fallback:write'> = (state, { boardId, text }, ctx) => {
  const card = cardOf(state, boardId, ctx)
  if ('error' in card) return card
  const clean = text.trim()
  const { [card.key]: _old, ...others } = ctx.fallbacks ?? {}
  const { [card.key]: saves = 0, ...counts } = state.fallbacks
  const result: FallbackCard = { text: clean, by: clean ? card.name : '' }
  return {
    state: {
      ...state,
      fallbacks: clean ? { ...counts, [card.key]: saves + 1 } : counts,
    },
    fallbacks: clean ? { ...others, [card.key]: result } : others,
    result,
  }
}

/** [FB1] The participant's side's card on a board, to them alone (never in the state). */
export const myFallback: CommandHandler<'fallback:mine'> = (state, { boardId }, ctx) => {
  const card = cardOf(state, boardId, ctx)
  if ('error' in card) return card
  return { state, result: ctx.fallbacks?.[card.key] ?? { text: '', by: '' } }
}

/**
 * [FB1] The facilitator reveals a board's cards: the server puts both sides' cards on the board
 * (before anyone hears of it) and forgets them. A board with no card yet has nothing to reveal
 * (`conflict`); revealing twice changes nothing.
 */
export const revealFallbacks: CommandHandler<'fallback:reveal'> = (state, { boardId }, ctx) => {
  if (!methodOf(ctx.workshop.method).fallbackCards) return { error: 'conflict', field: 'method' }
  if (!ctx.workshop.boards.some((b) => b.id === boardId))
    return { error: 'not-found', field: 'boardId' }
  if (state.fallbacksRevealed.includes(boardId)) return { state }
  const mine = (key: string) => key.startsWith(`${boardId}/`)
  if (!Object.keys(state.fallbacks).some(mine)) return { error: 'conflict', field: 'fallbacks' }
  return {
    state: {
      ...state,
      fallbacks: Object.fromEntries(Object.entries(state.fallbacks).filter(([k]) => !mine(k))),
      fallbacksRevealed: [...state.fallbacksRevealed, boardId],
    },
  }
}
