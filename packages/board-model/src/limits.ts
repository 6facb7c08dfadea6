/** Limits that the model enforces and the server checks on incoming updates. */
export const NoteLimits = {
  /** Characters in one note's text. */
  maxTextLength: 2000,
  /** Characters in an author name. */
  maxAuthorLength: 80,
  /** World coordinates are kept within this distance of the origin. */
  maxCoordinate: 100_000,
  /** Characters in a cluster's name. */
  maxClusterName: 80,
  /** Characters in an agreement's text. */
  maxAgreementText: 2000,
  /** Characters in an agreement's owner. */
  maxOwnerLength: 80,
  /** Notes in one add (paste, duplicate). */
  maxBatch: 500,
  /** Links from one solution or position to the interests it serves. */
  maxLinksPerNote: 12,
} as const
