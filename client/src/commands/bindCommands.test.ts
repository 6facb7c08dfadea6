import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { methodOf } from '@sparboard/protocol'
import {
  addAgreement,
  addNote,
  agreementBySolution,
  asNoteId,
  asParticipantId,
  clusterByNote,
  groupNotes,
  asClusterId,
  readBoard,
  readNotes,
  readVotes,
  tallyVotes,
  userOrigin,
  zoneFor,
  type AgreementId,
  type NoteId,
  type NoteSnapshot,
} from '@sparboard/board-model'
import type { BoardView } from '../sync/useBoardView.js'
import { bindCommands } from './bindCommands.js'
import type { ClusterNaming, CommandCamera } from './Command.js'
import { matchesKey, type KeyPress } from './keyBinding.js'
import { COMMANDS, CONTEXT_MENU, SELECTION_TOOLS, TOOLBAR } from './registry.js'

const anna = asParticipantId('anna')
const friction = zoneFor('friction', null)
const solutions = zoneFor('solution', null)

/** One person's board page without the page: a real document, and what the commands asked for. */
function page({ canWrite = true, votingOpen = false, budget = 2 } = {}) {
  const doc = new Y.Doc()
  const origin = userOrigin('Anna')
  const asked = {
    selected: new Set<NoteId>() as ReadonlySet<NoteId>,
    editing: null as NoteId | null,
    help: 0,
    naming: null as ClusterNaming | null,
    draft: null as NoteSnapshot | null,
    shown: null as AgreementId | null,
    fits: 0,
    /** What the view was asked to follow, last. */
    followed: null as { x: number; y: number; width: number; height: number } | null,
  }
  const centre = { x: friction.x + 300, y: friction.y + 300 }
  const camera = {
    centre: () => centre,
    fit: () => asked.fits++,
    follow: (rect: NonNullable<typeof asked.followed>) => (asked.followed = rect),
    zoomBy: () => {},
    toClient: (x: number, y: number) => ({ x, y }),
    panKey: { current: false },
  } satisfies CommandCamera
  const bound = () => {
    const board = readBoard(doc)
    const tally = tallyVotes(board.votes, anna)
    const view: BoardView = {
      board,
      notesById: new Map(board.notes.map((n) => [n.id, n])),
      tally,
      myVotes: [...tally.values()].reduce((s, t) => s + t.mine, 0),
      agreementBySolution: agreementBySolution(board.agreements),
      clusterByNote: clusterByNote(board.clusters),
      ranking: [],
      served: new Map(),
    }
    return bindCommands({
      view,
      method: methodOf(undefined),
      selected: asked.selected,
      selection: [...asked.selected].flatMap((id) => view.notesById.get(id) ?? []),
      author: { doc, origin, name: 'Anna', side: 0 },
      canWrite,
      editing: asked.editing,
      voting: {
        open: votingOpen,
        participant: anna,
        budget,
        left: votingOpen ? Math.max(0, budget - view.myVotes) : 0,
      },
      undo: { undo() {}, redo() {}, canUndo: false, canRedo: false },
      camera,
      ui: {
        select: (ids) => (asked.selected = new Set(ids)),
        edit: (id) => (asked.editing = id),
        nameCluster: (naming) => (asked.naming = naming),
        draftAgreement: (note) => (asked.draft = note),
        showAgreement: (id) => (asked.shown = id),
        toggleHelp: () => asked.help++,
        openMenu: () => {},
        linkInterests: () => {},
        askWhy: () => {},
      },
    })
  }
  /** Presses a key as the page's listener takes it; the id of the command it ran, if any. */
  const press = (key: string, mods: Partial<KeyPress> = {}) => {
    const commands = bound()
    const found = commands.forKey({ ...NO_MODS, key, ...mods })
    commands.runKey({ ...NO_MODS, key, ...mods })
    return found?.command.id ?? null
  }
  const note = (id: string, at: { x: number; y: number }, category = 'friction' as const) => {
    addNote(doc, asNoteId(id), { category, ...at, text: id, author: 'Bram' }, origin)
    return asNoteId(id)
  }
  return { doc, asked, bound, press, note, centre }
}

const NO_MODS: KeyPress = {
  key: '',
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
}
const ctrl = { ctrlKey: true }
const shift = { shiftKey: true }

