import { describe, expect, it } from 'vitest'
import { PERSON_COLORS, personColor } from './personColor.js'

describe('personColor', () => {
  it('gives a name the same colour every time, whatever its case and spaces', () => {
    expect(personColor('Anna')).toBe(personColor('Anna'))
    expect(personColor(' anna ')).toBe(personColor('Anna'))
    // fixed, not just stable within one run: the colour another browser computes
    expect(personColor('Anna')).toBe('#d6336c')
    expect(personColor('Bram')).toBe('#9c36b5')
  })

  it('spreads a workshop group over the palette', () => {
    const names = ['Anna', 'Bram', 'Carla', 'Daan', 'Eva', 'Finn', 'Gijs', 'Hanna', 'Ilse']
    const colors = new Set(names.map(personColor))
    expect(colors.size).toBeGreaterThanOrEqual(6)
    for (const c of colors) expect(PERSON_COLORS).toContain(c)
  })
})
