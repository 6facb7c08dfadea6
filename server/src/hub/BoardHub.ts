import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import type { Logger } from 'pino'
import { boardOfRoom, Role } from '@sparboard/protocol'
import { WebSocketServer } from 'ws'
import type * as Y from 'yjs'
import { CloseCode } from '@sparboard/protocol'
import type { Metrics } from '../metrics.js'
import { isDataDamage } from '../store/isDataDamage.js'
import type { Store } from '../store/Store.js'
import { BoardConnection, CLOSE_GRACE_MS, closeSocket } from './BoardConnection.js'
import { StoreBoardLogs, type BoardLogSource } from './BoardLog.js'
import { BoardRoom, type RoomLimits } from './BoardRoom.js'
import type { ContentRule } from './ContentRule.js'
import type { RejectReason } from './RejectReason.js'
import { HubSocket, type HubSockets, type RateLimits } from './HubSocket.js'
import { Revocations } from './Revocations.js'
import { privateRoomOwner } from './privateRoomOwner.js'
import { RoomChangeError, ServerPeer } from './ServerPeer.js'
import type { WritePolicy } from './WritePolicy.js'

/** Options of the Yjs endpoint; SPEC.md gives the rule each one serves. */
export interface BoardHubOptions extends RoomLimits, RateLimits {
  readonly maxPayloadBytes: number
  readonly maxBufferedBytes: number
  readonly heartbeatMs: number
  /** [H18] Who may write beyond the role; the hub knows nothing of sessions or locks. */
  readonly writePolicy?: WritePolicy
  /** [H21] What a connection may change in a board's content (votes); the rest is undone. */
  readonly contentRule?: ContentRule
}

export const PATH_PREFIX = '/yjs/'

/** The `/yjs/<boardId>` endpoint: authenticates, opens rooms and hands frames to them. */
export class BoardHub {
  private readonly wss: WebSocketServer
  private readonly rooms = new Map<string, Promise<BoardRoom>>()
  private readonly sockets: HubSockets
  private readonly heartbeat: NodeJS.Timeout
  private readonly revocations = new Revocations()
  /** [H22] Boards whose stored data could not be read or applied at their last load, and why. */
  private readonly damaged = new Map<string, string>()
  private closing = false
  /** One listener for every socket: a closure per upgrade would keep its board id and token. */
  private readonly onUpgradeError = (err: Error) => this.log.debug({ err }, 'upgrade socket error')
  private readonly countReject = (reason: RejectReason) => this.metrics.rejected.inc({ reason })

  constructor(
    private readonly store: Store,
    private readonly options: BoardHubOptions,
    private readonly metrics: Metrics,
    private readonly log: Logger,
    /** Where boards are loaded from and written to; the store itself unless scale-out says. */
    private readonly boardLogs: BoardLogSource = new StoreBoardLogs(store),
  ) {
    // No clientTracking: `sockets` already tracks them, and ws would add a closure per socket.
    this.wss = new WebSocketServer({
      noServer: true,
      maxPayload: options.maxPayloadBytes,
      clientTracking: false,
    })
    this.sockets = { open: new Set(), limits: options, metrics, log }
    this.heartbeat = setInterval(() => this.ping(), options.heartbeatMs)
    this.heartbeat.unref()
  }

