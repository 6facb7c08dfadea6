import Konva from 'konva'
import './hyphenationPatterns.js'
import { beforeAll, describe, expect, it } from 'vitest'
import { asNoteId, type NoteSnapshot } from '@sparboard/board-model'
import { capText, SCENE_TEXT_LIMIT } from './capText.js'
import { noteScene } from './noteScene.js'
import { sceneText } from './sceneText.js'
import type { SceneText } from './sceneShapes.js'

// Node has no canvas here: 10 px a character, at every size.
beforeAll(() => {
  const context = { font: '', measureText: (t: string) => ({ width: [...t].length * 10 }) }
  Konva.Util.createCanvasElement = () =>
    ({ getContext: () => context }) as unknown as HTMLCanvasElement
})

describe('capText', () => {
  it('keeps text within the note limit of 2,000 characters whole', () => {
    expect(SCENE_TEXT_LIMIT).toBe(2000)
    const text = 'x'.repeat(2000)
    expect(capText(text)).toBe(text)
  })

  it('cuts longer text to its first 2,000 characters and an ellipsis', () => {
    const capped = capText('ab'.repeat(1500))
    expect(capped).toHaveLength(2001)
    expect(capped.endsWith('b…')).toBe(true)
  })

  it('never leaves half an emoji at the cut', () => {
    const capped = capText('a'.repeat(1999) + '🚚🚚')
    expect(capped).toBe('a'.repeat(1999) + '…')
    expect(capText('🚚'.repeat(5), 5)).toBe('🚚🚚…')
  })
})

describe('a poisoned note', () => {
  const huge = 'Levertijdafspraak'.repeat(120_000) // ~2 MB, one word without a space

  it('lays out a 2 MB note as at most 2,000 characters, expanded or not, in well under a second', () => {
    const started = performance.now()
    const note = {
      id: asNoteId('n1'),
      x: 0,
      y: 0,
      text: huge,
      author: 'Ilse'.repeat(100_000),
      category: 'interest',
      side: 0,
    } as NoteSnapshot
    for (const expanded of [false, true]) {
      const scene = noteScene(note, { lang: 'nl', expanded })
      const [text, author] = scene.shapes.filter((s): s is SceneText => s.kind === 'text')
      const shown = text!.lines.map((l) => l.text.replace(/-$/, '')).join('')
      expect(shown.length).toBeLessThanOrEqual(SCENE_TEXT_LIMIT + 1)
      expect(author!.lines).toHaveLength(1)
      // What an SVG export keeps as the note's title is capped too.
      expect(scene.note?.text.length).toBeLessThanOrEqual(SCENE_TEXT_LIMIT + 1)
    }
    expect(
      sceneText(huge, { x: 0, y: 0, width: 100, font: { size: 12 }, fill: '#000' }).lines.length,
    ).toBeLessThan(500)
    expect(performance.now() - started).toBeLessThan(1000)
  })
})
