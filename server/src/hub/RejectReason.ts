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
  awarenessSpoof: 'awareness_spoof',
  awarenessTaken: 'awareness_taken',
  readOnly: 'read_only',
  boardLocked: 'board_locked',
  rateLimited: 'rate_limited',
  slowConsumer: 'slow_consumer',
  shuttingDown: 'shutting_down',
} as const
export type RejectReason = (typeof RejectReason)[keyof typeof RejectReason]
