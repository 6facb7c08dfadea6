/** What separates a board id from an author's key in a private room's name. */
export const privateRoomMark = '~p~'

/**
 * The Yjs room of one author's private notes on a board (see docs/private-writing.md). The key
 * is handed to the author alone, in the ack of `session:join`: the room's name is the capability,
 * as participant links are shared and participant ids are public.
 * @example new WebsocketProvider(url, privateRoom(boardId, me.privateKey), doc, { params: { token } })
 */
export const privateRoom = (boardId: string, privateKey: string): string =>
  `${boardId}${privateRoomMark}${privateKey}`

/** The board a Yjs room belongs to: the board itself, or the board of a private room. */
export const boardOfRoom = (roomId: string): string => roomId.split(privateRoomMark)[0] ?? roomId
