import type { Phase } from './controlPhases.js'

/** Why the server kept a version of a board. */
export const VersionReason = {
  /** The facilitator moved the workshop to another phase; the board as that phase left it. */
  phase: 'phase',
  /** A few minutes of edits on the board. */
  activity: 'activity',
  /** The board right before the facilitator restored another version (restoring it undoes that). */
  restore: 'restore',
} as const
export type VersionReason = (typeof VersionReason)[keyof typeof VersionReason]

/** One kept version of a board, as `GET /api/boards/:id/versions` lists it. */
export interface BoardVersion {
  readonly id: number
  /** When it was taken, in milliseconds since the epoch. */
  readonly at: number
  readonly reason: VersionReason
  /** The phase the board's content was made in (for `phase`, the phase that ended); null before the agenda ran. */
  readonly phase: Phase | null
  /** How many notes the board held. */
  readonly notes: number
}

/** What the versions list answers: newest first. */
export interface BoardVersionList {
  readonly versions: readonly BoardVersion[]
}

/** What a restore answers: the version restored, and the one kept of the board right before it. */
export interface RestoredVersion {
  readonly restored: BoardVersion
  readonly before: BoardVersion
}

/** Path of a board's versions: `GET` lists them (facilitator token only). */
export const versionsPath = (boardId: string) =>
  `/api/boards/${encodeURIComponent(boardId)}/versions`

/** Path that restores one version: `POST` (facilitator token only). */
export const restorePath = (boardId: string, versionId: number) =>
  `${versionsPath(boardId)}/${versionId}/restore`
