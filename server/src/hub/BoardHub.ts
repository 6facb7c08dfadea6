import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import type { Logger } from 'pino'
import { WebSocketServer, type WebSocket } from 'ws'
import { CloseCode } from '@sparboard/protocol'
import type { Metrics } from '../metrics.js'
import type { Store } from '../store/Store.js'
import { BoardConnection } from './BoardConnection.js'
import { BoardRoom, type RoomLimits } from './BoardRoom.js'

/** Options of the Yjs endpoint. */
export interface BoardHubOptions extends RoomLimits {
  readonly maxPayloadBytes: number
  readonly maxBufferedBytes: number
  readonly heartbeatMs: number
}

export const PATH_PREFIX = '/yjs/'

/** The `/yjs/<boardId>` endpoint: authenticates, opens rooms and hands frames to them. */
export class BoardHub {
  private readonly wss: WebSocketServer
  private readonly rooms = new Map<string, Promise<BoardRoom>>()
  private readonly sockets = new Set<WebSocket>()
  private readonly heartbeat: NodeJS.Timeout
  private closing = false

  constructor(
    private readonly store: Store,
    private readonly options: BoardHubOptions,
    private readonly metrics: Metrics,
    private readonly log: Logger,
  ) {
    this.wss = new WebSocketServer({ noServer: true, maxPayload: options.maxPayloadBytes })
    this.heartbeat = setInterval(() => this.ping(), options.heartbeatMs)
    this.heartbeat.unref()
  }

  /** Takes an HTTP upgrade if it is for `/yjs/`; returns false to leave it to others. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    const url = new URL(req.url ?? '/', 'http://localhost')
    if (!url.pathname.startsWith(PATH_PREFIX)) return false
    socket.on('error', (err) => this.log.debug({ err }, 'upgrade socket error'))
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
    this.wss.handleUpgrade(req, socket, head, (ws) => void this.accept(ws, boardId, token))
    return true
  }

  private async accept(ws: WebSocket, boardId: string, token: string): Promise<void> {
    this.sockets.add(ws)
    this.metrics.connections.inc()
    // [H8] an error on one socket (e.g. a reserved opcode) closes that socket, never the process
    ws.on('error', (err) => {
      this.log.debug({ err, board: boardId }, 'socket error')
      ws.terminate()
    })
    const inbox: Uint8Array[] = []
    let deliver: (data: Uint8Array) => void = (data) => void inbox.push(data)
    ws.on('message', (data: Buffer) =>
      deliver(new Uint8Array(data.buffer, data.byteOffset, data.byteLength)),
    )
    let leave = () => {}
    ws.on('close', () => {
      this.sockets.delete(ws)
      this.metrics.connections.dec()
      leave()
    })
    ;(ws as WebSocket & { alive?: boolean }).alive = true
    ws.on('pong', () => ((ws as WebSocket & { alive?: boolean }).alive = true))

    const refuse = (code: number, reason: string) => {
      this.metrics.rejected.inc({ reason })
      ws.close(code, reason)
    }
    try {
      const grant = token ? await this.store.findToken(token) : null
      if (!grant) return refuse(CloseCode.unknownToken, 'unknown token')
      const workshopId = await this.store.findBoardWorkshop(boardId)
      if (workshopId === null) return refuse(CloseCode.unknownBoard, 'unknown board')
      if (workshopId !== grant.workshopId)
        return refuse(CloseCode.forbidden, 'token not valid for this board')
      const conn = new BoardConnection(ws, grant.role, this.options.maxBufferedBytes, (reason) =>
        this.metrics.rejected.inc({ reason }),
      )
      let room = await this.acquire(boardId)
      while (!room.join(conn)) {
        await room.unloaded
        room = await this.acquire(boardId)
      }
      if (ws.readyState !== ws.OPEN) {
        room.leave(conn)
        return
      }
      const joined = room
      leave = () => joined.leave(conn)
      deliver = (data) => joined.receive(conn, data)
      for (const data of inbox.splice(0)) joined.receive(conn, data)
    } catch (err) {
      this.log.error({ err, board: boardId }, 'could not open board')
      ws.close(CloseCode.internalError, 'could not open board')
    }
  }

  /** The open room of a board, loading it once however many clients ask at once ([H2]). */
  private acquire(boardId: string): Promise<BoardRoom> {
    const open = this.rooms.get(boardId)
    if (open) return open
    const loading: Promise<BoardRoom> = BoardRoom.load(boardId, {
      store: this.store,
      limits: this.options,
      metrics: this.metrics,
      log: this.log,
      onUnloaded: () => {
        if (this.rooms.get(boardId) === loading) this.rooms.delete(boardId)
        this.metrics.boardsOpen.dec()
      },
    }).then((room) => {
      this.metrics.boardsOpen.inc()
      return room
    })
    loading.catch(() => this.rooms.delete(boardId))
    this.rooms.set(boardId, loading)
    return loading
  }

  private ping(): void {
    for (const ws of this.sockets) {
      const s = ws as WebSocket & { alive?: boolean }
      if (s.alive === false) {
        ws.terminate()
        continue
      }
      s.alive = false
      ws.ping()
    }
  }

  /** Number of boards in memory. */
  get openBoards(): number {
    return this.rooms.size
  }

  /** Stops accepting, closes every connection (1001), flushes and compacts every board. */
  async close(): Promise<void> {
    this.closing = true
    clearInterval(this.heartbeat)
    const rooms = await Promise.allSettled([...this.rooms.values()])
    await Promise.all(rooms.map((r) => (r.status === 'fulfilled' ? r.value.unload() : undefined)))
    for (const ws of this.sockets) ws.terminate()
    this.wss.close()
  }
}
