/** Why a message or connection was refused: the `reason` label of the rejected-messages metric. */
export const RejectReason = {
  unknownToken: 'unknown_token',
  unknownBoard: 'unknown_board',
  forbidden: 'forbidden',
  malformed: 'malformed',
  protocolError: 'protocol_error',
  payloadTooLarge: 'payload_too_large',
  boardTooLarge: 'board_too_large',
  awarenessTooLarge: 'awareness_too_large',
  readOnly: 'read_only',
  boardLocked: 'board_locked',
  rateLimited: 'rate_limited',
  awarenessFlood: 'awareness_flood',
  tooManyConnections: 'too_many_connections',
  slowConsumer: 'slow_consumer',
  shuttingDown: 'shutting_down',
  boardDamaged: 'board_damaged',
  /** [H25] an update building on clocks the board never got */
  pendingUpdate: 'pending_update',
  /** [H26] a write that breaks the board's schema or limits */
  contentRefused: 'content_refused',
  /** [H27] a private room opened with a token that is not its participant's */
  notYourRoom: 'not_your_room',
} as const
export type RejectReason = (typeof RejectReason)[keyof typeof RejectReason]
