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
})
