import * as decoding from 'lib0/decoding'
import { expect } from 'vitest'
import * as Y from 'yjs'
import { addNote, asNoteId, readNotes, userOrigin, type NoteSnapshot } from '@sparboard/board-model'
import { eventually } from './eventually.js'
import { openBoard, synced } from './yjsClient.js'

/** A note as an author writes it, with everything the board must show of it after the reveal. */
export type PrivateNote = Omit<NoteSnapshot, 'id'> & { readonly id: string }

/**
 * Writes notes into a private room with a stock provider, as the board page does, and resolves
 * once the server has stored them (a second tab of the author's sees them).
 */
export async function writePrivately(
  wsUrl: string,
  roomId: string,
  token: string,
  notes: readonly PrivateNote[],
) {
  const author = openBoard(wsUrl, roomId, token)
  await synced(author.provider)
  for (const { id, side, authorSide, ...rest } of notes)
    addNote(
      author.doc,
      asNoteId(id),
      {
        ...rest,
        ...(side === null ? {} : { side }),
        ...(authorSide === null ? {} : { authorSide }),
      },
      userOrigin(rest.author),
    )
  const witness = openBoard(wsUrl, roomId, token)
  try {
    await eventually(() => expect(readNotes(witness.doc)).toHaveLength(notes.length))
  } finally {
    witness.provider.destroy()
  }
  return author
}

/** The board a raw client was shown: every sync answer and update it received, applied in order. */
export function boardFromFrames(frames: readonly Uint8Array[]): Y.Doc {
  const doc = new Y.Doc()
  for (const frame of frames) {
    const decoder = decoding.createDecoder(frame)
    if (decoding.readVarUint(decoder) !== 0) continue
    if (decoding.readVarUint(decoder) === 0) continue
    Y.applyUpdate(doc, decoding.readVarUint8Array(decoder))
  }
  return doc
}

/** How many of the frames carry a text, byte for byte. */
export const framesCarrying = (frames: readonly Uint8Array[], text: string) =>
  frames.filter((f) => Buffer.from(f).includes(text)).length
