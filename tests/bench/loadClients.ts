import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { addNotes, asNoteId, userOrigin } from '@sparboard/board-model'
import { cpuSeconds, cpuSecondsIfAlive, rssMiB } from './processStats.js'

/**
 * Where one scenario's clients connect: our `/yjs/<board>?token=` or a peer's `/<room>`;
 * `client` lets clients of one room spread over several nodes.
 */
export type RoomUrl = (room: number, client: number) => string

/** A server under load: where its clients connect and how it frames the Yjs sync protocol. */
export interface Target {
  readonly url: RoomUrl
  /**
   * Hocuspocus' framing: every message starts with the document's name, and a client sends an
   * authentication message (an empty token when the server has no `onAuthenticate`) before it is
   * attached to the document.
   */
  readonly hocuspocusDocument?: (room: number) => string
}

export interface LoadWindow {
  readonly latenciesMs: number[]
  readonly sent: number
  readonly delivered: number
  readonly seconds: number
  /** CPU of this process (the load generator) over the window, % of one core. */
  readonly generatorCpuPercent: number
  /** CPU of the server processes over the window, summed, % of one core. */
  readonly serverCpuPercent: number
  /** Their peak resident memory over the window, summed (sampled every 250 ms). */
  readonly serverPeakRssMiB: number
  /** CPU of the shared services' processes (`servicePids`) over the window, % of one core. */
  readonly servicesCpuPercent: number
}

/** After the writers stop: keystrokes every client should have had from the others, and got. */
export interface Completeness {
  readonly expected: number
  readonly missing: number
  readonly extra: number
}

const MESSAGE_SYNC = 0
const SYNC_STEP1 = 0
const SYNC_STEP2 = 1
const SYNC_UPDATE = 2
const HOCUSPOCUS_AUTH = 2
const HOCUSPOCUS_SYNC_REPLY = 4
const AUTH_TOKEN = 0
const AUTH_AUTHENTICATED = 2

const syncFrame = (document: string | undefined, syncType: number, payload: Uint8Array) => {
  const e = encoding.createEncoder()
  if (document !== undefined) encoding.writeVarString(e, document)
  encoding.writeVarUint(e, MESSAGE_SYNC)
  encoding.writeVarUint(e, syncType)
  encoding.writeVarUint8Array(e, payload)
  return encoding.toUint8Array(e)
}

const authFrame = (document: string) => {
  const e = encoding.createEncoder()
  encoding.writeVarString(e, document)
  encoding.writeVarUint(e, HOCUSPOCUS_AUTH)
  encoding.writeVarUint(e, AUTH_TOKEN)
  encoding.writeVarString(e, '')
  return encoding.toUint8Array(e)
}

type ServerMessage =
  | { readonly kind: 'authenticated' }
  | { readonly kind: 'update' | 'step2'; readonly update: Uint8Array }
  | null

function parse(data: Uint8Array, hocuspocus: boolean): ServerMessage {
  const d = decoding.createDecoder(data)
  if (hocuspocus) decoding.readVarString(d)
  const type = decoding.readVarUint(d)
  if (hocuspocus && type === HOCUSPOCUS_AUTH)
    return decoding.readVarUint(d) === AUTH_AUTHENTICATED ? { kind: 'authenticated' } : null
  if (type !== MESSAGE_SYNC && !(hocuspocus && type === HOCUSPOCUS_SYNC_REPLY)) return null
  const syncType = decoding.readVarUint(d)
  if (syncType === SYNC_STEP1) return null
  const update = decoding.readVarUint8Array(d)
  return { kind: syncType === SYNC_STEP2 ? 'step2' : 'update', update }
}

/**
 * Every keystroke an update carries, as `client:clock`: how a receiver finds when each was sent.
 * A server may relay several writers' updates merged into one message, and Yjs then folds one
 * writer's consecutive keystrokes into one struct, so every clock of every struct counts.
 */
function* keystrokes(update: Uint8Array): Generator<{ client: number; clock: number }> {
  for (const s of Y.decodeUpdate(update).structs)
    for (let i = 0; i < s.length; i++) yield { client: s.id.client, clock: s.id.clock + i }
}

