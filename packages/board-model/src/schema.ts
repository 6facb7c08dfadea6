import type * as Y from 'yjs'

/** Names of the board document's top-level types (`notes` is part of the public contract). */
export const BoardKeys = {
  notes: 'notes',
  meta: 'meta',
  votes: 'votes',
  clusters: 'clusters',
  agreements: 'agreements',
  /** [SW1] The perspective swap's guesses (see guesses.ts). */
  guesses: 'guesses',
  /** [FB1] The revealed "if we don't agree" cards, written by the server only (see fallbacks.ts). */
  fallbacks: 'fallbacks',
  links: 'links',
} as const

/** Field names inside a note's Y.Map. */
export const NoteField = {
  // Y.Text: concurrent typing in one note merges by character.
  text: 'text',
  // Last writer wins on the scalar fields below.
  category: 'category',
  side: 'side',
  x: 'x',
  y: 'y',
  author: 'author',
  // Which side the author speaks for (0 | 1), set once at creation; absent on v1 notes.
  authorSide: 'authorSide',
  // `true` on an interest someone stated as a position ("we need two-day delivery"); absent else.
  position: 'position',
} as const

/** Field names inside a cluster's Y.Map. */
export const ClusterField = {
  // Last writer wins.
  name: 'name',
  // Y.Map<noteId, true>: concurrent additions by two people both stay.
  notes: 'notes',
} as const

/** Field names inside an agreement's Y.Map. */
export const AgreementField = {
  // Y.Text: merges by character.
  text: 'text',
  // Last writer wins on owner, due, author, createdAt.
  owner: 'owner',
  due: 'due',
  author: 'author',
  createdAt: 'createdAt',
  // Y.Map<noteId, true>: linked solution notes, merged per key.
  solutions: 'solutions',
  // Y.Map<goalIndex, GoalScore>: a linked goal and its strategy score, last writer wins per goal.
  goals: 'goals',
  // Checkable agreements (absent on older boards), each one value, last writer wins:
  // { id, name, side } of the accountable owner picked from the participants (`owner` then holds
  // the name too; without it `owner` is the free text of older boards),
  ownedBy: 'ownedBy',
  // { id, name, side } of the co-signer from the other side,
  cosigner: 'cosigner',
  // { measure, target, source }: how it is checked,
  criterion: 'criterion',
  // `YYYY-MM-DD` or '': when it is reviewed.
  reviewOn: 'reviewOn',
} as const

/** The current schema version, stored in `meta.schemaVersion`. */
export const SCHEMA_VERSION = 2

export type NoteMap = Y.Map<unknown>

/** The `notes` map of a board document. */
export const notesOf = (doc: Y.Doc): Y.Map<NoteMap> => doc.getMap<NoteMap>(BoardKeys.notes)

/** The `meta` map of a board document. */
export const metaOf = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(BoardKeys.meta)

/** The `votes` map: `${participant}/${noteId}` to a stored vote. */
export const votesOf = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(BoardKeys.votes)

/** The `clusters` map: cluster id to a Y.Map of its fields. */
export const clustersOf = (doc: Y.Doc): Y.Map<Y.Map<unknown>> => doc.getMap(BoardKeys.clusters)

/** The `agreements` map: agreement id to a Y.Map of its fields. */
export const agreementsOf = (doc: Y.Doc): Y.Map<Y.Map<unknown>> => doc.getMap(BoardKeys.agreements)

/** The `links` map: `${from}>${to}` to a stored link (a solution or position to an interest). */
export const linksOf = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(BoardKeys.links)
