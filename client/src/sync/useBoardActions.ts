import { useMemo } from 'react'
import type * as Y from 'yjs'
import {
  addAgreement,
  addNote,
  asAgreementId,
  asClusterId,
  asNoteId,
  castVote,
  deleteAgreement,
  editNoteText,
  groupNotes,
  renameCluster,
  retractVote,
  updateAgreement,
  ZONES,
  type AgreementId,
  type BoardOrigin,
  type ClusterId,
  type NoteId,
  type NoteSnapshot,
  type ParticipantId,
  type Side,
  type VoteResult,
} from '@sparboard/board-model'
import type { AgreementDraft, AgreementValues } from '../components/AgreementPanel.js'
import { freeSpot } from '../canvas/freeSpot.js'

export interface BoardPerson {
  /** Who votes; null for someone who casts no votes (a facilitator, an observer). */
  readonly participant: ParticipantId | null
  readonly side: Side
  readonly name: string
  readonly budget: number
}

/** The board's writes that are not canvas gestures, bound to this person and their origin. */
export function useBoardActions(doc: Y.Doc | undefined, origin: BoardOrigin, me: BoardPerson) {
  const { participant, side, name, budget } = me
  return useMemo(() => {
    const newId = () => crypto.randomUUID()
    return {
      vote(id: NoteId, retract: boolean): VoteResult {
        if (!doc) return 'no-note'
        if (!participant) return 'no-budget'
        return retract
          ? retractVote(doc, id, participant, origin)
          : castVote(doc, id, { participant, side, budget }, origin)
      },
      group(ids: readonly NoteId[], clusterName: string): ClusterId | null {
        if (!doc || ids.length === 0) return null
        const id = asClusterId(newId())
        groupNotes(doc, id, ids, clusterName, origin)
        return id
      },
      rename(id: ClusterId, clusterName: string) {
        if (doc) renameCluster(doc, id, clusterName, origin)
      },
      addInZone(zoneIndex: number, text: string, notes: readonly NoteSnapshot[]) {
        const zone = ZONES[zoneIndex]
        if (!doc || !zone) return
        const spot = freeSpot(zone, notes)
        const input = {
          category: zone.category,
          ...(zone.side !== null && { side: zone.side }),
          ...spot,
          text,
          author: name,
          authorSide: side,
        }
        addNote(doc, asNoteId(newId()), input, origin)
      },
      edit(id: NoteId, before: string, after: string) {
        if (doc) editNoteText(doc, id, before, after, origin)
      },
      saveAgreement(draft: AgreementDraft, values: AgreementValues) {
        if (!doc) return
        if (draft.kind === 'edit') {
          updateAgreement(doc, draft.agreement.id, values, origin)
          return
        }
        const goals = Object.fromEntries(
          Object.entries(values.goals).filter(([, s]) => s !== null),
        ) as Record<number, NonNullable<AgreementValues['goals'][number]>>
        const input = {
          ...values,
          goals,
          author: name,
          // The model takes time from its caller; this is that caller.
          createdAt: Date.now(),
          solutionIds: [draft.solution.id],
        }
        addAgreement(doc, asAgreementId(newId()), input, origin)
      },
      deleteAgreement(id: AgreementId) {
        if (doc) deleteAgreement(doc, id, origin)
      },
    }
  }, [doc, origin, participant, side, name, budget])
}
