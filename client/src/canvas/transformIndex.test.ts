import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { transformIndex, type DeltaOp } from './transformIndex.js'

/** Applies a remote edit to a Y.Text and returns its delta, as the editor's observer sees it. */
function remoteEdit(initial: string, edit: (t: Y.Text) => void): readonly DeltaOp[] {
  const doc = new Y.Doc()
  const text = doc.getText('t')
  text.insert(0, initial)
  let delta: readonly DeltaOp[] = []
  text.observe((e) => (delta = e.delta as DeltaOp[]))
  edit(text)
  return delta
}

describe('transformIndex: my caret stays on the character I was typing at', () => {
  it('moves right by what someone inserted before it', () => {
    expect(
      transformIndex(
        5,
        remoteEdit('hello world', (t) => t.insert(0, '>> ')),
      ),
    ).toBe(8)
  })
  it('stays when someone types after it', () => {
    expect(
      transformIndex(
        5,
        remoteEdit('hello world', (t) => t.insert(8, 'XYZ')),
      ),
    ).toBe(5)
  })
  it('stays in front of an insert exactly at it', () => {
    expect(
      transformIndex(
        5,
        remoteEdit('hello world', (t) => t.insert(5, ',')),
      ),
    ).toBe(5)
  })
  it('moves left by what someone deleted before it, and to the cut when the delete spans it', () => {
    expect(
      transformIndex(
        8,
        remoteEdit('hello world', (t) => t.delete(0, 6)),
      ),
    ).toBe(2)
    expect(
      transformIndex(
        4,
        remoteEdit('hello world', (t) => t.delete(2, 6)),
      ),
    ).toBe(2)
  })
})
