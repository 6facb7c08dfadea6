import type {
  BoardInfo,
  BoardVersion,
  CaseInfo,
  GroupInfo,
  Links,
  Phase,
  Role,
  VersionReason,
  WorkshopMethod,
} from '@sparboard/protocol'

/** A case as stored; workshops stored before `broughtBy` existed have none (read as ''). */
export type StoredCase = Omit<CaseInfo, 'broughtBy'> & { readonly broughtBy?: string }

/** A workshop as stored: everything but the board contents. */
export interface WorkshopRecord {
  readonly id: string
  readonly title: string
  readonly goals: readonly string[]
  readonly sides: readonly [string, string]
  readonly cases: readonly StoredCase[]
  readonly groups: readonly GroupInfo[]
  readonly boards: readonly BoardInfo[]
  readonly tokens: Links
  readonly createdAt: number
  /** The method's options; workshops stored before it have none (`methodOf` gives defaults). */
  readonly method?: WorkshopMethod
}

/** Who a token belongs to. */
export interface TokenGrant {
  readonly workshopId: string
  readonly role: Role
  /** Set for a participant's personal token ([C20]): the one person it speaks for. */
  readonly participantId?: string
}

/** A participant's personal token ([C20]), also while a replaced participant link suspends it. */
export interface PersonalGrant {
  readonly workshopId: string
  readonly participantId: string
  /** The participant link was replaced since it was issued: it opens nothing until a rejoin. */
  readonly suspended: boolean
}

/** A board's stored history: a snapshot (possibly empty) followed by the log since it. */
export interface StoredBoard {
  readonly updates: readonly Uint8Array[]
  /** Rows in the log after the snapshot; the hub compacts when they pile up. */
  readonly logRows: number
  readonly logBytes: number
}

/** What is kept with a version of a board, besides its state. */
export interface NewVersion {
  readonly at: number
  readonly reason: VersionReason
  readonly phase: Phase | null
  readonly notes: number
}

/**
 * Where workshops and boards live. Every implementation passes the same contract suite
 * (store/storeContract.ts). Methods are async so that network stores fit the same shape.
 */
