import type { BoardVersion, Phase, VersionReason } from '@sparboard/protocol'

/** A `board_versions` row without its state, as either store reads it (PostgreSQL's BIGINTs as text). */
export interface VersionRow {
  readonly id: number | string
  readonly at: number | string
  readonly reason: string
  readonly phase: string | null
  readonly notes: number
}

/** A version as the API lists it. */
export const versionOf = (row: VersionRow): BoardVersion => ({
  id: Number(row.id),
  at: Number(row.at),
  reason: row.reason as VersionReason,
  phase: row.phase as Phase | null,
  notes: row.notes,
})
