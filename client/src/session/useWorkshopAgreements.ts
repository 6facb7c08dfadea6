import { useEffect, useState } from 'react'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { readAgreements, type AgreementSnapshot } from '@sparboard/board-model'
import type { WorkshopView } from '@sparboard/protocol'

/** One board's agreements, for the facilitator's overview of all boards. */
export interface BoardAgreements {
  readonly boardId: string
  readonly agreements: readonly AgreementSnapshot[]
}

/**
 * Every board's agreements, live: one read-only Yjs connection per board while mounted. Board
 * content comes over Yjs like everywhere else, never over the control plane.
 */
export function useWorkshopAgreements(workshop: WorkshopView, token: string): BoardAgreements[] {
  const [boards, setBoards] = useState<Record<string, readonly AgreementSnapshot[]>>({})
  const boardIds = workshop.boards.map((b) => b.id).join(',')
  useEffect(() => {
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/yjs`
    const providers = boardIds.split(',').map((boardId) => {
      const doc = new Y.Doc()
      const provider = new WebsocketProvider(url, boardId, doc, { params: { token } })
      // The facilitator looking at the overview is not "on" these boards.
      provider.awareness.setLocalState(null)
      const update = () => setBoards((b) => ({ ...b, [boardId]: readAgreements(doc) }))
      doc.on('update', update)
      provider.on('sync', (synced: boolean) => synced && update())
      return provider
    })
    return () => {
      for (const p of providers) {
        p.destroy()
        p.doc.destroy()
      }
    }
  }, [boardIds, token])
  return workshop.boards.map((b) => ({ boardId: b.id, agreements: boards[b.id] ?? [] }))
}
