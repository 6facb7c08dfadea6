import * as Y from 'yjs'
import { BoardKeys, migrateBoard, type BoardOrigin } from '@sparboard/board-model'

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

/** Rewrites a text to `target`'s: only the middle that differs, so a caret elsewhere stays. */
function matchText(live: Y.Text, target: Y.Text): void {
  const [from, to] = [live.toDelta() as unknown[], target.toDelta() as unknown[]]
  if (sameJson(from, to)) return
  const plain = (delta: unknown[]) =>
    delta.every((op) => !(op as { attributes?: unknown }).attributes)
  if (!plain(from) || !plain(to)) {
    live.delete(0, live.length)
    live.applyDelta(to)
    return
  }
  const [a, b] = [live.toString(), target.toString()]
  let start = 0
  while (start < a.length && start < b.length && a[start] === b[start]) start++
  let end = 0
  while (end < a.length - start && end < b.length - start && a.at(-1 - end) === b.at(-1 - end))
    end++
  live.delete(start, a.length - start - end)
  live.insert(start, b.slice(start, b.length - end))
}

/**
 * Makes `live` hold what `target` holds, entry by entry: an entry that is there and the same is
 * left alone, nested maps and texts are rewritten in place (their ids and anyone's caret in them
 * stay), anything else is replaced by a copy.
 */
function matchMap(live: Y.Map<unknown>, target: Y.Map<unknown>): void {
  for (const key of [...live.keys()]) if (!target.has(key)) live.delete(key)
  target.forEach((wanted, key) => {
    const held = live.get(key)
    if (wanted instanceof Y.Map && held instanceof Y.Map) return matchMap(held, wanted)
    if (wanted instanceof Y.Text && held instanceof Y.Text) return matchText(held, wanted)
    if (wanted instanceof Y.AbstractType) {
      // e.g. a Y.Array: kept when it is of the same kind and holds the same
      const same =
        held instanceof Y.AbstractType &&
        held.constructor === wanted.constructor &&
        sameJson(held.toJSON(), wanted.toJSON())
      if (!same) live.set(key, wanted.clone())
    } else if (!live.has(key) || held instanceof Y.AbstractType || !sameJson(held, wanted)) {
      live.set(key, wanted)
    }
  })
}

/**
 * Makes a board document's content equal to `target`'s as one change with `origin`: every
 * top-level map of the board is rewritten entry by entry, keeping ids (Yjs has no revert, so a
 * restore is computed as the edits that lead from now to then). What only the live document
 * holds is deleted, so people's later edits merge on top like any other change. The result is
 * brought to the current schema in the same transaction.
 * @example doc.transact(...) // one update: rewriteBoard(liveDoc, versionDoc, serverOrigin)
 */
export function rewriteBoard(doc: Y.Doc, target: Y.Doc, origin: BoardOrigin): void {
  doc.transact(() => {
    for (const key of Object.values(BoardKeys)) matchMap(doc.getMap(key), target.getMap(key))
    migrateBoard(doc, origin)
  }, origin)
}
