import type { TokenGrant } from '../store/Store.js'
import { addressKey } from './clientAddress.js'

/** Releases what `ConnectionCaps` counted; calling it again does nothing. */
export type Release = () => void

/** Who a grant's connections count under: a link's token by its role, a personal one by person. */
const tokenKey = (grant: TokenGrant) => `${grant.workshopId}/${grant.participantId ?? grant.role}`

/**
 * Counts open `/yjs` and `/socket.io` connections per address and per token, the two together,
 * and refuses one past either cap. Only connections that were let in count, so a flood of
 * unknown tokens (closed at once anyway) never takes a classroom's places.
 */
export class ConnectionCaps {
  private readonly byAddress = new Map<string, number>()
  private readonly byToken = new Map<string, number>()

  constructor(
    private readonly perAddress: number,
    private readonly perToken: number,
  ) {}

  /** Counts a connection under its address; null (nothing counted) when the address is full. */
  openAddress(address: string): Release | null {
    return count(this.byAddress, addressKey(address), this.perAddress)
  }

  /** Counts a connection under its token; null (nothing counted) when the token is full. */
  openToken(grant: TokenGrant): Release | null {
    return count(this.byToken, tokenKey(grant), this.perToken)
  }

  /** Counts a connection under both; null (nothing counted) when either is full. */
  open(address: string, grant: TokenGrant): Release | null {
    const byAddress = this.openAddress(address)
    if (!byAddress) return null
    const byToken = this.openToken(grant)
    if (!byToken) {
      byAddress()
      return null
    }
    return () => {
      byAddress()
      byToken()
    }
  }
}

function count(counts: Map<string, number>, key: string, cap: number): Release | null {
  const open = counts.get(key) ?? 0
  if (open >= cap) return null
  counts.set(key, open + 1)
  let released = false
  return () => {
    if (released) return
    released = true
    const left = (counts.get(key) ?? 1) - 1
    if (left <= 0) counts.delete(key)
    else counts.set(key, left)
  }
}
