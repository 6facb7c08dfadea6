import { z } from 'zod'
import { Role } from './Role.js'
import { withoutSchemaCompilation } from './withoutSchemaCompilation.js'

// [CSP] before this module builds a schema (the side-effect module alone is dropped by bundlers)
if (typeof (globalThis as { document?: unknown }).document !== 'undefined')
  withoutSchemaCompilation()

const id = z.string().min(1).max(64)
const coordinate = z.number().finite().min(-1e7).max(1e7)
const extent = z.number().finite().positive().max(1e7)

/**
 * Messages the server passes on without changing the session ([C32], [C34]): nothing is stored,
 * nothing waits for the workshop's queue. Answered like commands ([C3]-[C6]).
 */
export const controlRelays = {
  /**
   * [C32] The facilitator's view of a board (world coordinates of the visible rectangle), for the
   * people following them after "everyone to me".
   */
  'view:share': z.strictObject({
    boardId: id,
    x: coordinate,
    y: coordinate,
    width: extent,
    height: extent,
  }),
  /** [C34] The board this page shows (null: none); participants are counted per board. */
  'presence:board': z.strictObject({ boardId: id.nullable() }),
} as const

export type ControlRelay = keyof typeof controlRelays
export type RelayPayload<R extends ControlRelay> = z.input<(typeof controlRelays)[R]>

/** Who may send each relay message. */
export const relayRoles: Readonly<Record<ControlRelay, readonly Role[]>> = {
  'view:share': [Role.facilitator],
  'presence:board': [Role.facilitator, Role.participant, Role.observer],
}

/** [C32] The facilitator's view, as followers receive it. */
export type SharedView = z.output<(typeof controlRelays)['view:share']>

/** [C34] Who is on which board: participant ids by board id. Counts, never content. */
export interface BoardPresence {
  readonly boards: Readonly<Record<string, readonly string[]>>
}
