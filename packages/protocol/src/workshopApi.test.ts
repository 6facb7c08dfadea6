import { describe, expect, it } from 'vitest'
import { agendaOf } from './controlPhases.js'
import { defaultMethod, doubleMajorityRule } from './methodPlain.js'
import { CreateWorkshopBody, methodOf } from './workshopApi.js'

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

  it('[SW1] [FB1] switches the swap and the cards off unless asked (recurring frictions and checkable agreements on), for old workshops too', () => {
    const base = { title: 'x', cases: [{ title: 'c' }], groups: 1 }
    expect(CreateWorkshopBody.parse(base).method).toMatchObject({
      recurringFrictions: true,
      perspectiveSwap: false,
      fallbackCards: false,
      checkableAgreements: true,
    })
    expect(
      CreateWorkshopBody.parse({ ...base, method: { fallbackCards: true } }).method,
    ).toMatchObject({
      recurringFrictions: true,
      perspectiveSwap: false,
      fallbackCards: true,
      checkableAgreements: true,
    })
    expect(methodOf(undefined)).toMatchObject({
      recurringFrictions: true,
      perspectiveSwap: false,
      fallbackCards: false,
      checkableAgreements: true,
    })
    // another option stored later is no reason to lose these
    expect(methodOf({ perspectiveSwap: true, later: 1 })).toMatchObject({
      recurringFrictions: true,
      perspectiveSwap: true,
      fallbackCards: false,
      checkableAgreements: true,
    })
  })

  it('[SW1] puts the perspective swap just before the interests', () => {
    expect(agendaOf({ perspectiveSwap: false })).not.toContain('perspective')
    expect(agendaOf({ perspectiveSwap: true }).slice(0, 3)).toEqual([
      'strategy',
      'perspective',
      'interests',
    ])
  })

  it('[G1] [G2] [G3] fills the method options with their defaults and names a wrong one', () => {
    const base = { title: 'x', cases: [{ title: 'c' }], groups: 1 }
    expect(CreateWorkshopBody.parse(base).method).toMatchObject({
      bothSidesGain: true,
      doubleMajority: { on: false, min: 1, unit: 'votes' },
      positions: true,
    })
    const set = CreateWorkshopBody.parse({
      ...base,
      method: { doubleMajority: { on: true, min: 60, unit: 'percent' }, positions: false },
    })
    expect(set.method).toMatchObject({ bothSidesGain: true, positions: false })
    expect(doubleMajorityRule(set.method)).toEqual({ min: 60, unit: 'percent' })
    const wrong = CreateWorkshopBody.safeParse({
      ...base,
      method: { doubleMajority: { on: true, min: 0, unit: 'votes' } },
    })
    expect(wrong.error?.issues[0]?.path).toEqual(['method', 'doubleMajority', 'min'])
    expect(methodOf(undefined)).toEqual(CreateWorkshopBody.parse(base).method)
    expect(methodOf({ positions: 'yes' }).positions).toBe(true)
  })
})

describe('defaultMethod', () => {
  it("is the schema's defaults, which the browser starts a workshop from without zod", () => {
    expect(defaultMethod).toEqual(methodOf(undefined))
    expect(methodOf({})).toEqual(defaultMethod)
  })
})
