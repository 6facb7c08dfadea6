import * as Y from 'yjs'
import {
  asParticipantId,
  refusedVoteChanges,
  votesOf,
  type VoteKeyChange,
  type VoteRights,
} from '@sparboard/board-model'
import { blindVoting, Role, votingOpen, type SessionView } from '@sparboard/protocol'
import type { ContentRule, Writer } from '../hub/ContentRule.js'

/** What the rule reads of the control plane: each workshop's session, without waiting. */
export interface VoteSessions {
  /** Loads a workshop's session so that `viewNow` answers (before a connection joins). */
  prepare(workshopId: string): Promise<void>
  viewNow(workshopId: string): SessionView | null
}

const none: VoteRights = { participant: null, side: null, open: false, budget: 0 }

/**
 * What a writer may do to the votes ([H21]): a facilitator anything (they run the session); a
 * participant's personal token its own dots, with its own side, while voting is open, within the
 * budget, and not in a blind round ([C33]); a link's token (an outside tool speaks for no one) and anyone off the roster nothing.
 */
export function voteRightsOf(writer: Writer, session: SessionView | null): VoteRights | 'all' {
  if (writer.role === Role.facilitator) return 'all'
  const me = session?.participants.find((p) => p.id === writer.participantId)
  if (!session || !me || writer.role !== Role.participant) return none
  return {
    participant: asParticipantId(me.id),
    side: me.side === 'other' ? null : me.side,
    // [C33] in a blind round dots go to the server as ballots; the board takes none
    open: votingOpen(session) && !blindVoting(session),
    budget: session.voteBudget,
  }
}

/**
 * [H21] The rule on votes the server hands the hub: a vote write a connection had no right to
 * make is undone at once, in the same update, so no peer shows it and its author loses it too.
 */
export function voteRule(sessions: VoteSessions): ContentRule {
  return {
    prepare: (workshopId) => sessions.prepare(workshopId),
    watch(_roomId, doc, writes) {
      const votes = votesOf(doc)
      const observe = (event: Y.YMapEvent<unknown>, transaction: Y.Transaction) => {
        const write = writes.writerOf(transaction.origin)
        if (!write) return
        const rights = voteRightsOf(write.writer, sessions.viewNow(write.writer.workshopId))
        if (rights === 'all') return
        const changes: VoteKeyChange[] = [...event.changes.keys].map(([key, c]) => ({
          key,
          action: c.action,
          oldValue: c.oldValue,
        }))
        const refused = new Set(refusedVoteChanges(doc, changes, rights))
        // An entry Yjs held back until this update came is someone else's write, not this one's.
        for (const c of changes) {
          const item = votes._map.get(c.key)
          if (c.action !== 'delete' && item && !write.carries(item.id.client)) refused.add(c.key)
        }
        if (refused.size === 0) return
        writes.undo(() => {
          for (const c of changes) {
            if (!refused.has(c.key)) continue
            // A Y type that was there cannot come back; an entry readVotes ignores goes instead.
            const old = c.oldValue
            if (old === undefined || old instanceof Y.AbstractType) votes.delete(c.key)
            else votes.set(c.key, old)
          }
        })
      }
      votes.observe(observe)
      return () => votes.unobserve(observe)
    },
  }
}
