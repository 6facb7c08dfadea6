/** What the operator can tune about the public surface; main.ts reads it from the environment. */
export interface SecurityOptions {
  /**
   * Reverse proxies in front that terminate TLS and set X-Forwarded-For/-Proto (TRUST_PROXY).
   * 0: clients connect directly; the socket's address is theirs and there is no HSTS.
   */
  readonly trustProxyHops: number
  /** CSP frame-ancestors sources (FRAME_ANCESTORS); empty means no one may frame the app. */
  readonly frameAncestors: readonly string[]
  /** When set, only requests carrying it may create workshops (CREATE_SECRET). */
  readonly createSecret?: string
  /** Workshops untouched this many days are deleted (RETENTION_DAYS); unset keeps them. */
  readonly retentionDays?: number
  /** Workshops one address may create per window. */
  readonly createLimit: number
  readonly createWindowMs: number
  /** Failed token lookups one address may make per window before it is throttled. */
  readonly authFailureLimit: number
  readonly authFailureWindowMs: number
  /** socket.io events one connection may send per second, sustained, and in one burst. */
  readonly controlEventsPerSecond: number
  readonly controlEventBurst: number
}

export const defaultSecurityOptions: SecurityOptions = {
  trustProxyHops: 0,
  frameAncestors: [],
  createLimit: 20,
  createWindowMs: 60 * 60 * 1000,
  // Tokens carry 192 random bits, so guessing is hopeless anyway; this keeps it slow and loud.
  authFailureLimit: 10,
  authFailureWindowMs: 15 * 60 * 1000,
  // A facilitator clicking through phases and timers sends a few per second at most.
  controlEventsPerSecond: 10,
  controlEventBurst: 40,
}
