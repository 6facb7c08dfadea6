import { describe, expect, it } from 'vitest'
import { ariaKeys, keyParts, matchesKey, type KeyPress } from './keyBinding.js'

const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
})

describe('key bindings', () => {
  it('tells a letter from its Shift variant, and Ctrl from Cmd not at all', () => {
    expect(matchesKey({ key: 'g', shift: false }, press('g'))).toBe(true)
    expect(matchesKey({ key: 'g', shift: false }, press('G', { shiftKey: true }))).toBe(false)
    expect(matchesKey({ key: 'g', shift: true }, press('G', { shiftKey: true }))).toBe(true)
    expect(matchesKey({ key: 'z', mod: true }, press('z', { ctrlKey: true }))).toBe(true)
    expect(matchesKey({ key: 'z', mod: true }, press('z', { metaKey: true }))).toBe(true)
    expect(matchesKey({ key: 'z', mod: true }, press('z'))).toBe(false)
    expect(matchesKey({ key: 'n' }, press('n', { ctrlKey: true }))).toBe(false)
  })

  it('takes a symbol however the keyboard makes it, and never a key with Alt', () => {
    expect(matchesKey({ key: '?' }, press('?', { shiftKey: true }))).toBe(true)
    expect(matchesKey({ key: '?' }, press('?'))).toBe(true)
    expect(matchesKey({ key: 'n' }, press('n', { altKey: true }))).toBe(false)
    expect(matchesKey({ key: 'Delete' }, press('Delete'))).toBe(true)
    expect(matchesKey({ key: 'd' }, press('Delete'))).toBe(false)
  })

  it('names keys as people read them, in their language, and as aria-keyshortcuts wants', () => {
    expect(keyParts({ key: 'z', mod: true, shift: true }, 'en')).toEqual(['Ctrl', 'Shift', 'Z'])
    expect(keyParts({ key: ' ', hold: true }, 'nl')).toEqual(['Spatie'])
    expect(keyParts({ key: 'ArrowLeft' }, 'en')).toEqual(['←'])
    expect(ariaKeys({ key: 'z', mod: true, shift: true })).toBe('Control+Shift+Z')
    expect(ariaKeys({ key: ' ' })).toBe('Space')
    expect(ariaKeys({ key: 'Delete' })).toBe('Delete')
  })
})
