import Konva from 'konva'
import './hyphenationPatterns.js'
import { beforeAll, describe, expect, it } from 'vitest'
import { asNoteId, NOTE_SIZE, type NoteSnapshot } from '@sparboard/board-model'
import { buildBoardScene } from './buildBoardScene.js'
import { noteScene, RANK_BADGE, topSolutions } from './noteScene.js'
import type { SceneText } from './sceneShapes.js'

// Node has no canvas here: 10 px a character, at every size.
beforeAll(() => {
  const context = { font: '', measureText: (t: string) => ({ width: [...t].length * 10 }) }
  Konva.Util.createCanvasElement = () =>
    ({ getContext: () => context }) as unknown as HTMLCanvasElement
})

const note = (text: string) =>
  ({
    id: asNoteId(text.slice(0, 8)),
    x: 0,
    y: 0,
    text,
    author: 'Ilse',
    category: 'interest',
    side: 0,
  }) as NoteSnapshot
const texts = (text: string, look = {}) =>
  noteScene(note(text), { lang: 'nl', ...look }).shapes.filter(
    (s): s is SceneText => s.kind === 'text',
  )

describe('noteScene', () => {
  it('writes every note in one font size, a long compound broken at a syllable with a hyphen', () => {
    const [short] = texts('Kort')
    const [long] = texts('Leverbetrouwbaarheidsdoelstellingen')
    expect(long!.font.size).toBe(short!.font.size)
    expect(long!.lines.map((l) => l.text)).toEqual([
      'Leverbetrouwbaar-',
      'heidsdoelstellin-',
      'gen',
    ])
  })

  it('ends a text past four lines in an ellipsis, and draws it whole and taller when expanded', () => {
    const text = 'een twee drie vier vijf zes zeven acht negen tien elf twaalf dertien veertien'
    const cut = noteScene(note(text), { lang: 'nl' })
    expect(cut.truncated).toBe(true)
    expect(cut.height).toBe(NOTE_SIZE.height)
    const [cutText] = texts(text)
    expect(cutText!.lines).toHaveLength(4)
    expect(cutText!.lines[3]!.text.endsWith('…')).toBe(true)
    const whole = noteScene(note(text), { lang: 'nl', expanded: true })
    const [wholeText] = texts(text, { expanded: true })
    expect(wholeText!.lines.map((l) => l.text).join(' ')).toBe(text)
    expect(whole.height).toBeGreaterThan(NOTE_SIZE.height)
  })
})

describe('the ranking on the board ([C35])', () => {
  const solution = (id: string) =>
    ({ ...note(id), id: asNoteId(id), category: 'solution', side: null }) as NoteSnapshot
  it('[C35] marks the three best-ranked solutions with their rank, never an interest, never an unvoted note', () => {
    const notes = ['a', 'b', 'c', 'd', 'e'].map(solution)
    const interest = { ...note('i'), id: asNoteId('i') }
    const votes = new Map([
      ['a', 1],
      ['b', 4],
      ['c', 2],
      ['d', 1],
      ['i', 9],
    ])
    expect(topSolutions([...notes, interest], votes)).toEqual(
      new Map([
        ['b', 1],
        ['c', 2],
        ['a', 3],
        ['d', 3],
      ]),
    )
    const scene = buildBoardScene({ notes: [...notes, interest], zoneLabels: [], votes })
    const badges = scene.groups.flatMap((g) =>
      g.shapes.filter((s) => s.kind === 'rect' && s.y === RANK_BADGE.y && s.x === RANK_BADGE.x),
    )
    expect(badges).toHaveLength(4)
    expect(topSolutions(notes, new Map())).toEqual(new Map())
  })
})