/**
 * Opens a socket; on Hocuspocus it is usable once the server says it is authenticated. `onUpdate`
 * gets every Yjs update the server sends (updates and sync step 2 answers).
 */
function connect(target: Target, room: number, client: number, onUpdate: (u: Uint8Array) => void) {
  const document = target.hocuspocusDocument?.(room)
  const ws = new WebSocket(target.url(room, client))
  ws.binaryType = 'nodebuffer'
  const ready = new Promise<void>((resolve, reject) => {
    ws.once('open', () => (document === undefined ? resolve() : ws.send(authFrame(document))))
    ws.once('close', (code) => reject(new Error(`room ${room} client ${client} closed (${code})`)))
    ws.on('message', (data: Buffer) => {
      const message = parse(new Uint8Array(data), document !== undefined)
      if (message?.kind === 'authenticated') resolve()
      else if (message) onUpdate(message.update)
    })
  })
  ws.on('error', (err) => console.error('bench client error', err.message))
  return {
    ws,
    ready,
    send: (syncType: number, u: Uint8Array) => ws.send(syncFrame(document, syncType, u)),
  }
}

/**
 * A note as a board holds it (board-model's `addNotes`: a map with its text as a Y.Text), which the
 * writer types into. Sparboard checks what is written against the board's schema ([H26]) and undoes
 * the rest: a bare Y.Text under `notes`, as the bench wrote before, was relayed and then undone,
 * so Sparboard paid an undo per keystroke and kept nothing. The peers store either alike.
 */
function benchNote(doc: Y.Doc, key: string, client: number): Y.Text {
  addNotes(
    doc,
    [
      {
        id: asNoteId(key),
        category: 'friction',
        x: 40 + client * 220,
        y: 40,
        text: '',
        author: 'Bench',
      },
    ],
    userOrigin('bench'),
  )
  return noteText(doc, key)!
}

const noteText = (doc: Y.Doc, key: string) =>
  (doc.getMap('notes').get(key) as Y.Map<unknown> | undefined)?.get('text') as Y.Text | undefined

interface Client {
  readonly room: number
  readonly ws: WebSocket
  readonly ready: Promise<void>
  readonly writer: Writer | null
  received: number
}
interface Writer {
  readonly doc: Y.Doc
  /** The note typed into now, and its key; a new one every `NOTE_KEYSTROKES`. */
  text: Y.Text
  key: string
  readonly send: (syncType: number, update: Uint8Array) => void
  typed: number
  /** Keystrokes typed into each of its notes. */
  readonly typedByNote: Map<string, number>
  timer?: ReturnType<typeof setInterval>
}

/**
 * Keystrokes per note before the writer starts the next, as a person writes many short notes: a
 * note holds at most 2,000 characters (board-model's `NoteLimits`), and Sparboard undoes typing
 * past that ([H26]), which a long ramp reached and the durability check then read as lost.
 */
const NOTE_KEYSTROKES = 500

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0)

/**
 * Bare protocol clients in rooms of `clientsPerRoom`; in each room `writersPerRoom` of them type
 * into a note at `ratePerWriter` updates/s, spread evenly so the load is steady. Rooms can be
 * added while the others keep writing (the capacity bench's steps). Every delivered keystroke is
 * timed against its send while a window is open, and counted always, so that `complete()` can
 * tell whether every client received every other client's keystrokes.
 */
export class LoadGenerator {
  private readonly clients: Client[] = []
  private readonly byRoom = new Map<number, Client[]>()
  /** Send time of each keystroke, by writer's client id, then by clock. */
  private readonly sentAt = new Map<number, number[]>()
  private window: { latenciesMs: number[]; sent: number; delivered: number } | null = null
  rooms = 0

  constructor(
    private readonly target: Target,
    private readonly shape: {
      clientsPerRoom: number
      writersPerRoom: number
      ratePerWriter: number
    },
  ) {}

