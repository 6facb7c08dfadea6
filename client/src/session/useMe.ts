import { useIdentity, type ParticipantIdentity } from './participantIdentity.js'
import { useSession } from './useSession.js'

/** Who this browser is in a workshop's session, and in which group. */
export interface Me {
  /** The identity this browser keeps, even one the facilitator removed. */
  readonly stored: ParticipantIdentity | null
  /** The facilitator took this participant off the roster: they are a newcomer again. */
  readonly removed: boolean
  /** The identity, unless removed. */
  readonly me: ParticipantIdentity | null
  /** Their group's id; null in none yet, undefined while the roster does not list them. */
  readonly groupId: string | null | undefined
}

/** This browser's place in the session: the session bar and the workshop page show it. */
export function useMe(workshopId: string, token: string): Me {
  const { state } = useSession(token)
  const stored = useIdentity(workshopId)
  const removed = stored !== null && (state?.removed.includes(stored.id) ?? false)
  const me = removed ? null : stored
  const groupId = me ? state?.participants.find((p) => p.id === me.id)?.groupId : null
  return { stored, removed, me, groupId }
}
