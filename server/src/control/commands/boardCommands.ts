import type { CommandHandler } from './CommandHandler.js'
import type { WorkshopRecord } from '../../store/Store.js'

const hasBoard = (w: WorkshopRecord, boardId: string) => w.boards.some((b) => b.id === boardId)

export const lockBoards: CommandHandler<'board:lock'> = (state, { boardIds, locked }, ctx) => {
  if (!boardIds.every((id) => hasBoard(ctx.workshop, id)))
    return { error: 'not-found', field: 'boardIds' }
  const set = new Set(state.lockedBoards)
  for (const id of boardIds) {
    if (locked) set.add(id)
    else set.delete(id)
  }
  return { state: { ...state, lockedBoards: [...set] } }
}

export const spotlight: CommandHandler<'board:spotlight'> = (state, { boardId }, ctx) =>
  boardId !== null && !hasBoard(ctx.workshop, boardId)
    ? { error: 'not-found', field: 'boardId' }
    : { state: { ...state, spotlight: boardId } }

export const gather: CommandHandler<'board:gather'> = (state, { boardId }, ctx) =>
  hasBoard(ctx.workshop, boardId)
    ? {
        state: {
          ...state,
          gathering: { id: (state.gathering?.id ?? 0) + 1, boardId, at: ctx.now },
        },
      }
    : { error: 'not-found', field: 'boardId' }