export interface Store {
  createWorkshop(workshop: WorkshopRecord): Promise<void>
  getWorkshop(id: string): Promise<WorkshopRecord | null>
  /** Changes some of a workshop's method options; false when there is no such workshop. */
  setWorkshopMethod(workshopId: string, patch: Partial<WorkshopMethod>): Promise<boolean>
  /** The grant of a token, or null for a token that was never issued. */
  findToken(token: string): Promise<TokenGrant | null>
  /**
   * Replaces the token of one role of a workshop (the link was revoked): the old token is unknown
   * from then on, the new one grants the role, and the workshop record carries it. False when
   * there is no such workshop.
   */
  replaceToken(workshopId: string, role: Role, token: string): Promise<boolean>
  /**
   * Issues a participant's personal token ([C20]): from then on it grants the participant role as
   * that person. Replacing the participant link suspends it (`findToken` no longer knows it);
   * `resumePersonalToken` lifts that after the person rejoined through the new link. False when
   * there is no such workshop.
   */
  addPersonalToken(workshopId: string, participantId: string, token: string): Promise<boolean>
  /** Whose personal token this is, suspended or not; null for any other token. */
  findPersonalToken(token: string): Promise<PersonalGrant | null>
  /** Lets a suspended personal token grant again (its holder rejoined through the new link). */
  resumePersonalToken(token: string): Promise<void>
  /** Deletes a participant's personal tokens (they were removed); resolves with how many went. */
  deletePersonalTokens(workshopId: string, participantId: string): Promise<number>
  /** The workshop a board belongs to, or null for an unknown board. */
  findBoardWorkshop(boardId: string): Promise<string | null>
  loadBoard(boardId: string): Promise<StoredBoard>
  /**
   * The same, read where it cannot hold the event loop, for a store whose reads are synchronous
   * (the embedded SQLite file reads on a thread of its own); exports read boards this way.
   */
  loadBoardOffThread?(boardId: string): Promise<StoredBoard>
  /** Appends updates durably, in order, in one transaction. */
  appendUpdates(boardId: string, updates: readonly Uint8Array[]): Promise<void>
  /**
   * The same, synchronously, for a store that can (the embedded SQLite file): stored once it
   * returns, thrown when not. The hub then relays an update in the task that received it ([H3]).
   */
  appendUpdatesNow?(boardId: string, updates: readonly Uint8Array[]): void
  /**
   * Runs `work` (appends of several boards) in one transaction, synchronously, where the store
   * appends synchronously: committed once it returns, rolled back and thrown when not.
   */
  transactionNow?(work: () => void): void
  /** Replaces a board's snapshot and log with one snapshot, atomically. */
  compactBoard(boardId: string, snapshot: Uint8Array): Promise<void>
  /**
   * Registers Yjs rooms of a workshop that are not among its boards (an author's private writing
   * room), so the hub serves them to the workshop's tokens. Idempotent.
   */
  addRooms(workshopId: string, roomIds: readonly string[]): Promise<void>
  /** The private writing rooms of a workshop (`privateRoom(boardId, key)`), in id order. */
  privateRooms(workshopId: string): Promise<string[]>
  /** The control plane's session state of a workshop (JSON), or null before the first change. */
  getSession(workshopId: string): Promise<unknown>
  /** Replaces a workshop's session state; `session` must be JSON-serialisable. */
  saveSession(workshopId: string, session: unknown): Promise<void>
  /**
   * Appends a facilitator's merge or split of recurring frictions (JSON) to a workshop's list, in
   * one statement, unless the list holds `limit` already or there is no such workshop (false).
   */
  addRecurringDecision(workshopId: string, decision: unknown, limit: number): Promise<boolean>
  /** A workshop's recurring-friction decisions, in the order they were taken. */
  recurringDecisions(workshopId: string): Promise<unknown[]>
  /** Workshops whose stored session says `revealPending: true`: a reveal not yet finished ([C19]). */
  pendingReveals(): Promise<string[]>
  /**
   * Keeps a version of a board: its whole state (`Y.encodeStateAsUpdate`) and what it was. With
   * `unlessSince`, keeps nothing and resolves null when the board already has a version of the
   * same reason taken at or after that time (two nodes may both see a board's activity).
   */
  saveVersion(
    boardId: string,
    version: NewVersion,
    state: Uint8Array,
    unlessSince?: number,
  ): Promise<BoardVersion | null>
  /** A board's versions without their state, newest first. */
  listVersions(boardId: string): Promise<BoardVersion[]>
  /** The state of one version of a board; null when the board has no version of that id. */
  loadVersion(boardId: string, versionId: number): Promise<Uint8Array | null>
  /** Deletes versions of a board; resolves with how many went. */
  deleteVersions(boardId: string, versionIds: readonly number[]): Promise<number>
  /** Deletes every board's versions taken before `at` (RETENTION_DAYS); resolves with how many. */
  deleteVersionsBefore(at: number): Promise<number>
  /** Deletes a workshop with its tokens and boards; false when there was none. */
  deleteWorkshop(id: string): Promise<boolean>
  /** Records activity on a workshop (an API call or a board update) for the retention period. */
  touchWorkshop(id: string, at: number): Promise<void>
  /** Workshops with no activity (or creation) since `before`, oldest first. */
  staleWorkshops(before: number): Promise<string[]>
  close(): Promise<void>
}

/**
 * A board as stored, read where it cannot hold the event loop when the store can
 * (`loadBoardOffThread`), else as the store reads it: for room loads and exports ([E1]).
 */
export const readStoredBoard = (store: Store, boardId: string): Promise<StoredBoard> =>
  store.loadBoardOffThread?.(boardId) ?? store.loadBoard(boardId)
