import Konva from 'konva'
import { beforeAll, describe, expect, it } from 'vitest'
import { hyphenator, loadedHyphenator, loadHyphenation } from './hyphenation.js'
import { sceneText } from './sceneText.js'

// Node has no canvas here: 10 px a character, at every size.
beforeAll(() => {
  const context = { font: '', measureText: (t: string) => ({ width: [...t].length * 10 }) }
  Konva.Util.createCanvasElement = () =>
    ({ getContext: () => context }) as unknown as HTMLCanvasElement
})

const box = (lang: 'nl' | 'en') => ({
  x: 0,
  y: 0,
  width: 130,
  font: { size: 16, bold: false },
  fill: '#000',
  lang,
})

// This file imports no patterns up front: it sees a browser's start, before a language loads.
describe('hyphenation patterns loaded on demand', () => {
  it('lays a long word out unhyphenated until its language loads, at syllables after', async () => {
    expect(loadedHyphenator('nl')).toBeUndefined()
    expect(() => hyphenator('nl')).toThrow(/not loaded/)
    const before = sceneText('Capaciteitsdashboard', box('nl')).lines.map((l) => l.text)
    expect(before).toEqual(['Capaciteitsd-', 'ashboard'])

    await loadHyphenation('nl')
    // the same text in the same box: not the layout remembered from before the patterns came
    const after = sceneText('Capaciteitsdashboard', box('nl')).lines.map((l) => l.text)
    expect(after).toEqual(['Capaciteits-', 'dashboard'])
    // one language's patterns only: English is still to load
    expect(loadedHyphenator('en')).toBeUndefined()
    await loadHyphenation('en')
    expect(hyphenator('en')('responsibilities').join('|')).toBe('re|spon|si|bil|i|ties')
  })
})
