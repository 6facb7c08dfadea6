import { describe, expect, it } from 'vitest'
import { CreateWorkshopBody } from './workshopApi.js'

describe('CreateWorkshopBody', () => {
  it('fills the default sides and goals', () => {
    const body = CreateWorkshopBody.parse({
      title: 'S&OP',
      cases: [{ title: 'Rush order' }],
      groups: 2,
    })
    expect(body.sides).toEqual(['Sales', 'Operations'])
    expect(body.goals).toEqual([])
  })

  it('names the field that is wrong', () => {
    const result = CreateWorkshopBody.safeParse({ title: 'x', cases: [{ title: '' }], groups: 1 })
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.path).toEqual(['cases', 0, 'title'])
  })

  it('takes who brought a case, trimmed, and names it when it is too long or not a name', () => {
    const body = (broughtBy: unknown) => ({
      title: 'x',
      cases: [{ title: 'c', broughtBy }],
      groups: 1,
    })
    expect(CreateWorkshopBody.parse(body('  Anna  ')).cases[0]?.broughtBy).toBe('Anna')
    expect(
      CreateWorkshopBody.parse({ title: 'x', cases: [{ title: 'c' }], groups: 1 }).cases[0],
    ).not.toHaveProperty('broughtBy')
    for (const wrong of ['a'.repeat(121), 42, ['Anna']]) {
      const result = CreateWorkshopBody.safeParse(body(wrong))
      expect(result.error?.issues[0]?.path).toEqual(['cases', 0, 'broughtBy'])
    }
  })
})
