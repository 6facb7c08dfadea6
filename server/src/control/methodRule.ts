import * as Y from 'yjs'
import {
  AgreementField,
  agreementsOf,
  findLinkProblem,
  linksOf,
  linksTouching,
  notesOf,
  parseLink,
  readVotes,
  supportOf,
  tallySupport,
  type DoubleMajority,
} from '@sparboard/board-model'
import { doubleMajorityRule, methodOf, Role, type WorkshopMethod } from '@sparboard/protocol'
import type { ContentRule, RoomWrites } from '../hub/ContentRule.js'
import type { Store } from '../store/Store.js'
import type { VoteSessions } from './voteRule.js'

/** The method options of workshops, loaded before a connection joins and then read at once. */
export interface WorkshopMethods {
  prepare(workshopId: string): Promise<void>
  methodNow(workshopId: string): WorkshopMethod | null
}

/** Workshops whose options are kept in memory at once (a workshop's options never change). */
const KEPT = 10_000

/**
 * The method options of workshops as the store holds them. A workshop's options are set at its
 * creation and never change, so each is read once; the oldest go past `KEPT` workshops.
 */
export function storedMethods(store: Store): WorkshopMethods & { forget(id: string): void } {
  const kept = new Map<string, WorkshopMethod>()
  return {
    async prepare(workshopId) {
      if (kept.has(workshopId)) return
      const workshop = await store.getWorkshop(workshopId)
      if (!workshop) return
      kept.set(workshopId, methodOf(workshop.method))
      if (kept.size > KEPT) kept.delete(kept.keys().next().value!)
    },
    methodNow: (workshopId) => kept.get(workshopId) ?? null,
    forget: (workshopId) => void kept.delete(workshopId),
  }
}

/**
 * [H28] The method's rules on every connection's write:
 * - a link (`links`, "both sides must gain", "positions become interests") must be
 *   `{ from, to, author }` under the key `from>to`, from a solution or position to an interest on
 *   the board, within `NoteLimits.maxLinksPerNote`; one that is not is undone in the same update
 *   and the write refused (4400). A participant's personal token links as that participant (the
 *   author is replaced, as on notes, [H26]). A note's links go with the note.
 * - with the workshop's double majority on, a solution becomes an agreement (a new agreement
 *   naming it, or it added to one) only when each side backs it with enough votes on the board
 *   (`doubleMajorityMet`); else the agreement is deleted again (or the solution taken off it)
 *   in the same update and the write refused (4400). Under the rule an agreement names at least
 *   one solution. Every writer is held to it, the facilitator too; the server's own changes
 *   (restoring a version, [H20]) are not.
 */
export function methodRule(methods: WorkshopMethods, sessions: VoteSessions): ContentRule {
  return {
    prepare: (workshopId) => methods.prepare(workshopId),
    watch(_roomId, doc, writes) {
      const stops = [
        watchLinks(doc, writes, sessions),
        watchLinksOfNotes(doc, writes),
        watchAgreements(doc, writes, (workshopId) => {
          const method = methods.methodNow(workshopId)
          return method ? doubleMajorityRule(method) : null
        }),
      ]
      return () => {
        for (const stop of stops) stop()
      }
    },
  }
}

/** The name a participant's personal token links as; null when any short name will do. */
function participantName(
  writer: { workshopId: string; role: Role; participantId: string | null },
  sessions: VoteSessions,
): string | null {
  if (writer.role !== Role.participant || writer.participantId === null) return null
  return (
    sessions.viewNow(writer.workshopId)?.participants.find((p) => p.id === writer.participantId)
      ?.name ?? null
  )
}

function watchLinks(doc: Y.Doc, writes: RoomWrites, sessions: VoteSessions): () => void {
  const links = linksOf(doc)
  const observe = (event: Y.YMapEvent<unknown>, transaction: Y.Transaction) => {
    const write = writes.writerOf(transaction.origin)
    if (!write) return
    const refused: { key: string; old: unknown }[] = []
    const rename: string[] = []
    const why: string[] = []
    const name = participantName(write.writer, sessions)
    for (const [key, change] of event.changes.keys) {
      if (change.action === 'delete') continue
      const problem = findLinkProblem(doc, key, links.get(key))
      if (problem) {
        refused.push({ key, old: change.oldValue })
        why.push(`${key} ${problem}`)
      } else if (name !== null && parseLink(key, links.get(key))?.author !== name) rename.push(key)
    }
    if (refused.length === 0 && rename.length === 0) return
    if (refused.length > 0) writes.refuse(why.join('; '))
    writes.undo(() => {
      for (const { key, old } of refused) {
        if (old === undefined || old instanceof Y.AbstractType) links.delete(key)
        else links.set(key, old)
      }
      for (const key of rename) {
        const link = parseLink(key, links.get(key))
        if (link) links.set(key, { ...link, author: name })
      }
    })
  }
  links.observe(observe)
  return () => links.unobserve(observe)
}

