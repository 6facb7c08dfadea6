/**
 * WebSocket close codes used on `/yjs/<boardId>`, after the upgrade was accepted (see the
 * hub's SPEC.md, whose table gives the rule behind each code). The stock y-websocket 3.x client
 * stops reconnecting on 4400-4499 ("retrying cannot fix this")
 * and retries on everything else, 4500-4599 meaning "try again later".
 */
export const CloseCode = {
  /** The token is unknown (never issued, revoked, or its workshop was deleted). */
  unknownToken: 4401,
  /** The token is valid but not for this board. */
  forbidden: 4403,
  /** The board does not exist. */
  unknownBoard: 4404,
  /** A message could not be decoded or would corrupt the board. */
  badMessage: 4400,
  /** A message or the board would exceed a size limit. */
  tooLarge: 4413,
  /** The connection sent faster than its rate limit allows. */
  rateLimited: 4429,
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
