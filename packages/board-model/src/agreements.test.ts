import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  addAgreement,
  agreementBySolution,
  asAgreementId,
  asNoteId,
  deleteAgreement,
  readAgreements,
  updateAgreement,
  userOrigin,
  findAgreementProblems,
  agreementsOf,
  AgreementField,
  InvalidAgreementError,
  type AgreementInput,
  type Signer,
} from './index.js'

const origin = userOrigin('anna')
const id = asAgreementId('ag1')
const sol = asNoteId('s1')
const input: AgreementInput = {
  text: 'Reserve capacity for rush orders',
  owner: 'Bram',
  due: '2026-12-01',
  author: 'Anna',
  createdAt: 1_700_000_000_000,
  solutionIds: [sol],
  goals: { 0: 'supports', 2: 'conflicts' },
}

describe('agreements', () => {
  it('records an agreement with its owner, date, solutions and strategy check', () => {
    const doc = new Y.Doc()
    addAgreement(doc, id, input, origin)
    const [a] = readAgreements(doc)
    expect(a).toEqual({
      id,
      ...input,
      goals: { 0: 'supports', 2: 'conflicts' },
      ownedBy: null,
      cosigner: null,
      criterion: null,
      reviewOn: '',
    })
    expect(Object.isFrozen(a)).toBe(true)
  })

  it('links only the goals given a score: a goal scored null is left out', () => {
    const doc = new Y.Doc()
    addAgreement(doc, id, { ...input, goals: { 0: 'supports', 1: null } }, origin)
    expect(readAgreements(doc)[0]!.goals).toEqual({ 0: 'supports' })
  })

  it('rescores, unlinks a goal and changes the owner', () => {
    const doc = new Y.Doc()
    addAgreement(doc, id, input, origin)
    updateAgreement(
      doc,
      id,
      { goals: { 0: 'neutral', 2: null, 1: 'supports' }, owner: 'Carla' },
      origin,
    )
    expect(readAgreements(doc)[0]).toMatchObject({
      owner: 'Carla',
      goals: { 0: 'neutral', 1: 'supports' },
    })
    expect(deleteAgreement(doc, id, origin)).toBe(true)
    expect(readAgreements(doc)).toEqual([])
  })

  it.each([
    ['due', { due: '1 december' }],
    ['score', { goals: { 0: 'great' } }],
    ['goal', { goals: { '-1': 'supports' } }],
    ['text', { text: 'x'.repeat(1_000_000) }],
  ])('refuses a bad %s and writes nothing', (_, bad) => {
    const doc = new Y.Doc()
    expect(() => addAgreement(doc, id, { ...input, ...bad } as never, origin)).toThrow()
    expect(readAgreements(doc)).toEqual([])
  })

  it('merges two people editing the text and the goals at once', () => {
    const d1 = new Y.Doc()
    const d2 = new Y.Doc()
    addAgreement(d1, id, input, origin)
    Y.applyUpdate(d2, Y.encodeStateAsUpdate(d1))
    updateAgreement(d1, id, { text: 'Always reserve capacity for rush orders' }, origin)
    updateAgreement(
      d2,
      id,
      { text: 'Reserve capacity for rush orders weekly', goals: { 1: 'neutral' } },
      userOrigin('bram'),
    )
    Y.applyUpdate(d1, Y.encodeStateAsUpdate(d2))
    Y.applyUpdate(d2, Y.encodeStateAsUpdate(d1))
    expect(readAgreements(d1)[0]!.text).toBe('Always reserve capacity for rush orders weekly')
    expect(readAgreements(d1)[0]!.goals).toEqual({ 0: 'supports', 1: 'neutral', 2: 'conflicts' })
    expect(readAgreements(d2)).toEqual(readAgreements(d1))
  })

  it('finds the agreement a solution became, the oldest where two name it', () => {
    const doc = new Y.Doc()
    const other = asNoteId('s2')
    addAgreement(doc, asAgreementId('later'), { ...input, createdAt: 2e12 }, origin)
    addAgreement(doc, id, { ...input, solutionIds: [sol, other] }, origin)
    const bySolution = agreementBySolution(readAgreements(doc))
    expect(bySolution.get(sol)?.id).toBe(id)
    expect(bySolution.get(other)?.id).toBe(id)
    expect(bySolution.has(asNoteId('s3'))).toBe(false)
  })

  describe('checkable agreements', () => {
    const bram: Signer = { id: 'p-bram', name: 'Bram', side: 0 }
    const olga: Signer = { id: 'p-olga', name: 'Olga', side: 1 }
    const criterion = {
      measure: 'on-time-in-full',
      target: '>= 95 %',
      source: 'weekly planning report',
    }
    const checkable: AgreementInput = {
      ...input,
      owner: '',
      ownedBy: bram,
      cosigner: olga,
      criterion,
      reviewOn: '2027-01-15',
    }

    it('records an owner picked from the participants, a co-signer, a criterion and a review date', () => {
      const doc = new Y.Doc()
      addAgreement(doc, id, checkable, origin)
      expect(readAgreements(doc)[0]).toMatchObject({
        owner: 'Bram',
        ownedBy: bram,
        cosigner: olga,
        criterion,
        reviewOn: '2027-01-15',
      })
      expect(findAgreementProblems(id, agreementsOf(doc).get(id))).toEqual([])
    })

    it("keeps the name as signed, and reads an older board's free-text owner", () => {
      const doc = new Y.Doc()
      addAgreement(doc, id, input, origin)
      expect(readAgreements(doc)[0]).toMatchObject({ owner: 'Bram', ownedBy: null })
      updateAgreement(doc, id, { ownedBy: olga, cosigner: bram }, origin)
      expect(readAgreements(doc)[0]).toMatchObject({ owner: 'Olga', ownedBy: olga })
      updateAgreement(doc, id, { ownedBy: null, cosigner: null, owner: 'Team planning' }, origin)
      expect(readAgreements(doc)[0]).toMatchObject({ owner: 'Team planning', ownedBy: null })
    })

    it.each([
      ['cosigner', { cosigner: { ...olga, side: 0 } }, 'other side'],
      ['cosigner', { cosigner: { ...bram } }, 'not the owner'],
      ['cosigner', { cosigner: { ...olga, side: 'other' } }, 'two sides'],
      ['cosigner', { ownedBy: null }, 'needs an owner'],
      ['ownedBy', { ownedBy: { ...bram, name: '' } }, 'name'],
      ['criterion', { criterion: { ...criterion, target: 'x'.repeat(500) } }, 'target'],
      ['reviewOn', { reviewOn: 'next week' }, 'YYYY-MM-DD'],
    ] as const)('refuses a bad %s (%s) and writes nothing', (field, bad, message) => {
      const doc = new Y.Doc()
      const write = () => addAgreement(doc, id, { ...checkable, ...bad } as never, origin)
      expect(write).toThrow(InvalidAgreementError)
      expect(write).toThrow(message)
      try {
        write()
      } catch (e) {
        expect(e instanceof InvalidAgreementError && e.field).toBe(field)
      }
      expect(readAgreements(doc)).toEqual([])
    })

    it('checks a patch against the co-signer the agreement holds', () => {
      const doc = new Y.Doc()
      addAgreement(doc, id, checkable, origin)
      expect(() => updateAgreement(doc, id, { ownedBy: { ...olga, id: 'p-x' } }, origin)).toThrow(
        'other side',
      )
      expect(readAgreements(doc)[0]!.ownedBy).toEqual(bram)
    })

    it('finds a same-side co-signer written straight into the document', () => {
      const doc = new Y.Doc()
      addAgreement(doc, id, checkable, origin)
      agreementsOf(doc)
        .get(id)!
        .set(AgreementField.cosigner, { ...olga, side: 0 })
      expect(findAgreementProblems(id, agreementsOf(doc).get(id))).toEqual([
        expect.objectContaining({ field: 'cosigner' }),
      ])
    })
  })
})
