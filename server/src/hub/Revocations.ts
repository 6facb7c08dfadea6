import type { Role } from '@sparboard/protocol'

/** What a token lookup found: the workshop, role and (for a personal token) participant. */
export interface RevocableGrant {
  readonly workshopId: string
  readonly role: Role
  readonly participantId?: string
}

const roleKey = (workshopId: string, role: Role) => `${workshopId}\u0000${role}`
const participantKey = (workshopId: string, participantId: string) =>
  `${workshopId}\u0000participant\u0000${participantId}`

/**
 * [H19] Revocations the hub heard of while connections were still being let in. A token lookup
 * that was under way when its link was replaced (or its person removed) can still answer with the
 * old grant; comparing with the mark taken before the lookup catches it without waiting.
 */
export class Revocations {
  private clock = 0
  private readonly at = new Map<string, number>()
  private admitting = 0

  /** Starts letting a connection in; the mark to compare with before it joins its room. */
  begin(): number {
    this.admitting++
    return this.clock
  }

  /** Done letting that connection in (joined or refused). */
  end(): void {
    // Only connections still being let in compare with old marks; the rest is closed by grant.
    if (--this.admitting === 0) this.at.clear()
  }

  revokeRole(workshopId: string, role: Role): void {
    this.at.set(roleKey(workshopId, role), ++this.clock)
  }

  revokeParticipant(workshopId: string, participantId: string): void {
    this.at.set(participantKey(workshopId, participantId), ++this.clock)
  }

  /** Whether a grant found after `mark` was taken has been revoked since. */
  revokedSince(grant: RevocableGrant, mark: number): boolean {
    const role = this.at.get(roleKey(grant.workshopId, grant.role)) ?? 0
    const person = grant.participantId
      ? (this.at.get(participantKey(grant.workshopId, grant.participantId)) ?? 0)
      : 0
    return Math.max(role, person) > mark
  }
}
