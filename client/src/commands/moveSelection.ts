import { moveNotes, type ClusterId, type Rect } from '@sparboard/board-model'
import type { Command, KeyBinding } from './Command.js'
import { followNotes } from './follow.js'

type Move = {
  readonly dx: number
  readonly dy: number
  /** A drop: clusters whose names the notes do not land on (they go below, [L6]). */
  readonly clearOf?: readonly { readonly id: ClusterId; readonly label: Rect }[]
}

const STEP = 10
const FAR = 100

const arrow = (key: string, x: number, y: number): KeyBinding<Move>[] => [
  { key, shift: false, arg: { dx: x * STEP, dy: y * STEP } },
  { key, shift: true, arg: { dx: x * FAR, dy: y * FAR }, alias: true },
]

/**
 * Moves the selected notes, each into the zone it lands in, as one undo step: keys and drags. The
 * view follows them, so a note moved by keys never leaves it.
 */
export const moveSelection: Command<Move> = {
  id: 'move',
  label: { en: 'Move', nl: 'Verschuiven' },
  hint: { en: 'Move the selection (Shift: further)', nl: 'Selectie verschuiven (Shift: verder)' },
  keys: [
    ...arrow('ArrowLeft', -1, 0),
    ...arrow('ArrowUp', 0, -1),
    ...arrow('ArrowRight', 1, 0),
    ...arrow('ArrowDown', 0, 1),
  ],
  available: (ctx) => ctx.canWrite && ctx.selected.size > 0,
  run(ctx, by) {
    if (!ctx.author || !by) return
    // A cluster moved whole takes its name along: that name is not in the way.
    const clusters = ctx.view.board.clusters
    const whole = (id: ClusterId) =>
      clusters.find((c) => c.id === id)?.noteIds.every((n) => ctx.selected.has(n)) ?? false
    const labels = (by.clearOf ?? []).filter((c) => !whole(c.id)).map((c) => c.label)
    moveNotes(ctx.author.doc, [...ctx.selected], by, ctx.author.origin, labels)
    followNotes(ctx, ctx.selected)
  },
}
