import { useEffect, useState } from 'react'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import {
  readAgreements,
  readBoard,
  type AgreementSnapshot,
  type BoardSnapshot,
} from '@sparboard/board-model'
import type { WorkshopView } from '@sparboard/protocol'

/** What the facilitator's overview shows of one board. */
export interface BoardOverview {
  readonly boardId: string
  readonly agreements: readonly AgreementSnapshot[]
  readonly noteCount: number
  /** Names of the people on the board now (from its awareness). */
  readonly present: readonly string[]
  /** [C38] Notes per author's name. */
  readonly authors: Readonly<Record<string, number>>
  /** [C38] Dots on the board per participant id (none while a blind round runs, [C33]). */
  readonly votesBy: Readonly<Record<string, number>>
}

const empty = { agreements: [], noteCount: 0, present: [], authors: {}, votesBy: {} }

/** [C38] Notes per author and dots per voter, of one board. */
function counts(board: BoardSnapshot) {
  const authors: Record<string, number> = {}
  for (const n of board.notes) if (n.author) authors[n.author] = (authors[n.author] ?? 0) + 1
  const votesBy: Record<string, number> = {}
  for (const v of board.votes) votesBy[v.participant] = (votesBy[v.participant] ?? 0) + v.count
  return { authors, votesBy }
}

function presentNames(provider: WebsocketProvider): string[] {
  const names: string[] = []
  for (const [clientId, state] of provider.awareness.getStates()) {
    const name = (state as { user?: { name?: unknown } }).user?.name
    if (clientId !== provider.awareness.clientID && typeof name === 'string' && name)
      names.push(name)
  }
  return names.sort()
}

/**
 * Every board of the workshop, live: one Yjs connection per board while mounted. Board content
 * and presence come over Yjs like everywhere else, never over the control plane.
 */
export function useWorkshopBoards(workshop: WorkshopView, token: string): BoardOverview[] {
  const [boards, setBoards] = useState<Record<string, Omit<BoardOverview, 'boardId'>>>({})
  const boardIds = workshop.boards.map((b) => b.id).join(',')
  useEffect(() => {
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/yjs`
    const providers = boardIds.split(',').map((boardId) => {
      const doc = new Y.Doc()
      const provider = new WebsocketProvider(url, boardId, doc, { params: { token } })
      // The facilitator looking at the overview is not "on" these boards.
      provider.awareness.setLocalState(null)
      let frame = 0
      // Updates come in bursts while people type; read the board once per frame at most.
      const update = () => {
        if (frame) return
        frame = requestAnimationFrame(() => {
          frame = 0
          const board = readBoard(doc)
          setBoards((b) => ({
            ...b,
            [boardId]: {
              agreements: readAgreements(doc),
              noteCount: board.notes.length,
              present: presentNames(provider),
              ...counts(board),
            },
          }))
        })
      }
      doc.on('update', update)
      provider.awareness.on('change', update)
      provider.on('sync', (synced: boolean) => synced && update())
      return { provider, cancel: () => cancelAnimationFrame(frame) }
    })
    return () => {
      for (const { provider, cancel } of providers) {
        cancel()
        provider.destroy()
        provider.doc.destroy()
      }
    }
  }, [boardIds, token])
  return workshop.boards.map((b) => ({ boardId: b.id, ...(boards[b.id] ?? empty) }))
}
