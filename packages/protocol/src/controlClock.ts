/**
 * The server's clock minus ours, from one `clock:sync` round trip: the server read its clock
 * about half-way through, so a round trip's delay is split evenly.
 * @example const offset = clockOffset(sentAt, ack.serverTime, Date.now()); serverNow = Date.now() + offset
 */
export function clockOffset(sentAt: number, serverTime: number, receivedAt: number): number {
  return serverTime + (receivedAt - sentAt) / 2 - receivedAt
}
