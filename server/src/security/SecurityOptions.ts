/** What the operator can tune about the public surface; main.ts reads it from the environment. */
export interface SecurityOptions {
  /**
   * Reverse proxies in front that terminate TLS and set X-Forwarded-For/-Proto (TRUST_PROXY).
   * 0: clients connect directly; the socket's address is theirs and there is no HSTS.
   */
  readonly trustProxyHops: number
  /** CSP frame-ancestors sources (FRAME_ANCESTORS); empty means no one may frame the app. */
  readonly frameAncestors: readonly string[]
  /**
   * Origins besides PUBLIC_URL's (and the request's own host) whose pages may open `/yjs` and
   * `/socket.io` (ALLOWED_ORIGINS), e.g. `https://intranet.example`.
   */
  readonly allowedOrigins: readonly string[]
  /** When set, only requests carrying it may create workshops (CREATE_SECRET). */
  readonly createSecret?: string
  /** Workshops untouched this many days are deleted (RETENTION_DAYS); unset keeps them. */
  readonly retentionDays?: number
  /** Workshops one address may create per window. */
  readonly createLimit: number
  readonly createWindowMs: number
  /** Different unknown tokens one address may try per window before each failure is slowed. */
  readonly authFailureLimit: number
  /** Tries of one unknown token per address per window before it is answered 429. */
  readonly authRepeatLimit: number
  readonly authFailureWindowMs: number
  /** How long a guessing address's failed lookup waits before its answer. */
  readonly authPenaltyMs: number
  /** socket.io events one connection may send per second, sustained, and in one burst. */
  readonly controlEventsPerSecond: number
  readonly controlEventBurst: number
  /**
   * Open `/yjs` and `/socket.io` connections together, per address (MAX_CONNECTIONS_PER_ADDRESS)
   * and per token (MAX_CONNECTIONS_PER_TOKEN).
   */
  readonly maxConnectionsPerAddress: number
  readonly maxConnectionsPerToken: number
  /** New participants (not rejoins) per workshop and per address: sustained per second, burst. */
  readonly joinsPerSecond: number
  readonly joinBurst: number
  readonly joinsPerSecondPerAddress: number
  readonly joinBurstPerAddress: number
}

export const defaultSecurityOptions: SecurityOptions = {
  trustProxyHops: 0,
  frameAncestors: [],
  allowedOrigins: [],
  createLimit: 20,
  createWindowMs: 60 * 60 * 1000,
  // Tokens carry 192 random bits: guessing is hopeless whatever the rate (SECURITY.md); this
  // keeps it slow and loud without ever refusing a valid token.
  authFailureLimit: 10,
  // A tab reloaded on a replaced link fails twice per reload (API and control plane).
  authRepeatLimit: 6,
  authFailureWindowMs: 15 * 60 * 1000,
  authPenaltyMs: 1000,
  // A facilitator clicking through phases and timers sends a few per second at most.
  controlEventsPerSecond: 10,
  controlEventBurst: 40,
  // A classroom of 50 behind one NAT, each with a few tabs: 4 boards (and their private rooms)
  // and a control connection per tab is ~13 a person at most; the shared participant link
  // carries everyone's control connections.
  maxConnectionsPerAddress: 800,
  maxConnectionsPerToken: 1000,
  // A room of 50 joins within a minute of seeing the link; a script filled 200 in 1.4 s.
  joinsPerSecond: 2,
  joinBurst: 100,
  joinsPerSecondPerAddress: 0.5,
  joinBurstPerAddress: 60,
}
