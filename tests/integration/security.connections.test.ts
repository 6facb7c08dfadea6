import { describe, expect, it } from 'vitest'
import type { Socket } from 'socket.io-client'
import { cleanupAfterEach } from '../support/cleanup.js'
import { eventually } from '../support/eventually.js'
import { controlOutcome, controlSocket, rawBoardSocket } from '../support/securityClients.js'
import { createWorkshop, startServer } from '../support/startServer.js'
import { closedWith, openBoard, synced } from '../support/yjsClient.js'

const track = cleanupAfterEach()

async function start(security = {}) {
  const r = track(await startServer({ security: { trustProxyHops: 1, ...security } }), (s) =>
    s.stop(),
  )
  const w = await createWorkshop(r.url)
  const board = w.boards[0]!.id
  const boardSocket = (token: string, from?: string) => {
    const socket = rawBoardSocket(r.wsUrl, board, token, from)
    track(socket.ws, (ws) => ws.terminate())
    return socket
  }
  const control = (token: string, from?: string) =>
    track(controlSocket(r.url, token, from), (s) => s.close())
  return { r, w, board, boardSocket, control }
}

/** The error a refused socket.io handshake carries: its message and `data`. */
const refusal = (socket: Socket) =>
  new Promise<{ message: string; data?: unknown }>((resolve) =>
    socket.once('connect_error', (err) =>
      resolve({ message: err.message, data: (err as { data?: unknown }).data }),
    ),
  )

const join = (socket: Socket, payload: object) =>
  socket.timeout(5000).emitWithAck('session:join', payload) as Promise<{
    ok: boolean
    error?: string
    retryAfter?: number
    participantId?: string
    personalToken?: string
  }>

describe('connection caps (issue 15, finding 7)', () => {
  it('[H23][C1] refuses a board or control connection past its address cap; other addresses go on', async () => {
    const { w, boardSocket, control } = await start({ maxConnectionsPerAddress: 4 })
    const crowd = '203.0.113.30'
    for (let i = 0; i < 3; i++)
      expect(await boardSocket(w.tokens.observer, crowd).joined).toBe('joined')
    expect(await controlOutcome(control(w.tokens.observer, crowd))).toBe('connected')
    // Boards and control plane count together: the address is full.
    expect(await boardSocket(w.tokens.observer, crowd).joined).toEqual({ closed: 4529 })
    expect(await refusal(control(w.tokens.observer, crowd))).toEqual({
      message: 'too many connections',
      data: { retryAfter: 10 },
    })
    expect(await boardSocket(w.tokens.observer, '198.51.100.31').joined).toBe('joined')
    // Unknown tokens from the full address are refused as such; they never held a place.
    expect(await boardSocket('garbage', crowd).joined).toEqual({ closed: 4401 })
  })

  it('[H23] unknown tokens never take a place: a flood of them leaves room for the class', async () => {
    const { w, boardSocket, control } = await start({ maxConnectionsPerAddress: 3 })
    const school = '203.0.113.35'
    const garbage = Array.from({ length: 20 }, (_, i) => boardSocket(`garbage-${i}`, school))
    const controls = Array.from({ length: 20 }, (_, i) => control(`garbage-io-${i}`, school))
    await Promise.all([...garbage.map((g) => g.outcome), ...controls.map(controlOutcome)])
    expect(await boardSocket(w.tokens.participant, school).joined).toBe('joined')
    expect(await controlOutcome(control(w.tokens.participant, school))).toBe('connected')
  })

  it('[H23] a client refused for a full address gets in once a place frees up', async () => {
    // No proxy: every client here is 127.0.0.1, the stock provider included.
    const r = track(await startServer({ security: { maxConnectionsPerAddress: 2 } }), (s) =>
      s.stop(),
    )
    const w = await createWorkshop(r.url)
    const board = w.boards[0]!.id
    const first = rawBoardSocket(r.wsUrl, board, w.tokens.observer)
    const second = rawBoardSocket(r.wsUrl, board, w.tokens.observer)
    track(second.ws, (ws) => ws.terminate())
    expect(await Promise.all([first.joined, second.joined])).toEqual(['joined', 'joined'])
    const tool = track(openBoard(r.wsUrl, board, w.tokens.participant), (c) => c.provider.destroy())
    expect(await closedWith(tool.provider)).toBe(4529)
    // The stock client retries 45xx by itself; once a place is free it syncs.
    first.ws.close()
    await synced(tool.provider)
  })

  it('[H23][C1] caps the connections of one token across addresses, on /yjs and socket.io', async () => {
    const { w, boardSocket, control } = await start({ maxConnectionsPerToken: 2 })
    expect(await boardSocket(w.tokens.observer, '203.0.113.40').joined).toBe('joined')
    expect(await controlOutcome(control(w.tokens.observer, '203.0.113.41'))).toBe('connected')
    expect(await boardSocket(w.tokens.observer, '203.0.113.42').joined).toEqual({ closed: 4529 })
    const refused = await refusal(control(w.tokens.observer, '203.0.113.43'))
    expect(refused).toEqual({ message: 'too many connections', data: { retryAfter: 10 } })
    // Another token of the same workshop is counted on its own.
    expect(await boardSocket(w.tokens.participant, '203.0.113.42').joined).toBe('joined')
  })

  it('[H23] a closed connection gives its place back', async () => {
    const { w, boardSocket } = await start({ maxConnectionsPerAddress: 1 })
    const one = boardSocket(w.tokens.observer, '203.0.113.50')
    expect(await one.joined).toBe('joined')
    one.ws.close()
    await one.outcome
    await eventually(async () =>
      expect(await boardSocket(w.tokens.observer, '203.0.113.50').joined).toBe('joined'),
    )
  })
})

