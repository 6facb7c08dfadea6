/** One op of a Y.Text change, as in `YTextEvent.delta`. */
export interface DeltaOp {
  readonly insert?: string | object
  readonly delete?: number
  readonly retain?: number
}

/**
 * Where a position in the text before a change lands after it. An insert exactly at the
 * position leaves it in front of the inserted text, so a remote insert at my caret does not
 * move my caret.
 */
export function transformIndex(index: number, delta: readonly DeltaOp[]): number {
  let oldPos = 0
  let result = index
  for (const op of delta) {
    if (op.retain !== undefined) {
      oldPos += op.retain
    } else if (op.insert !== undefined) {
      if (oldPos < index) result += typeof op.insert === 'string' ? op.insert.length : 1
    } else if (op.delete !== undefined) {
      if (oldPos < index) result -= Math.min(op.delete, index - oldPos)
      oldPos += op.delete
    }
  }
  return result
}
