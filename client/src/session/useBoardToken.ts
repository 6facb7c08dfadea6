import { Role } from '@sparboard/protocol'
import { useIdentity } from './participantIdentity.js'

/**
 * The token this page opens its board connections with. A participant uses their own ([C20]),
 * so that the server knows whose votes they cast and can cut them off when removed; until it is
 * known (not joined yet, or a replaced link not yet rejoined), null: no board connection.
 */
export function useBoardToken(workshopId: string, token: string, role: Role | null): string | null {
  const identity = useIdentity(workshopId)
  if (role === null) return null
  if (role !== Role.participant) return token
  return identity?.personalToken && identity.link === token ? identity.personalToken : null
}
