import { describe, expect, it } from 'vitest'
import { cleanupAfterEach } from '../support/cleanup.js'
import { controlOutcome, controlSocket, rawBoardSocket } from '../support/securityClients.js'
import { createWorkshop, startServer } from '../support/startServer.js'
import { openBoard, synced } from '../support/yjsClient.js'

const track = cleanupAfterEach()

async function start() {
  const r = track(
    await startServer({
      publicUrl: 'https://sparboard.example',
      security: { allowedOrigins: ['https://intranet.example'] },
    }),
    (s) => s.stop(),
  )
  const w = await createWorkshop(r.url)
  return { r, w, board: w.boards[0]!.id }
}

/** A socket.io handshake over long-polling, as a browser page of `origin` sends it. */
const pollingHandshake = (url: string, origin: string) =>
  fetch(`${url}/socket.io/?EIO=4&transport=polling`, { headers: { origin } })

describe('Origin on /yjs and /socket.io (issue 15, finding 8)', () => {
  it('[H23] refuses a page of another site on the board upgrade with 403', async () => {
    const { r, w, board } = await start()
    const evil = rawBoardSocket(r.wsUrl, board, w.tokens.participant, undefined, {
      origin: 'https://evil.example',
    })
    expect(await evil.outcome).toMatchObject({ status: 403 })
  })

  it('[H23][C1] lets in PUBLIC_URL, ALLOWED_ORIGINS, the server’s own host, and clients without Origin', async () => {
    const { r, w, board } = await start()
    for (const origin of [
      'https://sparboard.example',
      'https://intranet.example',
      // The page the server itself served, reached by its address (and Vite's dev server, which
      // proxies with the Host the browser used).
      r.url,
    ]) {
      const page = rawBoardSocket(r.wsUrl, board, w.tokens.participant, undefined, { origin })
      track(page.ws, (ws) => ws.terminate())
      expect(await page.joined, origin).toBe('joined')
      const control = track(
        controlSocket(r.url, w.tokens.participant, undefined, { headers: { origin } }),
        (s) => s.close(),
      )
      expect(await controlOutcome(control), origin).toBe('connected')
      expect((await pollingHandshake(r.url, origin)).status, origin).toBe(200)
    }
    // The stock provider in Node sends no Origin: an outside tool keeps working.
    const tool = track(openBoard(r.wsUrl, board, w.tokens.participant), (c) => c.provider.destroy())
    await synced(tool.provider)
  })

  it('[C1] refuses a page of another site on socket.io, over websocket and long-polling', async () => {
    const { r, w } = await start()
    const headers = { origin: 'https://evil.example' }
    const ws = track(controlSocket(r.url, w.tokens.participant, undefined, { headers }), (s) =>
      s.close(),
    )
    expect(await controlOutcome(ws)).toBe('websocket error')
    const polling = await pollingHandshake(r.url, 'https://evil.example')
    expect(polling.status).toBe(403)
    const viaPolling = track(
      controlSocket(r.url, w.tokens.participant, undefined, { headers, transports: ['polling'] }),
      (s) => s.close(),
    )
    expect(await controlOutcome(viaPolling)).toBe('xhr poll error')
  })
})
