/**
 * A smoke test of a running Sparboard from outside, as a self-hoster would check a fresh install
 * (a container, a new machine): real HTTP, a real y-websocket client and a real socket.io client.
 *
 *   pnpm --filter @sparboard/tests smoke write http://localhost:3000 state.json
 *     /healthz answers ok; the app's page is served; a workshop is created through the API; a
 *     participant writes a note on a board over /yjs; a second connection reads it back; the
 *     control plane (socket.io) answers; the notes CSV has the note. Saves what `check` needs.
 *   pnpm --filter @sparboard/tests smoke check http://localhost:3000 state.json
 *     After a restart: /healthz ok, and the board of `state.json` still holds the note.
 *
 * CREATE_SECRET in the environment is sent when the server asks for it. Exits 0 when every step
 * passed, 1 with the failing step named otherwise; never waits more than 20 s for one step.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { addNote, asNoteId, readNotes, userOrigin } from '@sparboard/board-model'
import type { CreatedWorkshop } from '@sparboard/protocol'
import { io } from 'socket.io-client'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'

const [mode, base = 'http://localhost:3000', stateFile = 'smoke-state.json'] = process.argv.slice(2)
const STEP_MS = 20_000

interface SmokeState {
  readonly workshopId: string
  readonly boardId: string
  readonly observerToken: string
  readonly noteId: string
  readonly noteText: string
}

/** Runs one named step with a time limit; prints it and stops the run at the first failure. */
async function step<T>(name: string, run: () => Promise<T>): Promise<T> {
  const started = Date.now()
  let timer: NodeJS.Timeout | undefined
  try {
    const result = await Promise.race([
      run(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer in ${STEP_MS} ms`)), STEP_MS)
      }),
    ])
    console.log(`ok   ${name} (${Date.now() - started} ms)`)
    return result
  } catch (err) {
    console.error(`FAIL ${name}: ${err instanceof Error ? err.message : String(err)}`)
    process.exit(1)
  } finally {
    clearTimeout(timer)
  }
}

function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message)
}

const wsBase = base.replace(/^http/, 'ws')

/** A stock y-websocket provider on a board, synced. */
async function openBoard(boardId: string, token: string) {
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(`${wsBase}/yjs`, boardId, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  })
  await new Promise<void>((resolve, reject) => {
    provider.on('sync', (synced: boolean) => synced && resolve())
    provider.on('connection-close', (event) =>
      reject(new Error(`board connection closed with ${event?.code ?? '?'}`)),
    )
  })
  return { doc, provider }
}

async function healthy() {
  const res = await fetch(`${base}/healthz`)
  const body = (await res.json()) as { status?: string }
  check(res.status === 200 && body.status === 'ok', `${res.status} ${JSON.stringify(body)}`)
  return body
}

async function write(): Promise<void> {
  await step('GET /healthz is 200 "ok"', healthy)
  await step('GET / serves the app', async () => {
    const res = await fetch(base)
    const html = await res.text()
    check(res.status === 200 && html.includes('id="root"'), `${res.status}, no app root`)
  })
  const w = await step('POST /api/workshops creates a workshop', async () => {
    const secret = process.env.CREATE_SECRET
    const res = await fetch(`${base}/api/workshops`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(secret && { authorization: `Bearer ${secret}` }),
      },
      body: JSON.stringify({
        title: 'Smoke test',
        goals: ['Op tijd leveren'],
        sides: ['Sales', 'Operations'],
        cases: [{ title: 'Spoedorder', description: 'Rooktest van de installatie' }],
        groups: 1,
      }),
    })
    if (res.status !== 201) throw new Error(`${res.status} ${await res.text()}`)
    return (await res.json()) as CreatedWorkshop
  })
  const boardId = w.boards[0]!.id
  const noteId = `smoke-${Date.now().toString(36)}`
  const noteText = `Rooktest ${new Date().toISOString()}`
  const writer = await step('a participant writes a note over /yjs (y-websocket)', async () => {
    const board = await openBoard(boardId, w.tokens.participant)
    addNote(
      board.doc,
      asNoteId(noteId),
      { category: 'friction', x: 900, y: 300, text: noteText, author: 'smoke' },
      userOrigin('smoke'),
    )
    return board
  })
  await step('a second connection (observer) reads the note back', async () => {
    // Each try is a fresh connection: what it gets in its first sync is what the server keeps.
    for (;;) {
      const { doc, provider } = await openBoard(boardId, w.tokens.observer)
      const found = readNotes(doc).find((n) => n.id === noteId)
      provider.destroy()
      if (found) {
        check(found.text === noteText, `text is ${JSON.stringify(found.text)}`)
        return
      }
      await new Promise((r) => setTimeout(r, 100))
    }
  })
  writer.provider.destroy()
  await step('the control plane (socket.io) sends the session', async () => {
    const socket = io(base, {
      path: '/socket.io',
      transports: ['websocket'],
      auth: { token: w.tokens.observer },
      reconnection: false,
    })
    try {
      await new Promise<void>((resolve, reject) => {
        socket.once('session:state', () => resolve())
        socket.once('connect_error', (err) => reject(err))
      })
    } finally {
      socket.close()
    }
  })
  await step('GET notes.csv has the note', async () => {
    const res = await fetch(`${base}/api/workshops/${w.id}/notes.csv`, {
      headers: { authorization: `Bearer ${w.tokens.observer}` },
    })
    const csv = await res.text()
    check(res.status === 200 && csv.includes(noteText), `${res.status}, note missing`)
  })
  const state: SmokeState = {
    workshopId: w.id,
    boardId,
    observerToken: w.tokens.observer,
    noteId,
    noteText,
  }
  writeFileSync(stateFile, JSON.stringify(state, null, 2))
  console.log(`saved ${stateFile}: workshop ${w.id}, board ${boardId}, note ${noteId}`)
}

async function checkAgain(): Promise<void> {
  const state = await step(
    `read ${stateFile}`,
    async () => JSON.parse(readFileSync(stateFile, 'utf8')) as SmokeState,
  )
  await step('GET /healthz is 200 "ok"', healthy)
  await step(`board ${state.boardId} still holds note ${state.noteId}`, async () => {
    const { doc, provider } = await openBoard(state.boardId, state.observerToken)
    const found = readNotes(doc).find((n) => n.id === state.noteId)
    provider.destroy()
    check(found?.text === state.noteText, `note ${found ? 'changed' : 'missing'}`)
  })
}

if (mode === 'write') await write()
else if (mode === 'check') await checkAgain()
else {
  console.error('usage: smoke write|check [baseUrl] [stateFile]')
  process.exit(2)
}
process.exit(0)
