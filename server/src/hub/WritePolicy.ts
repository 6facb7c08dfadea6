import type { Role } from '@sparboard/protocol'

/** [H18] A rule on writes beyond the role, injected by the server (e.g. board locks). */
export interface WritePolicy {
  /** Runs before a connection joins, so that `allows` can answer without waiting. */
  prepare(workshopId: string): Promise<void>
  /** Asked for every write; false drops it like an observer's ([H5]). */
  allows(workshopId: string, boardId: string, role: Role): boolean
}
