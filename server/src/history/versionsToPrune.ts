import type { BoardVersion } from '@sparboard/protocol'

/** How many versions of a board are kept (see `versionsToPrune`). */
export interface VersionBounds {
  /** The newest this many are always kept. */
  readonly keep: number
  /** Versions taken before this time go whatever else holds (RETENTION_DAYS); none when unset. */
  readonly before?: number
}

/**
 * Which versions of a board go: every one older than `before`, and beyond the newest `keep` all
 * but the newest of each phase, so the board as each phase left it stays restorable however busy
 * the board was since. `versions` newest first, as the store lists them.
 */
export function versionsToPrune(
  versions: readonly BoardVersion[],
  bounds: VersionBounds,
): number[] {
  const phasesSeen = new Set<string | null>()
  const gone: number[] = []
  versions.forEach((version, index) => {
    const newestOfPhase = !phasesSeen.has(version.phase)
    phasesSeen.add(version.phase)
    const expired = bounds.before !== undefined && version.at < bounds.before
    if (expired || (index >= bounds.keep && !newestOfPhase)) gone.push(version.id)
  })
  return gone
}