describe('join rate (issue 15, finding 7)', () => {
  it('[C24] a script on the shared participant link no longer fills the roster at once', async () => {
    // Default limits: the review filled all 200 places in 1.4 s from one address.
    const { w, control } = await start()
    const acks = []
    // A new control connection every 25 joins stays under each one's event limit.
    for (let socket = 0; socket < 8; socket++) {
      const script = control(w.tokens.participant, '203.0.113.60')
      expect(await controlOutcome(script)).toBe('connected')
      for (let i = 0; i < 25; i++) acks.push(await join(script, { name: `Bot ${i}`, side: 0 }))
      script.close()
    }
    const joined = acks.filter((a) => a.ok).length
    expect(joined).toBeGreaterThanOrEqual(60)
    // The burst of 60, then one every 2 s: within the test's time, well short of the 200.
    expect(joined).toBeLessThan(100)
    expect(acks.at(-1)).toMatchObject({ ok: false, error: 'rate-limited' })
    expect(acks.at(-1)!.retryAfter).toBeGreaterThan(0)
    // Someone else in the room still gets in (the workshop has places left).
    const pupil = control(w.tokens.participant, '198.51.100.61')
    expect(await controlOutcome(pupil)).toBe('connected')
    expect(await join(pupil, { name: 'Anna', side: 1 })).toMatchObject({ ok: true })
  })

  it('[C24] limits joins per workshop; a rejoin with its own token is never held back', async () => {
    const { w, control } = await start({ joinBurst: 3, joinsPerSecond: 0.01 })
    const sockets = ['203.0.113.70', '203.0.113.71', '203.0.113.72', '203.0.113.73'].map((a) =>
      control(w.tokens.participant, a),
    )
    for (const s of sockets) expect(await controlOutcome(s)).toBe('connected')
    const acks = []
    for (const [i, s] of sockets.entries()) acks.push(await join(s, { name: `P${i}`, side: 0 }))
    expect(acks.map((a) => a.ok)).toEqual([true, true, true, false])
    expect(acks[3]).toMatchObject({ error: 'rate-limited' })
    const first = acks[0]!
    const rejoin = await join(sockets[3]!, {
      name: 'P0',
      side: 0,
      participantId: first.participantId,
      personalToken: first.personalToken,
    })
    expect(rejoin).toEqual({ ok: true, participantId: first.participantId })
  })
})
