import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import {
  BoardKeys,
  notesOf,
  readAgreements,
  readClusters,
  readFallbacks,
  readGuesses,
  readLinks,
  readVotes,
  SCHEMA_VERSION,
  schemaVersionOf,
  type BoardSnapshot,
  type LinkSnapshot,
} from '@sparboard/board-model'
import { NoteCache } from './NoteCache.js'

const EMPTY: BoardSnapshot = Object.freeze({
  schemaVersion: SCHEMA_VERSION,
  notes: [],
  votes: [],
  clusters: [],
  agreements: [],
  guesses: [],
  fallbacks: [],
  links: [],
})

type Part = 'meta' | 'votes' | 'clusters' | 'agreements' | 'guesses' | 'fallbacks' | 'links'
const PARTS: readonly Part[] = [
  'meta',
  'votes',
  'clusters',
  'agreements',
  'guesses',
  'fallbacks',
  'links',
]

/** The links read again, or the ones held when nothing in them changed (so nothing re-derives). */
function sameLinks(
  held: readonly LinkSnapshot[],
  read: readonly LinkSnapshot[],
): readonly LinkSnapshot[] {
  const same =
    held.length === read.length &&
    held.every(
      (l, i) => l.from === read[i]!.from && l.to === read[i]!.to && l.author === read[i]!.author,
    )
  return same ? held : read
}

/**
 * The whole board as one frozen snapshot (as `readBoard` gives it). Remote changes are read at
 * most once per animation frame; this page's own writes at once, so that what it just wrote is
 * in the snapshot it renders next (a pasted note can be selected, a new one edited). Only what
 * changed is read again: changed notes (see NoteCache), and a part whose map changed; a part
 * that did not change keeps its array, so what is derived from it need not be derived again.
 */
export function useBoard(doc: Y.Doc | undefined): BoardSnapshot {
  const [board, setBoard] = useState<BoardSnapshot>(EMPTY)
  useEffect(() => {
    if (!doc) return
    const notes = notesOf(doc)
    const cache = new NoteCache(doc)
    const dirty = new Set<Part>(PARTS)
    let last = EMPTY
    let membership = -1
    let frame = 0
    const read = () => {
      cancelAnimationFrame(frame)
      frame = 0
      const current = cache.read()
      // Votes and clusters list only notes that exist: a note's coming or going changes them.
      const notesChanged = cache.membership !== membership
      membership = cache.membership
      const ids = new Set<string>(current.map((n) => n.id))
      last = Object.freeze({
        schemaVersion: dirty.has('meta') ? schemaVersionOf(doc) : last.schemaVersion,
        notes: current,
        votes:
          dirty.has('votes') || notesChanged
            ? Object.freeze(readVotes(doc).filter((v) => ids.has(v.noteId)))
            : last.votes,
        clusters: dirty.has('clusters') || notesChanged ? readClusters(doc) : last.clusters,
        agreements: dirty.has('agreements') ? readAgreements(doc) : last.agreements,
        // [SW1] a guess's match names a note: a note's coming or going changes it
        guesses: dirty.has('guesses') || notesChanged ? readGuesses(doc) : last.guesses,
        fallbacks: dirty.has('fallbacks') ? readFallbacks(doc) : last.fallbacks,
        // A link shows while its ends fit (a solution to an interest): notes moving can change that.
        links:
          dirty.has('links') || current !== last.notes
            ? sameLinks(last.links, readLinks(doc, new Map(current.map((n) => [n.id, n]))))
            : last.links,
      })
      dirty.clear()
      setBoard(last)
    }
    let touched = false
    const onNotes = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
      cache.note(events)
      touched = true
    }
    const others = PARTS.map((part) => {
      const map = doc.getMap(BoardKeys[part])
      const onPart = () => {
        dirty.add(part)
        touched = true
      }
      map.observeDeep(onPart)
      return () => map.unobserveDeep(onPart)
    })
    // After every observer of the transaction ran: one read for all it changed.
    const afterTransaction = (tr: Y.Transaction) => {
      if (!touched) return
      touched = false
      if (tr.local) read()
      else frame ||= requestAnimationFrame(read)
    }
    notes.observeDeep(onNotes)
    doc.on('afterTransaction', afterTransaction)
    read()
    return () => {
      notes.unobserveDeep(onNotes)
      others.forEach((stop) => stop())
      doc.off('afterTransaction', afterTransaction)
      cancelAnimationFrame(frame)
    }
  }, [doc])
  return board
}
