/**
 * WebSocket close codes used on `/yjs/<boardId>`, after the upgrade was accepted (see the
 * hub's SPEC.md, whose table gives the rule behind each code). The stock y-websocket 3.x client
 * stops reconnecting on 4400-4499 ("retrying cannot fix this")
 * and retries on everything else, 4500-4599 meaning "try again later".
 */
export const CloseCode = {
  /** The token is unknown (never issued, revoked, or its workshop was deleted). */
  unknownToken: 4401,
  /** The token is valid but not for this board, or a private room not its participant's ([H27]). */
  forbidden: 4403,
  /** The board does not exist. */
  unknownBoard: 4404,
  /** A message could not be decoded, or an update builds on what never came or breaks the schema. */
  badMessage: 4400,
  /** A message or the board would exceed a size limit. */
  tooLarge: 4413,
  /**
   * The board's stored data is damaged (it cannot be read, or a stored update does not apply):
   * retrying cannot fix it; the facilitator restores a version, or the operator a backup.
   */
  boardDamaged: 4422,
  /** The connection sent faster than its rate limit allows, or flooded awareness. */
  rateLimited: 4429,
  /**
   * Too many open connections from this address or with this token; retry later (the stock
   * client does, with its backoff).
   */
  tooManyConnections: 4529,
  /** The connection did not read fast enough; its send buffer passed the limit. Retry. */
  slowConsumer: 4508,
  /** The client wrote while the board was locked; its later writes need a fresh sync. Retry. */
  resync: 4509,
  /** The server is shutting down; the client may reconnect elsewhere. */
  goingAway: 1001,
  /** A frame was larger than the server's maxPayload (set by the WebSocket layer). Retry. */
  messageTooBig: 1009,
  /** The server failed; the client may reconnect. */
  internalError: 1011,
} as const
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode]