  /**
   * Takes an HTTP upgrade if it is for `/yjs/`; returns false to leave it to others. `workshopId`
   * is the workshop its token opens, as the upgrade guard found it (null: none), so that deleting
   * that workshop closes the connection however far it got ([H19]). With `refuse` the upgrade is
   * accepted only to be closed with that code ([H23]: a connection cap).
   */
  handleUpgrade(
    req: IncomingMessage,
    socket: Duplex,
    head: Buffer,
    workshopId: string | null = null,
    refuse?: typeof CloseCode.tooManyConnections,
  ): boolean {
    const url = new URL(req.url ?? '/', 'http://localhost')
    if (!url.pathname.startsWith(PATH_PREFIX)) return false
    socket.on('error', this.onUpgradeError)
    if (this.closing) {
      socket.destroy()
      return true
    }
    let boardId: string
    try {
      boardId = decodeURIComponent(url.pathname.slice(PATH_PREFIX.length))
    } catch {
      boardId = ''
    }
    const token = url.searchParams.get('token') ?? ''
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      const accepted = new HubSocket(ws, boardId, workshopId, this.sockets)
      if (refuse) accepted.refuse(refuse, 'too_many_connections')
      else void this.accept(accepted, token)
    })
    return true
  }

  private async accept(socket: HubSocket, token: string): Promise<void> {
    const { ws, boardId } = socket
    const mark = this.revocations.begin()
    try {
      // [H11] accept the upgrade, then close with a code the stock client will not retry
      const grant = token ? await this.store.findToken(token) : null
      if (!grant) return socket.refuse(CloseCode.unknownToken, 'unknown_token')
      socket.grant = grant
      const workshopId = await this.store.findBoardWorkshop(boardId)
      if (workshopId === null) return socket.refuse(CloseCode.unknownBoard, 'unknown_board')
      if (workshopId !== grant.workshopId) return socket.refuse(CloseCode.forbidden, 'forbidden')
      // [H27] a private room opens to its participant's own token only
      const owner = privateRoomOwner(boardId)
      if (owner !== undefined && (owner === null || grant.participantId !== owner))
        return socket.refuse(CloseCode.forbidden, 'not_your_room')
      const joining = new BoardConnection(
        ws,
        grant.role,
        this.options.maxBufferedBytes,
        this.countReject,
      )
      joining.workshopId = grant.workshopId
      joining.participantId = grant.participantId ?? null
      const policy = this.options.writePolicy
      if (policy) {
        await policy.prepare(grant.workshopId)
        joining.writePolicy = policy
      }
      await this.options.contentRule?.prepare(grant.workshopId)
      let room: BoardRoom | null = null
      // [H10] a board that is unloading is waited for, then loaded again with all it stored
      while (!this.closing && ws.readyState === ws.OPEN) {
        const candidate = await this.acquire(boardId)
        // [H19] its link was replaced, or its person removed, while it was being let in
        if (this.revocations.revokedSince(grant, mark)) {
          if (candidate.size === 0) void candidate.unload()
          return socket.refuse(CloseCode.unknownToken, 'unknown_token')
        }
        if (candidate.damaged) {
          if (candidate.size === 0) void candidate.unload()
          return socket.refuse(CloseCode.boardDamaged, 'board_damaged')
        }
        if (candidate.join(joining)) {
          room = candidate
          break
        }
        await candidate.unloaded
      }
      if (!room) {
        if (this.closing) socket.refuse(CloseCode.goingAway, 'shutting_down')
        return
      }
      if (ws.readyState !== ws.OPEN) return room.leave(joining)
      socket.joined(room, joining)
    } catch (err) {
      this.log.error({ err, board: boardId }, 'could not open board')
      // [H22] a board whose stored data cannot be read is not retried forever
      if (isDataDamage(err)) socket.refuse(CloseCode.boardDamaged, 'board_damaged')
      else closeSocket(ws, CloseCode.internalError, 'could not open board')
    } finally {
      this.revocations.end()
    }
  }

  /** The open room of a board, loading it once however many clients ask at once ([H2]). */
  private acquire(boardId: string): Promise<BoardRoom> {
    const open = this.rooms.get(boardId)
    if (open) return open
    const loading: Promise<BoardRoom> = BoardRoom.load(boardId, {
      boardLogs: this.boardLogs,
      limits: this.options,
      metrics: this.metrics,
      log: this.log,
      contentRule: this.options.contentRule,
      onUnloaded: () => {
        if (this.rooms.get(boardId) === loading) this.rooms.delete(boardId)
        this.metrics.boardsOpen.dec()
      },
    }).then((room) => {
      this.metrics.boardsOpen.inc()
      if (!room.damaged) this.damaged.delete(boardId)
      else this.damaged.set(boardId, room.damaged)
      return room
    })
    loading.catch((err: unknown) => {
      if (this.rooms.get(boardId) === loading) this.rooms.delete(boardId)
      if (isDataDamage(err)) this.damaged.set(boardId, String((err as Error).message))
    })
    this.rooms.set(boardId, loading)
    return loading
  }

  private ping(): void {
    for (const socket of this.sockets.open) {
      if (!socket.alive) {
        socket.ws.terminate()
        continue
      }
      socket.alive = false
      socket.ws.ping()
    }
  }

  /** The live document of an open board, or null (exports read it; never write to it). */
  async liveDoc(boardId: string): Promise<Y.Doc | null> {
    const room = await this.rooms.get(boardId)?.catch(() => null)
    return room && !room.closing ? room.doc : null
  }

  /**
   * [H20] Changes a board or private room from the server, by the rules of a client's write: the
   * room is opened if no client has it (one load shared with joining clients), `change` runs on
   * a copy that holds all the room stored, and what it wrote lands as one update with the
   * server's origin through the write-ahead queue (size limit, stored before relayed, relayed at
   * once). Resolves with what `change` returned once that is stored; the room unloads after if
   * no client holds it. Rejects with a `RoomChangeError` when the room refuses or closes first.
   * @example await hub.changeBoard(boardId, (doc) => addNotes(doc, notes, serverOrigin))
   */
  async changeBoard<T>(roomId: string, change: (doc: Y.Doc) => T): Promise<T> {
    if (this.closing) throw new RoomChangeError(CloseCode.goingAway, 'shutting down')
    // An unknown room would load as empty and then fail every append.
    if ((await this.store.findBoardWorkshop(roomId)) === null)
      throw new RoomChangeError(CloseCode.unknownBoard, 'unknown board')
    let room: BoardRoom | null = null
    const peer = new ServerPeer((frame) => room?.receive(conn, frame))
    const conn = new BoardConnection(peer, Role.facilitator, Infinity)
    try {
      // [H10] as for a client: a room that is unloading is waited for, then loaded again
      while (!room) {
        if (this.closing) throw new RoomChangeError(CloseCode.goingAway, 'shutting down')
        const candidate = await this.acquire(roomId)
        if (candidate.join(conn)) room = candidate
        else await candidate.unloaded
      }
      await peer.sync()
      const { result, wrote } = peer.write(change)
      if (wrote) await peer.sync()
      return result
    } finally {
      room?.leave(conn)
      peer.destroy()
    }
  }

  /**
   * Closes every connection with a code the stock client retries (a store outage): rooms unload,
   * and clients show "reconnecting" until the service is back.
   */
  disconnectAll(code: number, reason: string): void {
    for (const { ws } of this.sockets.open) closeSocket(ws, code, reason)
  }

  /**
   * [H19] Closes every connection opened with a role's token of a workshop (its link was replaced)
   * with 4401, personal tokens of that role included, and those still being let in.
   */
  closeRole(workshopId: string, role: Role): number {
    this.revocations.revokeRole(workshopId, role)
    return this.closeWhere(
      ({ grant }) => grant?.workshopId === workshopId && grant.role === role,
      'link replaced',
    )
  }

  /** [H19] Closes a removed participant's connections (their personal tokens) with 4401. */
  closeParticipant(workshopId: string, participantId: string): number {
    this.revocations.revokeParticipant(workshopId, participantId)
    return this.closeWhere(
      ({ grant }) => grant?.workshopId === workshopId && grant.participantId === participantId,
      'participant removed',
    )
  }

  /**
   * [H19] Closes every connection whose token opens a deleted workshop with 4401, from the moment
   * its upgrade was let through (those still being let in too).
   */
  closeWorkshop(workshopId: string): number {
    return this.closeWhere((socket) => socket.workshopId === workshopId, 'workshop deleted')
  }

  private closeWhere(match: (socket: HubSocket) => boolean, reason: string): number {
    let closed = 0
    for (const socket of this.sockets.open) {
      if (!match(socket)) continue
      closeSocket(socket.ws, CloseCode.unknownToken, reason)
      closed++
    }
    return closed
  }

  /** [H22] Boards found damaged at their last load on this node, with what was wrong. */
  damagedBoards(): ReadonlyMap<string, string> {
    return this.damaged
  }

  /** [H22] The boards (and their private rooms) are gone with their workshop: no longer listed. */
  forgetDamaged(boardIds: readonly string[]): void {
    const gone = new Set(boardIds)
    for (const roomId of this.damaged.keys())
      if (gone.has(boardOfRoom(roomId))) this.damaged.delete(roomId)
  }

  /** Number of boards in memory. */
  get openBoards(): number {
    return this.rooms.size
  }

  /** [H15] stops accepting, closes every connection (1001), flushes and compacts every board. */
  async close(): Promise<void> {
    this.closing = true
    clearInterval(this.heartbeat)
    const rooms = await Promise.allSettled([...this.rooms.values()])
    await Promise.all(rooms.map((r) => (r.status === 'fulfilled' ? r.value.unload() : undefined)))
    for (const { ws } of this.sockets.open)
      closeSocket(ws, CloseCode.goingAway, 'server shutting down')
    const deadline = Date.now() + CLOSE_GRACE_MS
    while (this.sockets.open.size > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
    for (const { ws } of this.sockets.open) ws.terminate()
    this.wss.close()
  }
}