describe('the board commands, as keys run them', () => {
  it('N adds a note in the middle of the screen, in the zone there, selected and open to type in', () => {
    const p = page()
    expect(p.press('n')).toBe('addNote')
    const [added] = readNotes(p.doc)
    expect(added).toMatchObject({ category: 'friction', author: 'Anna', authorSide: 0 })
    expect([...p.asked.selected]).toEqual([added!.id])
    expect(p.asked.editing).toBe(added!.id)
  })

  it('[L1] N again puts the next note beside the first, not on it, and the view follows it', () => {
    const p = page()
    p.press('n')
    p.press('n')
    const [a, b] = readNotes(p.doc)
    expect(Math.abs(a!.x - b!.x) >= 200 || Math.abs(a!.y - b!.y) >= 150).toBe(true)
    expect(p.asked.followed).toMatchObject({ x: p.asked.editing === a!.id ? a!.x : b!.x })
  })

  it('Ctrl+D duplicates the selection as mine and selects the copies; a paste lands further on each time', () => {
    const p = page()
    const a = p.note('a', { x: friction.x + 20, y: friction.y + 100 })
    p.asked.selected = new Set([a])
    expect(p.press('d', ctrl)).toBe('duplicate')
    const copy = readNotes(p.doc).find((n) => n.id !== a)!
    expect(copy).toMatchObject({ text: 'a', author: 'Anna', category: 'friction' })
    expect([...p.asked.selected]).toEqual([copy.id])

    p.asked.selected = new Set([a])
    expect(p.press('c', ctrl)).toBe('copy')
    p.press('v', ctrl)
    p.press('v', ctrl)
    // [L2] Each copy lands on a spot of its own, never on the original or an earlier copy.
    const all = readNotes(p.doc)
    expect(all).toHaveLength(4)
    expect(new Set(all.map((n) => `${n.x},${n.y}`)).size).toBe(4)
    for (const n of all)
      for (const m of all)
        if (n !== m) expect(Math.abs(n.x - m.x) >= 200 || Math.abs(n.y - m.y) >= 150).toBe(true)
  })

  it('arrows move the selection 10, with Shift 100, and a note takes the zone it lands in', () => {
    const p = page()
    const a = p.note('a', { x: friction.x + 20, y: friction.y + friction.height - 240 })
    p.asked.selected = new Set([a])
    p.press('ArrowRight')
    p.press('ArrowDown', shift)
    p.press('ArrowDown', shift)
    expect(readNotes(p.doc)[0]).toMatchObject({
      x: friction.x + 30,
      y: friction.y + friction.height - 40,
      category: 'solution',
    })
    // The view follows the note.
    expect(p.asked.followed).toMatchObject({
      x: friction.x + 30,
      y: friction.y + friction.height - 40,
    })
  })

  it('[L4] T tidies the zone of the selection, Shift+T the whole board', () => {
    const p = page()
    const a = p.note('a', { x: friction.x + 300, y: friction.y + 333 })
    const b = p.note('b', { x: friction.x + 310, y: friction.y + 343 })
    const s = p.note('s', { x: solutions.x + 7, y: solutions.y + 200 }, 'solution' as 'friction')
    p.asked.selected = new Set([a])
    expect(p.press('t')).toBe('tidyZone')
    const tidied = new Map(readNotes(p.doc).map((n) => [n.id, n]))
    expect(tidied.get(a)).toMatchObject({ x: friction.x + 20, y: friction.y + 80 })
    expect(tidied.get(b)).toMatchObject({ x: friction.x + 240, y: friction.y + 80 })
    expect(tidied.get(s)).toMatchObject({ x: solutions.x + 7 })
    expect(p.press('t', shift)).toBe('tidyBoard')
    expect(readNotes(p.doc).find((n) => n.id === s)).toMatchObject({ x: solutions.x + 20 })
  })

  it('Enter opens the one selected note, Delete removes the selection, Esc lets go of it', () => {
    const p = page()
    const a = p.note('a', { x: friction.x, y: friction.y })
    const b = p.note('b', { x: friction.x, y: friction.y })
    p.asked.selected = new Set([a])
    expect(p.press('Enter')).toBe('editNote')
    expect(p.asked.editing).toBe(a)
    p.asked.editing = null
    p.asked.selected = new Set([a, b])
    expect(p.press('Enter')).toBe(null)
    expect(p.press('Escape')).toBe('clearSelection')
    expect(p.asked.selected.size).toBe(0)
    p.asked.selected = new Set([b])
    expect(p.press('Delete')).toBe('delete')
    expect(readNotes(p.doc).map((n) => n.id)).toEqual([a])
  })

  it('A drafts an agreement from a selected solution, and shows the agreement once it is one', () => {
    const p = page()
    const s = p.note('s', { x: solutions.x + 20, y: solutions.y + 100 }, 'solution' as 'friction')
    const f = p.note('f', { x: friction.x, y: friction.y })
    p.asked.selected = new Set([f])
    expect(p.press('a')).toBe(null)
    p.asked.selected = new Set([s])
    expect(p.press('a')).toBe('makeAgreement')
    expect(p.asked.draft?.id).toBe(s)
    const input = {
      ...{ text: 's', owner: '', due: '', author: 'Anna', createdAt: 1, goals: {} },
      solutionIds: [s],
    }
    addAgreement(p.doc, 'ag' as AgreementId, input, userOrigin('Anna'))
    expect(p.press('a')).toBe('showAgreement')
    expect(p.asked.shown).toBe('ag')
  })

  it('G names a new cluster of the selection, Shift+G takes the notes out of theirs', () => {
    const p = page()
    const a = p.note('a', { x: friction.x, y: friction.y })
    p.asked.selected = new Set([a])
    expect(p.press('g', shift)).toBe(null)
    expect(p.press('g')).toBe('group')
    expect(p.asked.naming).toEqual({ kind: 'group', ids: [a] })
    groupNotes(p.doc, asClusterId('k'), [a], 'Capacity', userOrigin('Anna'))
    expect(p.press('G', shift)).toBe('ungroup')
    expect(readBoard(p.doc).clusters).toEqual([])
  })

  it('V votes only in the voting phase and up to the budget; Shift+V takes a vote back', () => {
    const closed = page()
    closed.asked.selected = new Set([closed.note('a', { x: 0, y: 0 })])
    expect(closed.press('v')).toBe(null)
    expect(readVotes(closed.doc)).toEqual([])

    const p = page({ votingOpen: true, budget: 2 })
    const a = p.note('a', { x: 0, y: 0 })
    p.asked.selected = new Set([a])
    expect(p.press('V', shift)).toBe(null)
    p.press('v')
    p.press('v')
    p.press('v')
    expect(readVotes(p.doc).map((v) => v.count)).toEqual([2])
    expect(p.bound().isEnabled(SELECTION_TOOLS[0]!)).toBe(false)
    expect(p.press('V', shift)).toBe('takeBackVote')
    expect(readVotes(p.doc).map((v) => v.count)).toEqual([1])
  })

  it("an observer's keys look, select and help, and write nothing", () => {
    const p = page({ canWrite: false })
    const a = p.note('a', { x: friction.x, y: friction.y })
    expect(p.press('n')).toBe(null)
    expect(p.press('a', ctrl)).toBe('selectAll')
    expect([...p.asked.selected]).toEqual([a])
    for (const [key, mods] of [['Delete'], ['d', ctrl], ['ArrowLeft'], ['g'], ['Enter']] as const)
      expect(p.press(key, mods)).toBe(null)
    expect(p.press('0')).toBe('zoomToFit')
    expect(p.press('?', shift)).toBe('help')
    expect(readNotes(p.doc).map((n) => n.id)).toEqual([a])
    expect(p.asked).toMatchObject({ help: 1, fits: 1, editing: null })
  })
})

