import { describe, expect, it } from 'vitest'
import { PERSON_COLORS, colorOnBoard, personColor } from './personColor.js'

describe('personColor', () => {
  it('gives a name the same colour every time, whatever its case and spaces', () => {
    expect(personColor('Anna')).toBe(personColor('Anna'))
    expect(personColor(' anna ')).toBe(personColor('Anna'))
    // fixed, not just stable within one run: the colour another browser computes
    expect(personColor('Anna')).toBe('#495057')
    expect(personColor('Bram')).toBe('#9c36b5')
  })

  it('spreads a workshop group over the palette', () => {
    const names = ['Anna', 'Bram', 'Carla', 'Daan', 'Eva', 'Finn', 'Gijs', 'Hanna', 'Ilse']
    const colors = new Set(names.map(personColor))
    expect(colors.size).toBeGreaterThanOrEqual(6)
    for (const c of colors) expect(PERSON_COLORS).toContain(c)
  })
})

describe('colorOnBoard', () => {
  // Anna and Daan have the same name colour.
  const anna = { clientId: 10, color: personColor('Anna'), since: 1000 }
  const next = (color: string) =>
    PERSON_COLORS[(PERSON_COLORS.indexOf(color) + 1) % PERSON_COLORS.length]!

  it("is the name's colour on a board where nobody shows it", () => {
    expect(personColor('Daan')).toBe(personColor('Anna'))
    expect(colorOnBoard('Daan', { clientId: 20, since: 2000 }, null, [])).toBe(personColor('Daan'))
    expect(colorOnBoard('Bram', { clientId: 20, since: 2000 }, null, [anna])).toBe(
      personColor('Bram'),
    )
  })

  it('is the next free colour when someone here shows the name colour already', () => {
    const daan = colorOnBoard('Daan', { clientId: 20, since: 2000 }, null, [anna])
    // the next one in the palette after the name's, so the same on every screen
    expect(daan).toBe(next(anna.color))
    const eva = { clientId: 30, color: daan, since: 1500 }
    expect(colorOnBoard('Daan', { clientId: 20, since: 2000 }, null, [anna, eva])).toBe(next(daan))
  })

  it('of two who showed the same colour before seeing each other, the one who came first keeps it', () => {
    const shown = personColor('Anna')
    // Daan came a second after Anna and, before her state reached him, showed the same colour.
    const daan = { clientId: 5, since: 2000 }
    expect(colorOnBoard('Daan', daan, shown, [anna])).toBe(next(shown))
    expect(colorOnBoard('Anna', anna, shown, [{ ...daan, color: shown }])).toBe(shown)
    // at the same moment, the lower client id keeps it
    const twin = { clientId: 5, since: 1000 }
    expect(colorOnBoard('Anna', anna, shown, [{ ...twin, color: shown }])).toBe(next(shown))
  })

  it('keeps a colour once shown, whoever comes or goes', () => {
    const moved = next(personColor('Daan'))
    const daan = { clientId: 20, since: 2000 }
    expect(colorOnBoard('Daan', daan, moved, [])).toBe(moved)
    // someone later showing it does not take it away
    expect(colorOnBoard('Daan', daan, moved, [{ clientId: 1, since: 3000, color: moved }])).toBe(
      moved,
    )
  })

  it("falls back to the name's colour when every colour is taken", () => {
    const everyone = PERSON_COLORS.map((color, i) => ({ clientId: 100 + i, color, since: 1 }))
    expect(colorOnBoard('Bram', { clientId: 1, since: 2 }, null, everyone)).toBe(
      personColor('Bram'),
    )
  })
})
