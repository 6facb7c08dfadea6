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

/** [C31] A spotlight ends "everyone to me": the latest of the two is what everyone sees. */
export const spotlight: CommandHandler<'board:spotlight'> = (state, { boardId }, ctx) => {
  if (boardId === null) return { state: { ...state, spotlight: null } }
  if (!hasBoard(ctx.workshop, boardId)) return { error: 'not-found', field: 'boardId' }
  return { state: { ...state, spotlight: boardId, gathering: null } }
}

/** [C31] "Everyone to me" ends the spotlight; null ends the gathering itself. */
export const gather: CommandHandler<'board:gather'> = (state, { boardId }, ctx) => {
  if (boardId === null) return { state: { ...state, gathering: null } }
  if (!hasBoard(ctx.workshop, boardId)) return { error: 'not-found', field: 'boardId' }
  const gathering = { id: (state.gathering?.id ?? 0) + 1, boardId, at: ctx.now }
  return { state: { ...state, gathering, spotlight: null } }
}
