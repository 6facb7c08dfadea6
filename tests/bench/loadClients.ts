import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import WebSocket from 'ws'
import * as Y from 'yjs'

/**
 * Where one scenario's clients connect: our `/yjs/<board>?token=` or the reference's `/<room>`;
 * `client` lets clients of one room spread over several nodes.
 */
export type RoomUrl = (room: number, client: number) => string

export interface LoadResult {
  readonly latenciesMs: number[]
  readonly sent: number
  readonly delivered: number
  readonly seconds: number
}

const updateFrame = (update: Uint8Array) => {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, 0)
  encoding.writeVarUint(e, 2)
  encoding.writeVarUint8Array(e, update)
  return encoding.toUint8Array(e)
}

/**
 * Every keystroke an update message carries, as `client:clock`: how a receiver finds when each
 * was sent. A server may relay several writers' updates merged into one message, and Yjs then
 * folds one writer's consecutive keystrokes into one struct, so every clock of every struct counts.
 */
function keystrokes(data: Uint8Array): { client: number; clock: number }[] {
  const d = decoding.createDecoder(data)
  if (decoding.readVarUint(d) !== 0 || decoding.readVarUint(d) !== 2) return []
  const out: { client: number; clock: number }[] = []
  for (const s of Y.decodeUpdate(decoding.readVarUint8Array(d)).structs)
    for (let i = 0; i < s.length; i++) out.push({ client: s.id.client, clock: s.id.clock + i })
  return out
}

/**
 * Opens `rooms x clientsPerRoom` bare protocol clients; in each room `writersPerRoom` of them
 * type into a note at `ratePerWriter` updates/s. Every delivered update is timed against its send.
 */
export async function runLoad(options: {
  url: RoomUrl
  rooms: number
  clientsPerRoom: number
  writersPerRoom: number
  ratePerWriter: number
  warmupMs: number
  durationMs: number
}): Promise<LoadResult> {
  const sentAt = new Map<string, number>()
  const latenciesMs: number[] = []
  let measuring = false
  let sent = 0
  let delivered = 0
  const sockets: WebSocket[] = []
  const writers: { ws: WebSocket; doc: Y.Doc; text: Y.Text }[] = []
  for (let room = 0; room < options.rooms; room++) {
    for (let c = 0; c < options.clientsPerRoom; c++) {
      const ws = new WebSocket(options.url(room, c))
      const doc = c < options.writersPerRoom ? new Y.Doc() : null
      ws.binaryType = 'nodebuffer'
      ws.on('error', (err) => console.error('bench client error', err.message))
      ws.on('message', (data: Buffer) => {
        if (!measuring) return
        const now = performance.now()
        for (const id of keystrokes(new Uint8Array(data))) {
          // an echo of the client's own keystroke (the reference sends them back) is no relay
          if (id.client === doc?.clientID) continue
          const t = sentAt.get(`${id.client}:${id.clock}`)
          if (t === undefined) continue
          latenciesMs.push(now - t)
          delivered++
        }
      })
      sockets.push(ws)
      if (doc) {
        writers.push({ ws, doc, text: doc.getMap('notes').set(`note-${room}-${c}`, new Y.Text()) })
      }
    }
  }
  await Promise.all(sockets.map((ws) => new Promise((resolve) => ws.once('open', resolve))))
  // the note each writer types into must reach the server first, or every keystroke stays pending
  for (const w of writers) w.ws.send(updateFrame(Y.encodeStateAsUpdate(w.doc)))

  const tick = 1000 / options.ratePerWriter
  const timers = writers.map((w, i) => {
    const type = () => {
      const clock = Y.getState(w.doc.store, w.doc.clientID)
      let update: Uint8Array | null = null
      w.doc.once('update', (u: Uint8Array) => (update = u))
      w.text.insert(w.text.length, 'k')
      sentAt.set(`${w.doc.clientID}:${clock}`, performance.now())
      if (measuring) sent++
      w.ws.send(updateFrame(update!))
    }
    // spread the writers over the tick so the load is steady, not bursty
    return setTimeout(() => (timers[i] = setInterval(type, tick)), (i * tick) / writers.length)
  })
  await new Promise((resolve) => setTimeout(resolve, options.warmupMs))
  measuring = true
  const t0 = performance.now()
  await new Promise((resolve) => setTimeout(resolve, options.durationMs))
  measuring = false
  const seconds = (performance.now() - t0) / 1000
  for (const t of timers) clearInterval(t)
  for (const ws of sockets) ws.terminate()
  return { latenciesMs, sent, delivered, seconds }
}
