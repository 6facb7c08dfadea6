import { privateRoomMark } from '@sparboard/protocol'

/** What separates the participant id from the secret in a private room's key. */
const OWNER_MARK = '.'

/**
 * [H27] A participant's private-room key: their id and a secret. The id says whose room it is
 * (only their personal token opens it); the secret keeps its name unguessable all the same.
 * @example privateRoom(boardId, privateKeyOf(participantId, randomId(16)))
 */
export const privateKeyOf = (participantId: string, secret: string): string =>
  `${participantId}${OWNER_MARK}${secret}`

/**
 * [H27] Whose private room a room is: `undefined` for a board (no private room), the participant
 * id its key names, or null for a key of before [H27] that names no one (no client may open it;
 * the reveal still moves its notes).
 */
export function privateRoomOwner(roomId: string): string | null | undefined {
  const at = roomId.indexOf(privateRoomMark)
  if (at < 0) return undefined
  const key = roomId.slice(at + privateRoomMark.length)
  const dot = key.indexOf(OWNER_MARK)
  return dot > 0 ? key.slice(0, dot) : null
}
