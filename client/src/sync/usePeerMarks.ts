import { useEffect, useState } from 'react'
import type { WebsocketProvider } from 'y-websocket'
import type { NoteId } from '@sparboard/board-model'
import { readPeers } from './usePresence.js'

/** One note someone else is dragging, where it is now, in their colour. */
export interface PeerDrag {
  readonly id: NoteId
  readonly dx: number
  readonly dy: number
  readonly color: string
}

export interface PeerMarks {
  readonly drags: readonly PeerDrag[]
  /** Notes other people have selected, in the colour of (one of) them. */
  readonly selected: ReadonlyMap<NoteId, string>
}

const NONE: PeerMarks = { drags: [], selected: new Map() }

/**
 * What other people do to notes: drags and selections. Cursor moves do not re-render the
 * canvas; only a drag or a selection that changed does.
 */
export function usePeerMarks(provider: WebsocketProvider | undefined): PeerMarks {
  const [marks, setMarks] = useState<PeerMarks>(NONE)
  useEffect(() => {
    if (!provider) return
    let key = ''
    const read = () => {
      const peers = readPeers(provider, true)
      const drags = peers.flatMap((p) =>
        p.drag
          ? p.drag.ids.map((id) => ({ id, dx: p.drag!.dx, dy: p.drag!.dy, color: p.color }))
          : [],
      )
      const selected = new Map<NoteId, string>()
      for (const p of peers) for (const id of p.selection) selected.set(id, p.color)
      const nextKey = JSON.stringify([drags, [...selected]])
      if (nextKey === key) return
      key = nextKey
      setMarks({ drags, selected })
    }
    provider.awareness.on('change', read)
    read()
    return () => provider.awareness.off('change', read)
  }, [provider])
  return marks
}
