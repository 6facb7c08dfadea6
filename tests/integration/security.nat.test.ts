import { describe, expect, it } from 'vitest'
import type { Socket } from 'socket.io-client'
import { cleanupAfterEach } from '../support/cleanup.js'
import { controlOutcome, controlSocket, rawBoardSocket } from '../support/securityClients.js'
import { createWorkshop, startServer } from '../support/startServer.js'

const track = cleanupAfterEach()
/** The school's one public address: every client below comes from it. */
const school = '198.51.100.20'

const api = (url: string, workshopId: string, token: string) =>
  fetch(`${url}/api/workshops/${workshopId}`, {
    headers: { authorization: `Bearer ${token}`, 'x-forwarded-for': school },
  })

const join = (socket: Socket, name: string) =>
  socket.timeout(5000).emitWithAck('session:join', { name, side: 0 }) as Promise<{
    ok: boolean
    personalToken?: string
    error?: string
  }>

describe('a classroom behind one NAT (issue 15, finding 4)', () => {
  it('admits every valid token after stale-link reloads and garbage from the same address', async () => {
    // Default limits: what a school gets out of the box.
    const r = track(await startServer({ security: { trustProxyHops: 1 } }), (s) => s.stop())
    const w = await createWorkshop(r.url)
    const board = w.boards[0]!.id
    const stale = w.tokens.participant
    const rotated = await fetch(`${r.url}/api/workshops/${w.id}/links/participant/rotate`, {
      method: 'POST',
      headers: { authorization: `Bearer ${w.tokens.facilitator}` },
    })
    const participantLink = ((await rotated.json()) as { token: string }).token

    // Ten reloads of a tab still on the replaced link: the page's API call and control plane.
    const answers: (number | string)[] = []
    for (let reload = 0; reload < 10; reload++) {
      answers.push((await api(r.url, w.id, stale)).status)
      const control = track(controlSocket(r.url, stale, school), (s) => s.close())
      answers.push(await controlOutcome(control))
    }
    // It is told the truth first, then to stop trying for a while; nobody else is.
    expect(answers.slice(0, 2)).toEqual([401, 'unknown token'])
    expect(answers.slice(-2)).toEqual([429, 'too many failed attempts'])
    // Someone on the school's network tries twenty garbage tokens.
    const garbage = await Promise.all(
      Array.from({ length: 20 }, (_, i) => api(r.url, w.id, `garbage-${i}`)),
    )
    expect(garbage.map((res) => res.status)).toContain(429)

    // Now the class of 50 arrives from the same address, and the facilitator with them.
    expect((await api(r.url, w.id, w.tokens.facilitator)).status).toBe(200)
    const facilitatorBoard = rawBoardSocket(r.wsUrl, board, w.tokens.facilitator, school)
    track(facilitatorBoard.ws, (ws) => ws.terminate())
    expect(await facilitatorBoard.joined).toBe('joined')
    const facilitator = track(controlSocket(r.url, w.tokens.facilitator, school), (s) => s.close())
    expect(await controlOutcome(facilitator)).toBe('connected')

    const pupils = await Promise.all(
      Array.from({ length: 50 }, async (_, i) => {
        const status = (await api(r.url, w.id, participantLink)).status
        const control = track(controlSocket(r.url, participantLink, school), (s) => s.close())
        const connected = await controlOutcome(control)
        const joined = await join(control, `Pupil ${i}`)
        const own = rawBoardSocket(r.wsUrl, board, joined.personalToken ?? '', school)
        track(own.ws, (ws) => ws.terminate())
        return { status, connected, joined: joined.ok, board: await own.joined }
      }),
    )
    expect(pupils).toEqual(
      Array.from({ length: 50 }, () => ({
        status: 200,
        connected: 'connected',
        joined: true,
        board: 'joined',
      })),
    )
  })
})