describe('the registry', () => {
  it('binds each key, in any state of the page, to at most one command that applies', () => {
    for (const canWrite of [true, false])
      for (const votingOpen of [true, false]) {
        const p = page({ canWrite, votingOpen })
        const s = p.note('s', { x: solutions.x, y: solutions.y }, 'solution' as 'friction')
        const f = p.note('f', { x: friction.x, y: friction.y })
        groupNotes(p.doc, asClusterId('k'), [f], 'K', userOrigin('Anna'))
        for (const selected of [[], [s], [f], [s, f]])
          for (const editing of [null, s]) {
            p.asked.selected = new Set(selected)
            p.asked.editing = editing
            const { ctx } = p.bound()
            for (const command of COMMANDS)
              for (const k of command.keys ?? []) {
                const e = { ...NO_MODS, key: k.key, ctrlKey: !!k.mod, shiftKey: !!k.shift }
                const taking = COMMANDS.filter((c) =>
                  c.keys?.some((b) => matchesKey(b, e) && c.available(ctx, b.arg)),
                ).map((c) => c.id)
                expect(taking.length, `${JSON.stringify(e)} in ${taking}`).toBeLessThanOrEqual(1)
              }
          }
      }
  })

  it('names every command in English and Dutch, and lists every command it places', () => {
    for (const c of COMMANDS) {
      expect(c.label.en && c.label.nl, c.id).toBeTruthy()
      if (c.hint) expect(c.hint.en && c.hint.nl, c.id).toBeTruthy()
    }
    const placed = [...Object.values(TOOLBAR).flat(), ...SELECTION_TOOLS, ...CONTEXT_MENU]
    for (const c of placed) expect(COMMANDS, c.id).toContain(c)
    expect(new Set(COMMANDS.map((c) => c.id)).size).toBe(COMMANDS.length)
  })
})
