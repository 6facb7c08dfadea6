import * as Y from 'yjs'
import { notesOf, readNote, type NoteSnapshot } from '@sparboard/board-model'

const byId = (a: NoteSnapshot, b: NoteSnapshot) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

/**
 * The notes of a board as `readNotes` lists them, kept up to date from change events so that
 * only changed notes are read again: typing in one note of 10,000 does not rebuild the others.
 */
export class NoteCache {
  private readonly cache = new Map<string, NoteSnapshot>()
  private readonly dirty = new Set<string>()
  private list: readonly NoteSnapshot[] = []
  private everything = true
  private joinsAndLeaves = 0

  constructor(private readonly doc: Y.Doc) {}

  /** Records which notes a batch of `observeDeep` events on the notes map touched. */
  note(events: readonly Y.YEvent<Y.AbstractType<unknown>>[]): void {
    const notes = notesOf(this.doc)
    for (const e of events) {
      if (e.target === notes) e.changes.keys.forEach((_, id) => this.dirty.add(id))
      else this.dirty.add(String(e.path[0]))
    }
  }

  /** Counts the reads in which a note came or went (not those that only changed notes). */
  get membership(): number {
    return this.joinsAndLeaves
  }

  /** The current notes, sorted by id, frozen; the same array while nothing changed. */
  read(): readonly NoteSnapshot[] {
    if (!this.everything && this.dirty.size === 0) return this.list
    const notes = notesOf(this.doc)
    let membership = this.everything
    const ids = this.everything ? [...notes.keys()] : [...this.dirty]
    if (this.everything) this.cache.clear()
    for (const id of ids) {
      const m = notes.get(id)
      const n = m instanceof Y.Map ? readNote(id, m) : null
      const had = this.cache.has(id)
      if (n) this.cache.set(id, n)
      else this.cache.delete(id)
      if (had !== !!n) membership = true
    }
    if (membership) this.joinsAndLeaves++
    this.list = Object.freeze(
      membership
        ? [...this.cache.values()].sort(byId)
        : this.list.map((n) => this.cache.get(n.id) ?? n),
    )
    this.everything = false
    this.dirty.clear()
    return this.list
  }
}