  async addRooms(count: number): Promise<void> {
    const added: Client[] = []
    for (let room = this.rooms; room < this.rooms + count; room++) {
      const inRoom: Client[] = []
      for (let c = 0; c < this.shape.clientsPerRoom; c++) {
        const doc = c < this.shape.writersPerRoom ? new Y.Doc() : null
        // the callback runs on the first message, after `client` below exists
        const socket = connect(this.target, room, c, (u) => this.receive(client, doc, u))
        const key = `note-${room}-${c}`
        const writer: Writer | null = doc && {
          doc,
          text: benchNote(doc, key, c),
          key,
          send: socket.send,
          typed: 0,
          typedByNote: new Map(),
        }
        const client: Client = { room, ws: socket.ws, ready: socket.ready, writer, received: 0 }
        inRoom.push(client)
      }
      this.byRoom.set(room, inRoom)
      added.push(...inRoom)
    }
    this.rooms += count
    this.clients.push(...added)
    await Promise.all(added.map((c) => c.ready))
    const writers = added.flatMap((c) => (c.writer ? [c.writer] : []))
    // the note each writer types into must reach the server first, or every keystroke stays pending
    for (const w of writers) w.send(SYNC_UPDATE, Y.encodeStateAsUpdate(w.doc))
    const tick = 1000 / this.shape.ratePerWriter
    writers.forEach((w, i) =>
      setTimeout(
        () => (w.timer = setInterval(() => this.type(w), tick)),
        (i * tick) / writers.length,
      ),
    )
  }

  private type(w: Writer) {
    if (w.text.length >= NOTE_KEYSTROKES) this.nextNote(w)
    const clock = Y.getState(w.doc.store, w.doc.clientID)
    let update: Uint8Array | null = null
    w.doc.once('update', (u: Uint8Array) => (update = u))
    w.text.insert(w.text.length, 'k')
    let times = this.sentAt.get(w.doc.clientID)
    if (!times) this.sentAt.set(w.doc.clientID, (times = []))
    times[clock] = performance.now()
    w.typed++
    w.typedByNote.set(w.key, (w.typedByNote.get(w.key) ?? 0) + 1)
    if (this.window) this.window.sent++
    w.send(SYNC_UPDATE, update!)
  }

  /** Starts the writer's next note, sent on its own before the first keystroke into it. */
  private nextNote(w: Writer) {
    const notes = w.typedByNote.size
    let update: Uint8Array | null = null
    w.doc.once('update', (u: Uint8Array) => (update = u))
    w.key = `${w.key.replace(/~\d+$/, '')}~${notes}`
    w.text = benchNote(w.doc, w.key, notes)
    w.send(SYNC_UPDATE, update!)
  }

  private receive(client: Client, doc: Y.Doc | null, update: Uint8Array) {
    const now = performance.now()
    for (const id of keystrokes(update)) {
      // an echo of the client's own keystroke (the reference and Hocuspocus send them back) is no relay
      if (id.client === doc?.clientID) continue
      const t = this.sentAt.get(id.client)?.[id.clock]
      if (t === undefined) continue
      client.received++
      if (this.window) {
        this.window.latenciesMs.push(now - t)
        this.window.delivered++
      }
    }
  }

  /**
   * Measures for `ms`: every keystroke sent and delivered meanwhile, the CPU of this process and
   * of the server processes `pids`, and their peak memory.
   */
  async measure(
    ms: number,
    pids: readonly number[],
    servicePids: readonly number[] = [],
  ): Promise<LoadWindow> {
    const serverCpu = () => sum(pids.map(cpuSeconds))
    const services0 = servicePids.map(cpuSecondsIfAlive)
    let serverPeakRssMiB = sum(pids.map(rssMiB))
    const sampler = setInterval(
      () => (serverPeakRssMiB = Math.max(serverPeakRssMiB, sum(pids.map(rssMiB)))),
      250,
    )
    const cpu0 = cpuSeconds(process.pid)
    const server0 = serverCpu()
    const t0 = performance.now()
    const window = (this.window = { latenciesMs: [], sent: 0, delivered: 0 })
    await sleep(ms)
    this.window = null
    clearInterval(sampler)
    const seconds = (performance.now() - t0) / 1000
    return {
      ...window,
      seconds,
      generatorCpuPercent: ((cpuSeconds(process.pid) - cpu0) / seconds) * 100,
      serverCpuPercent: ((serverCpu() - server0) / seconds) * 100,
      serverPeakRssMiB,
      // a process that ended within the window (a PostgreSQL backend) counts for nothing
      servicesCpuPercent:
        (sum(servicePids.map((pid, i) => Math.max(0, cpuSecondsIfAlive(pid) - services0[i]!))) /
          seconds) *
        100,
    }
  }

