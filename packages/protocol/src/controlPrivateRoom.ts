/**
 * The Yjs room of one author's private notes on a board (see docs/private-writing.md). The key
 * is handed to the author alone, in the ack of `session:join`: the room's name is the capability,
 * as participant links are shared and participant ids are public.
 * @example new WebsocketProvider(url, privateRoom(boardId, me.privateKey), doc, { params: { token } })
 */
export const privateRoom = (boardId: string, privateKey: string): string =>
  `${boardId}~p~${privateKey}`

/** The board a Yjs room belongs to: the board itself, or the board of a private room. */
export const boardOfRoom = (roomId: string): string => roomId.split('~p~')[0] ?? roomId
