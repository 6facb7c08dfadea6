import { useEffect, useState } from 'react'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import {
  copyGuesses,
  copyNotes,
  deleteGuesses,
  deleteNotes,
  readGuesses,
  readNotes,
  userOrigin,
} from '@sparboard/board-model'
import { phaseRules, privateRoom, Role } from '@sparboard/protocol'
import type { BoardConnection } from '../sync/useBoardDoc.js'
import { useIdentity } from './participantIdentity.js'
import { useSession } from './useSession.js'

const revealOrigin = userOrigin('reveal')

/**
 * Catch-up after the reveal ([C12]): the server moved what the private room held at the reveal
 * ([C19]); notes that reached it later (written offline, sent on reconnect) are moved from here.
 * Same ids as the server's move, so the two never double a note.
 */
function moveToBoard(from: Y.Doc, to: Y.Doc): void {
  const notes = readNotes(from)
  if (notes.length > 0) deleteNotes(from, copyNotes(notes, to, revealOrigin), revealOrigin)
  // [SW1] the perspective swap's guesses, likewise
  const guesses = readGuesses(from)
  if (guesses.length > 0) deleteGuesses(from, copyGuesses(guesses, to, revealOrigin), revealOrigin)
}

/**
 * The document a participant's board page writes to. While private writing is on and not yet
 * revealed, that is the author's own private room (nobody else can name it), so their notes and
 * cursor reach no one else; once revealed, the server has moved their notes onto the board and
 * this page moves any that arrived later.
 */
export function usePrivateBoard(
  workshopId: string,
  boardId: string,
  token: string,
  board: BoardConnection | null,
  /** What the private room is opened with: the participant's own token ([C20]). */
  boardToken: string | null,
): BoardConnection | null {
  const { state, role, send } = useSession(token)
  const identity = useIdentity(workshopId)
  const me = role === Role.participant ? identity : null
  const key = me?.privateKey
  const participantId = me?.id
  const writingAlone = state ? phaseRules[state.phase].privateWriting && !state.revealed : false
  const [own, setOwn] = useState<BoardConnection | null>(null)

  useEffect(() => {
    if (!key || !boardToken) return
    const doc = new Y.Doc()
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/yjs`
    const provider = new WebsocketProvider(url, privateRoom(boardId, key), doc, {
      params: { token: boardToken },
    })
    setOwn({ doc, provider })
    return () => {
      setOwn(null)
      provider.destroy()
      doc.destroy()
    }
  }, [boardId, boardToken, key])

  const boardDoc = board?.doc
  useEffect(() => {
    if (writingAlone || !own || !boardDoc) return
    const move = () => moveToBoard(own.doc, boardDoc)
    // Both sides must have the server's state, or the move could miss notes or double them.
    const ready = () => own.provider.synced && board?.provider.synced
    if (ready()) return move()
    const onSync = () => ready() && move()
    own.provider.on('sync', onSync)
    board?.provider.on('sync', onSync)
    return () => {
      own.provider.off('sync', onSync)
      board?.provider.off('sync', onSync)
    }
  }, [writingAlone, own, boardDoc, board?.provider])

  // The facilitator sees how many notes wait for the reveal: a number, never their content.
  useEffect(() => {
    if (!writingAlone || !own || !participantId) return
    let sent = -1
    const report = () => {
      const count = readNotes(own.doc).length + readGuesses(own.doc).length
      if (count !== sent && own.provider.synced) {
        sent = count
        void send('private:count', { participantId, boardId, count }).catch(() => {})
      }
    }
    own.doc.on('update', report)
    own.provider.on('sync', report)
    report()
    return () => {
      own.doc.off('update', report)
      own.provider.off('sync', report)
    }
  }, [writingAlone, own, participantId, boardId, send])

  // Fail closed: a participant without their private room yet gets no board to write on.
  if (writingAlone && role === Role.participant) return own
  return board
}
