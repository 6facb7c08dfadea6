import { Role } from '@sparboard/protocol'
import { useIdentity } from './participantIdentity.js'

/**
 * The token this page opens its board connections with. A participant uses their own ([C20]),
 * so that the server knows whose votes they cast and can cut them off when removed; until it is
 * known (not joined yet, or a replaced link not yet rejoined), null: no board connection.
 * Another role's token is the link's, once the role is known.
 */
export function useBoardToken(workshopId: string, token: string, role: Role | null): string | null {
  const identity = useIdentity(workshopId)
  const own = identity?.personalToken && identity.link === token ? identity.personalToken : null
  // A returning participant's link is known to be theirs: the board opens before the session or
  // the workshop has told the role (issue 19, the first frame); were the link replaced, the
  // server refuses the old personal token and the rejoin brings a new one.
  if (role === null) return own
  if (role !== Role.participant) return token
  return own
}
