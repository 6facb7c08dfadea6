import { EventEmitter } from 'node:events'
import type { BoardLog, BoardLogSource } from '../hub/BoardLog.js'

/** What the watched logs tell: a room's append is stored. */
export interface BoardWrites {
  written: [roomId: string]
}

/**
 * The hub's board logs, telling `written` of each room once an append of it is stored: a board's
 * activity as the hub writes it, on one node and in scale-out mode alike (and the server's own
 * changes with it). The hub is built with `boardLogs`; whoever follows the activity listens to
 * `writes` (the version keeper).
 */
export function watchWrites(source: BoardLogSource): {
  readonly boardLogs: BoardLogSource
  readonly writes: EventEmitter<BoardWrites>
} {
  const writes = new EventEmitter<BoardWrites>()
  const written = (roomId: string) => writes.emit('written', roomId)
  const boardLogs: BoardLogSource = {
    async open(roomId) {
      const log = await source.open(roomId)
      const { append, appendNow } = log
      const watched: BoardLog = {
        ...log,
        append: async (updates) => {
          await append(updates)
          written(roomId)
        },
        appendNow:
          appendNow &&
          ((updates) => {
            appendNow(updates)
            written(roomId)
          }),
      }
      return watched
    },
  }
  return { boardLogs, writes }
}
