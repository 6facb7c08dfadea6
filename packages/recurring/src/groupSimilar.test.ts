import { describe, expect, test } from 'vitest'
import { applyDecisions } from './decisions.js'
import { groupSimilar, MAX_GROUPED_NOTES, MAX_GROUPED_TEXT } from './groupSimilar.js'

const items = (texts: readonly string[]) => texts.map((text, i) => ({ key: `n${i}`, text }))
/** The groups as texts, so a failure reads as the notes. */
const grouped = (texts: readonly string[]) =>
  groupSimilar(items(texts)).groups.map((g) => g.map((k) => texts[Number(k.slice(1))]))
const together = (groups: readonly (readonly (string | undefined)[])[], a: string, b: string) =>
  groups.some((g) => g.includes(a) && g.includes(b))

describe('recurring frictions are grouped by their words, locally', () => {
  test('Dutch: a promised delivery time too short meets its inflected twin; a broken forklift stays apart', () => {
    const texts = [
      'levertijd te kort beloofd',
      'vorkheftruck defect',
      'planning hoort te laat van spoedorders',
      'klant krijgt te korte levertijd toegezegd',
      'overdracht van orders gaat mis',
      'Levertijden worden te krap toegezegd',
    ]
    const groups = grouped(texts)
    expect(together(groups, texts[0]!, texts[3]!)).toBe(true)
    expect(together(groups, texts[3]!, texts[5]!)).toBe(true)
    expect(groups).toContainEqual(['vorkheftruck defect'])
    expect(groups.find((g) => g.includes('vorkheftruck defect'))).toHaveLength(1)
  })

  test('English: the same friction in other words groups; the forklift stays apart', () => {
    const texts = [
      'Delivery time promised too short',
      'forklift broken',
      'customer is promised a delivery time that is too short',
      'Sales promises shorter delivery times',
      'nobody knows who owns the returns',
    ]
    const groups = grouped(texts)
    expect(together(groups, texts[0]!, texts[2]!)).toBe(true)
    expect(together(groups, texts[0]!, texts[3]!)).toBe(true)
    expect(groups).toContainEqual(['forklift broken'])
    expect(groups).toContainEqual(['nobody knows who owns the returns'])
  })

  test('a mixed set keeps the Dutch and English forklifts apart from the delivery times', () => {
    const texts = [
      'levertijd te kort beloofd',
      'klant krijgt te korte levertijd toegezegd',
      'vorkheftruck defect',
      'forklift broken',
      'delivery time promised too short',
    ]
    const groups = grouped(texts)
    expect(together(groups, texts[0]!, texts[1]!)).toBe(true)
    for (const g of groups) if (g.includes('vorkheftruck defect')) expect(g).toHaveLength(1)
  })

  test('accents, case and punctuation do not matter; empty texts group with nothing', () => {
    const texts = ['Coördinatie met het magazijn!', 'coordinatie MET magazijn', '', '  ...  ']
    const groups = grouped(texts)
    expect(together(groups, texts[0]!, texts[1]!)).toBe(true)
    expect(groups).toContainEqual([''])
    expect(groups).toContainEqual(['  ...  '])
  })

  test('the same input gives the same groups (order and all)', () => {
    const texts = [
      'levertijd te kort',
      'te korte levertijd',
      'vorkheftruck defect',
      'heftruck stuk',
    ]
    expect(groupSimilar(items(texts))).toEqual(groupSimilar(items(texts)))
  })
})

describe('limits', () => {
  test(`at most ${MAX_GROUPED_NOTES} notes are grouped; the rest are left out and it says so`, () => {
    const many = Array.from({ length: MAX_GROUPED_NOTES + 5 }, (_x, i) => ({
      key: `k${i}`,
      text: `friction number ${i} about topic ${i % 7}`,
    }))
    const started = performance.now()
    const result = groupSimilar(many)
    const ms = performance.now() - started
    expect(result.truncated).toBe(true)
    const keys = result.groups.flat()
    expect(keys).toHaveLength(MAX_GROUPED_NOTES)
    expect(new Set(keys).size).toBe(MAX_GROUPED_NOTES)
    expect(keys).not.toContain(`k${MAX_GROUPED_NOTES}`)
    // generous: the worker's budget is seconds; this records that the largest input stays small
    expect(ms).toBeLessThan(20_000)
  })

  test(`only the first ${MAX_GROUPED_TEXT} characters of a note are read`, () => {
    const late = `${'.'.repeat(MAX_GROUPED_TEXT)} vorkheftruck defect`
    const groups = grouped(['vorkheftruck defect', late, 'levertijd te kort beloofd'])
    expect(together(groups, 'vorkheftruck defect', late)).toBe(false)
    expect(groupSimilar(items(['x'.repeat(100_000), 'y'])).groups).toHaveLength(2)
  })
})

describe('merge and split decisions', () => {
  const groups = [['a', 'b'], ['c'], ['d', 'e']]
  test('merge joins the groups of its keys; split takes one key out', () => {
    expect(applyDecisions(groups, [{ kind: 'merge', keys: ['c', 'e'] }])).toEqual([
      ['a', 'b'],
      ['c', 'd', 'e'],
    ])
    expect(applyDecisions(groups, [{ kind: 'split', key: 'a' }])).toEqual([
      ['a'],
      ['b'],
      ['c'],
      ['d', 'e'],
    ])
  })
  test('decisions apply in order, and keys no group holds change nothing', () => {
    const decided = applyDecisions(groups, [
      { kind: 'merge', keys: ['a', 'd'] },
      { kind: 'split', key: 'e' },
      { kind: 'merge', keys: ['gone', 'c'] },
      { kind: 'split', key: 'gone' },
    ])
    expect(decided).toEqual([['a', 'b', 'd'], ['c'], ['e']])
  })
})
