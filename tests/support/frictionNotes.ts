import { expect } from 'vitest'
import {
  addAgreement,
  addNote,
  asAgreementId,
  asNoteId,
  userOrigin,
  type Category,
} from '@sparboard/board-model'
import type { CreatedWorkshop } from '@sparboard/protocol'
import { eventually } from './eventually.js'
import { openBoard, synced } from './yjsClient.js'

/** The board of group `g` (by its order) of a one-case workshop. */
export const boardOfGroup = (w: CreatedWorkshop, g: number) =>
  w.boards.find((b) => b.groupId === w.groups[g]!.id)!.id

/**
 * Writes notes `[id, category, text]` (and an agreement `[id, text]`, owned by Planning) on a board
 * and waits until a second client has them: then they are stored ([H3]). Closes both clients.
 */
export async function writeNotes(
  wsUrl: string,
  boardId: string,
  token: string,
  notes: readonly (readonly [string, Category, string])[],
  agreement?: readonly [string, string],
): Promise<void> {
  const writer = openBoard(wsUrl, boardId, token)
  const reader = openBoard(wsUrl, boardId, token)
  try {
    await Promise.all([synced(writer.provider), synced(reader.provider)])
    notes.forEach(([id, category, text], i) =>
      addNote(
        writer.doc,
        asNoteId(id),
        { category, x: 20 + i * 10, y: 20, text, author: 'someone' },
        userOrigin('someone'),
      ),
    )
    if (agreement)
      addAgreement(
        writer.doc,
        asAgreementId(agreement[0]),
        {
          text: agreement[1],
          owner: 'Planning',
          due: '',
          author: 'someone',
          createdAt: 0,
          solutionIds: [],
          goals: {},
        },
        userOrigin('someone'),
      )
    // (no expect.poll: a suite's beforeAll writes with this too)
    await eventually(() => expect(reader.doc.getMap('notes').size).toBe(notes.length))
    if (agreement) await eventually(() => expect(reader.doc.getMap('agreements').size).toBe(1))
  } finally {
    writer.provider.destroy()
    reader.provider.destroy()
  }
}