  /** Stops typing, then waits (up to `timeoutMs`) until every client has every keystroke. */
  async complete(timeoutMs = 10_000): Promise<Completeness> {
    for (const c of this.clients) clearInterval(c.writer?.timer)
    const tally = () => {
      let expected = 0
      let missing = 0
      let extra = 0
      for (const c of this.clients) {
        const others = this.byRoom.get(c.room)!.filter((o) => o !== c && o.writer)
        const want = others.reduce((n, o) => n + o.writer!.typed, 0)
        expected += want
        missing += Math.max(0, want - c.received)
        extra += Math.max(0, c.received - want)
      }
      return { expected, missing, extra }
    }
    const deadline = performance.now() + timeoutMs
    let result = tally()
    while (result.missing > 0 && performance.now() < deadline) {
      await sleep(100)
      result = tally()
    }
    return result
  }

  /** Keystrokes typed so far into each room's notes, by note key. */
  typedNotes(): Map<number, Map<string, number>> {
    const rooms = new Map<number, Map<string, number>>()
    for (const [room, clients] of this.byRoom) {
      const notes = new Map<string, number>()
      for (const c of clients) for (const [key, n] of c.writer?.typedByNote ?? []) notes.set(key, n)
      rooms.set(room, notes)
    }
    return rooms
  }

  close(): void {
    for (const c of this.clients) {
      clearInterval(c.writer?.timer)
      c.ws.terminate()
    }
  }
}

/**
 * Keystrokes typed into the rooms' notes (`typed`, by room and note) that a fresh client of each
 * room does not get from the server within `timeoutMs`: it sends sync step 1 with an empty state
 * and applies the step 2 and every update that follows. Updates count too because a server may
 * answer before it has loaded the stored document (the reference's y-leveldb binding applies it
 * asynchronously, after the first answer). After a restart, this is what the server lost.
 */
export async function lostKeystrokes(
  target: Target,
  typed: Map<number, Map<string, number>>,
  timeoutMs = 10_000,
): Promise<number> {
  const missing = (room: number, doc: Y.Doc) => {
    let lost = 0
    for (const [key, count] of typed.get(room) ?? []) {
      lost += Math.max(0, count - (noteText(doc, key)?.length ?? 0))
    }
    return lost
  }
  const perRoom = await Promise.all(
    [...typed.keys()].map(async (room) => {
      const doc = new Y.Doc()
      const socket = connect(target, room, 0, (u) => Y.applyUpdate(doc, u))
      await socket.ready
      socket.send(SYNC_STEP1, Y.encodeStateVector(new Y.Doc()))
      const deadline = performance.now() + timeoutMs
      while (missing(room, doc) > 0 && performance.now() < deadline) await sleep(50)
      socket.ws.terminate()
      return missing(room, doc)
    }),
  )
  return sum(perRoom)
}

export interface LoadResult extends LoadWindow, Completeness {
  /** Keystrokes typed into each room's notes (warm-up included), for the durability check. */
  readonly typed: Map<number, Map<string, number>>
}

/**
 * Opens `rooms x clientsPerRoom` clients, lets them write through a warm-up, measures a window,
 * then stops the writers and checks that every client received every update.
 */
export async function runLoad(options: {
  target: Target
  rooms: number
  clientsPerRoom: number
  writersPerRoom: number
  ratePerWriter: number
  warmupMs: number
  durationMs: number
  /** The server processes to measure, and shared services' processes measured beside them. */
  pids: readonly number[]
  servicePids?: readonly number[]
}): Promise<LoadResult> {
  const load = new LoadGenerator(options.target, options)
  try {
    await load.addRooms(options.rooms)
    await sleep(options.warmupMs)
    const window = await load.measure(options.durationMs, options.pids, options.servicePids)
    const completeness = await load.complete()
    return { ...window, ...completeness, typed: load.typedNotes() }
  } finally {
    load.close()
  }
}
