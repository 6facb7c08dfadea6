import { describe, expect, it } from 'vitest'
import { cleanupAfterEach } from '../support/cleanup.js'
import { createWorkshop, startServer } from '../support/startServer.js'
import { controlOutcome, controlSocket, rawBoardSocket } from '../support/securityClients.js'

const track = cleanupAfterEach()
const valid = {
  title: 'S&OP',
  goals: ['On time'],
  sides: ['Sales', 'Operations'],
  cases: [{ title: 'Rush order' }],
  groups: 1,
}

async function start(security = {}) {
  return track(await startServer({ security: { trustProxyHops: 1, ...security } }), (r) => r.stop())
}

const post = (url: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${url}/api/workshops`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  })

/** Every workshop in the store: none past the cut-off means none at all. */
const workshopCount = async (r: {
  server: { store: { staleWorkshops(t: number): Promise<string[]> } }
}) => (await r.server.store.staleWorkshops(Number.MAX_SAFE_INTEGER)).length

describe('oversize and malformed workshop bodies', () => {
  it('answers 413 to a body past the limit and creates nothing', async () => {
    const r = await start()
    const res = await post(r.url, JSON.stringify({ ...valid, title: 'x'.repeat(300_000) }))
    expect(res.status).toBe(413)
    expect(await res.json()).toMatchObject({ field: 'body' })
    expect(await workshopCount(r)).toBe(0)
  })

  it('answers 400 naming the field for each malformed body and creates nothing', async () => {
    const r = await start()
    const cases: [string, string, Record<string, string>?][] = [
      ['{"title": ', 'body'],
      ['[]', 'body'],
      ['null', 'body'],
      [JSON.stringify({ ...valid, groups: 'two' }), 'groups'],
      [JSON.stringify({ ...valid, groups: 1e9 }), 'groups'],
      [JSON.stringify({ ...valid, title: '   ' }), 'title'],
      [JSON.stringify({ ...valid, sides: ['Sales'] }), 'sides.1'],
      [JSON.stringify({ ...valid, goals: Array(500).fill('g') }), 'goals'],
      [JSON.stringify({ ...valid, cases: [{ title: 7 }] }), 'cases.0.title'],
      [
        JSON.stringify({ ...valid, cases: [{ title: 'a', description: 'd'.repeat(5000) }] }),
        'cases.0.description',
      ],
      [JSON.stringify(valid), 'body', { 'content-type': 'text/plain' }],
    ]
    for (const [body, field, headers] of cases) {
      const res = await post(r.url, body, headers)
      expect(res.status, body.slice(0, 60)).toBe(400)
      expect(await res.json(), body.slice(0, 60)).toMatchObject({ field })
    }
    expect(await workshopCount(r)).toBe(0)
  })
})

describe('rate limits', () => {
  it('throttles workshop creation per address with 429 and Retry-After', async () => {
    const r = await start({ createLimit: 3 })
    for (let i = 0; i < 3; i++)
      expect(
        (await post(r.url, JSON.stringify(valid), { 'x-forwarded-for': '203.0.113.7' })).status,
      ).toBe(201)
    const refused = await post(r.url, JSON.stringify(valid), { 'x-forwarded-for': '203.0.113.7' })
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(await workshopCount(r)).toBe(3)
    // Someone else is not held back by the first address.
    expect(
      (await post(r.url, JSON.stringify(valid), { 'x-forwarded-for': '198.51.100.2' })).status,
    ).toBe(201)
  })

  it('slows token guessing across API, Yjs and socket.io; a right token still gets in', async () => {
    const r = await start({ authFailureLimit: 6, authPenaltyMs: 50 })
    const w = await createWorkshop(r.url)
    const board = w.boards[0]!.id
    const guesser = '203.0.113.66'
    const api = (token: string, from = guesser) =>
      fetch(`${r.url}/api/workshops/${w.id}`, {
        headers: { authorization: `Bearer ${token}`, 'x-forwarded-for': from },
      })

    for (let i = 0; i < 2; i++) expect((await api(`guess-${i}`)).status).toBe(401)
    for (let i = 0; i < 2; i++) {
      const { outcome } = rawBoardSocket(r.wsUrl, board, `guess-ws-${i}`, guesser)
      expect(await outcome).toEqual({ closed: 4401 })
    }
    for (let i = 0; i < 2; i++) {
      const socket = track(controlSocket(r.url, `guess-io-${i}`, guesser), (s) => s.close())
      expect(await controlOutcome(socket)).toBe('unknown token')
    }

    // Six different guesses: every further guess from that address waits, on every channel.
    const throttled = await api('guess-api-7')
    expect(throttled.status).toBe(429)
    expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(0)
    const upgrade = await rawBoardSocket(r.wsUrl, board, 'guess-ws-7', guesser).outcome
    expect(upgrade).toMatchObject({ status: 429 })
    const control = track(controlSocket(r.url, 'guess-io-7', guesser), (s) => s.close())
    expect(await controlOutcome(control)).toBe('too many failed attempts')

    // The right token from the very same address is let in everywhere.
    expect((await api(w.tokens.participant)).status).toBe(200)
    const board2 = rawBoardSocket(r.wsUrl, board, w.tokens.participant, guesser)
    track(board2.ws, (s) => s.terminate())
    expect(await board2.joined).toBe('joined')
    const admitted = track(controlSocket(r.url, w.tokens.participant, guesser), (s) => s.close())
    expect(await controlOutcome(admitted)).toBe('connected')
  })

  it('counts token guesses on the export routes and throttles them like the rest', async () => {
    const r = await start({ authFailureLimit: 3, authPenaltyMs: 0 })
    const w = await createWorkshop(r.url)
    const csv = (token: string) =>
      fetch(`${r.url}/api/workshops/${w.id}/notes.csv`, {
        headers: { authorization: `Bearer ${token}`, 'x-forwarded-for': '203.0.113.67' },
      })
    for (let i = 0; i < 3; i++) expect((await csv(`guess-${i}`)).status).toBe(401)
    const throttled = await csv('guess-3')
    expect(throttled.status).toBe(429)
    expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(0)
    expect((await csv(w.tokens.observer)).status).toBe(200)
  })

  it('counts token guesses on the follow-up route and throttles them like the rest', async () => {
    const r = await start({ authFailureLimit: 3, authPenaltyMs: 0 })
    const w = await createWorkshop(r.url)
    const followUp = (token: string) =>
      fetch(`${r.url}/api/workshops/${w.id}/follow-up`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'x-forwarded-for': '203.0.113.68' },
      })
    for (let i = 0; i < 3; i++) expect((await followUp(`guess-${i}`)).status).toBe(401)
    const throttled = await followUp('guess-3')
    expect(throttled.status).toBe(429)
    expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(await workshopCount(r)).toBe(1)
    // The facilitator's own token from that address still starts the next session.
    expect((await followUp(w.tokens.facilitator)).status).toBe(201)
    expect(await workshopCount(r)).toBe(2)
  })

  it('disconnects a control connection that floods events', async () => {
    const r = await start({ controlEventsPerSecond: 5, controlEventBurst: 10 })
    const w = await createWorkshop(r.url)
    const socket = track(controlSocket(r.url, w.tokens.participant), (s) => s.close())
    expect(await controlOutcome(socket)).toBe('connected')
    const reason = new Promise((resolve) => socket.once('disconnect', resolve))
    for (let i = 0; i < 50; i++) socket.emit('clock:sync', {})
    expect(await reason).toBe('io server disconnect')
  })
})

describe('CREATE_SECRET', () => {
  it('lets only requests with the secret create workshops', async () => {
    const secret = 'correct horse battery staple'
    const r = await start({ createSecret: secret })
    expect((await post(r.url, JSON.stringify(valid))).status).toBe(401)
    expect(
      (await post(r.url, JSON.stringify(valid), { authorization: 'Bearer nope' })).status,
    ).toBe(401)
    expect(await workshopCount(r)).toBe(0)
    expect(
      (await post(r.url, JSON.stringify(valid), { authorization: `Bearer ${secret}` })).status,
    ).toBe(201)
    expect((await post(r.url, JSON.stringify(valid), { 'x-create-secret': secret })).status).toBe(
      201,
    )
    expect(await workshopCount(r)).toBe(2)
  })
})
