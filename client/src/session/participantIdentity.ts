const key = (workshopId: string) => `sparboard.participant.${workshopId}`

/** The participant id the server gave this browser in a workshop, so a rejoin keeps the group. */
export interface ParticipantIdentity {
  readonly id: string
  readonly name: string
  readonly side: 0 | 1 | 'other'
  /** The key to this participant's private writing rooms (see docs/private-writing.md). */
  readonly privateKey?: string
}

export function loadIdentity(workshopId: string): ParticipantIdentity | null {
  try {
    const raw = localStorage.getItem(key(workshopId))
    return raw ? (JSON.parse(raw) as ParticipantIdentity) : null
  } catch {
    return null
  }
}

export function saveIdentity(workshopId: string, identity: ParticipantIdentity): void {
  localStorage.setItem(key(workshopId), JSON.stringify(identity))
}