/** A note's links go with it, so an id written again starts unlinked (as its votes do, [H21]). */
function watchLinksOfNotes(doc: Y.Doc, writes: RoomWrites): () => void {
  const notes = notesOf(doc)
  const observe = (event: Y.YMapEvent<Y.Map<unknown>>, transaction: Y.Transaction) => {
    if (!writes.writerOf(transaction.origin) || linksOf(doc).size === 0) return
    const gone = new Set<string>()
    for (const [id, change] of event.changes.keys) if (change.action !== 'add') gone.add(id)
    if (gone.size === 0) return
    // A note deleted, or written again under its id: its links go.
    const stale = linksTouching(doc, gone)
    if (stale.length > 0)
      writes.undo(() => {
        for (const key of stale) linksOf(doc).delete(key)
      })
  }
  notes.observe(observe)
  return () => notes.unobserve(observe)
}

function watchAgreements(
  doc: Y.Doc,
  writes: RoomWrites,
  ruleOf: (workshopId: string) => DoubleMajority | null,
): () => void {
  const agreements = agreementsOf(doc)
  const observe = (events: Y.YEvent<Y.AbstractType<unknown>>[], transaction: Y.Transaction) => {
    const write = writes.writerOf(transaction.origin)
    if (!write) return
    const rule = ruleOf(write.writer.workshopId)
    if (!rule) return
    // Agreements the write created, and solutions it added to agreements already there.
    const created = new Set<string>()
    const added: { map: Y.Map<unknown>; key: string }[] = []
    for (const event of events) {
      if (event.target === agreements) {
        for (const [key, change] of event.changes.keys)
          if (change.action !== 'delete') created.add(key)
        continue
      }
      const [agreementId, field] = event.path
      if (typeof agreementId !== 'string' || created.has(agreementId)) continue
      const target = event.target
      if (!(target instanceof Y.Map)) continue
      if (field === AgreementField.solutions && event.path.length === 2) {
        for (const [key, change] of event.changes.keys)
          if (change.action !== 'delete') added.push({ map: target, key })
      } else if (event.path.length === 1) {
        // The whole list of solutions replaced: each one in it is new.
        if (!event.changes.keys.has(AgreementField.solutions)) continue
        const solutions = target.get(AgreementField.solutions)
        if (solutions instanceof Y.Map)
          for (const key of solutions.keys()) added.push({ map: solutions, key })
      }
    }
    if (created.size === 0 && added.length === 0) return
    const noteIds = new Set(notesOf(doc).keys())
    const votes = readVotes(doc).filter((v) => noteIds.has(v.noteId))
    const tally = tallySupport(votes)
    const backed = (id: string) => supportOf(tally, id, rule).every((side) => side.met)
    const drop: string[] = []
    const why: string[] = []
    for (const id of created) {
      const agreement = agreements.get(id)
      if (!(agreement instanceof Y.Map)) continue
      const solutions = agreement.get(AgreementField.solutions)
      const ids = solutions instanceof Y.Map ? [...solutions.keys()] : []
      const lacking = ids.filter((s) => !backed(s))
      if (ids.length > 0 && lacking.length === 0) continue
      drop.push(id)
      why.push(
        ids.length === 0
          ? `${id} solutions: an agreement names a solution under the double majority`
          : `${id} solutions: ${lacking.join(', ')} lacks a double majority`,
      )
    }
    const unlink = added.filter(({ key }) => !backed(key))
    for (const { key } of unlink) why.push(`${key}: lacks a double majority`)
    if (why.length === 0) return
    writes.refuse(why.join('; '))
    writes.undo(() => {
      for (const id of drop) agreements.delete(id)
      for (const { map, key } of unlink) map.delete(key)
    })
  }
  agreements.observeDeep(observe)
  return () => agreements.unobserveDeep(observe)
}
