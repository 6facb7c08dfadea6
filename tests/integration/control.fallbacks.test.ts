import { describe, expect, it } from 'vitest'
import { fallbacksOf, readFallbacks } from '@sparboard/board-model'
import { cleanupAfterEach } from '../support/cleanup.js'
import { eventually } from '../support/eventually.js'
import { pdfText } from '../support/pdfText.js'
import { framesCarrying } from '../support/privateWriting.js'
import { openRaw } from '../support/rawClient.js'
import { createWorkshop, startServer } from '../support/startServer.js'
import { closedWith, openBoard, synced } from '../support/yjsClient.js'
import { connected, joinAuthor, openControl, type ControlClient } from './control.support.js'

const track = cleanupAfterEach()

const SALES = 'Sales-only: we ship from the stock of the other warehouse'
const OPS = 'Ops-only: we keep the week plan and say no to the rush'

/** Everything a control socket is sent, as text, to search for what it must never see. */
function recording(client: ControlClient): string[] {
  const seen: string[] = []
  client.socket.onAny((event: string, ...args: unknown[]) =>
    seen.push(`${event} ${JSON.stringify(args)}`),
  )
  return seen
}

async function workshopWithCards() {
  const running = track(await startServer(), (r) => r.stop())
  const w = await createWorkshop(running.url, {
    title: 'Sales & Operations',
    sides: ['Sales', 'Operations'],
    cases: [{ title: 'Rush order' }],
    groups: 1,
    method: { fallbackCards: true },
  })
  expect(w.method).toMatchObject({
    recurringFrictions: true,
    perspectiveSwap: false,
    fallbackCards: true,
    checkableAgreements: true,
  })
  const board = w.boards[0]!.id
  const control = (token: string) => track(openControl(running.url, token), (c) => c.close())
  const [f, observer, anna, eva, bram] = [
    control(w.tokens.facilitator),
    control(w.tokens.observer),
    control(w.tokens.participant),
    control(w.tokens.participant),
    control(w.tokens.participant),
  ]
  const heard = { f: recording(f), observer: recording(observer), bram: recording(bram) }
  const heardBySales = recording(anna)
  await Promise.all([f, observer, anna, eva, bram].map(connected))
  await joinAuthor(anna, 'Anna', 0)
  await joinAuthor(eva, 'Eva', 0)
  const bramJoined = await joinAuthor(bram, 'Bram', 1)
  return { running, w, board, f, anna, eva, bram, bramJoined, heard, heardBySales }
}

describe('[FB1] "if we don\'t agree" cards stay with their side until the facilitator reveals them', () => {
  it('no other side, facilitator or observer receives a card before the reveal, by any channel; then everyone has both', async () => {
    const { running, w, board, f, anna, eva, bram, bramJoined, heard, heardBySales } =
      await workshopWithCards()
    // The other side's stock client on the board, and a raw one recording every frame.
    const stock = track(openBoard(running.wsUrl, board, bramJoined.personalToken), (b) =>
      b.provider.destroy(),
    )
    const raw = track(openRaw(running.wsUrl, board, w.tokens.participant), (r) => r.ws.close())
    await Promise.all([synced(stock.provider), raw.opened])

    expect(await f.send('fallback:reveal', { boardId: board })).toEqual({
      ok: false,
      error: 'conflict',
      field: 'fallbacks',
    })
    expect(await anna.send('fallback:write', { boardId: board, text: SALES })).toEqual({
      ok: true,
      text: SALES,
      by: 'Anna',
    })
    expect(await bram.send('fallback:write', { boardId: board, text: OPS })).toMatchObject({
      ok: true,
    })
    // Her teammate reads it; the other side reads only its own.
    expect(await eva.send('fallback:mine', { boardId: board })).toEqual({
      ok: true,
      text: SALES,
      by: 'Anna',
    })
    expect(await bram.send('fallback:mine', { boardId: board })).toEqual({
      ok: true,
      text: OPS,
      by: 'Bram',
    })
    // Nobody else may ask: the facilitator and observers speak for no side.
    expect(await f.send('fallback:mine', { boardId: board })).toEqual({
      ok: false,
      error: 'forbidden',
    })
    // The facilitator sees that both sides wrote one: counts, never text.
    await eventually(() =>
      expect(f.state?.fallbacks).toEqual({ [`${board}/0`]: 1, [`${board}/1`]: 1 }),
    )

    const api = (path: string, token: string) =>
      fetch(`${running.url}${path}`, { headers: { authorization: `Bearer ${token}` } })
    const summary = await (
      await api(`/api/workshops/${w.id}/summary.md?lang=en`, w.tokens.facilitator)
    ).text()
    const report = await pdfText(
      await (
        await api(`/api/workshops/${w.id}/report.pdf?lang=en`, w.tokens.facilitator)
      ).arrayBuffer(),
    )
    const view = await (await api(`/api/workshops/${w.id}`, w.tokens.facilitator)).text()
    for (const text of [SALES, OPS]) {
      expect(summary).not.toContain(text)
      expect(report).not.toContain(text.slice(0, 20))
      expect(view).not.toContain(text)
      expect(framesCarrying(raw.received, text)).toBe(0)
      expect(heard.f.join('\n')).not.toContain(text)
      expect(heard.observer.join('\n')).not.toContain(text)
    }
    expect(summary).toContain('Not revealed.')
    expect(readFallbacks(stock.doc)).toEqual([])
    expect(heard.bram.join('\n')).not.toContain(SALES)
    expect(heardBySales.join('\n')).not.toContain(OPS)

    // A participant cannot put words on the board in a side's name: 4400, and undone.
    const forger = track(openBoard(running.wsUrl, board, bramJoined.personalToken), (b) =>
      b.provider.destroy(),
    )
    await synced(forger.provider)
    const refused = closedWith(forger.provider)
    fallbacksOf(forger.doc).set('0', { text: 'Sales gives in', revealedAt: 1 })
    expect(await refused).toBe(4400)
    // undone in the same update: no board shows it
    await eventually(() => expect(readFallbacks(forger.doc)).toEqual([]))
    expect(readFallbacks(stock.doc)).toEqual([])

    expect(await f.send('fallback:reveal', { boardId: board })).toEqual({ ok: true })
    // The board has both cards by the time anyone hears of the reveal.
    expect(f.state?.fallbacksRevealed).toEqual([board])
    await eventually(() =>
      expect(readFallbacks(stock.doc).map((c) => [c.side, c.text])).toEqual([
        [0, SALES],
        [1, OPS],
      ]),
    )
    expect(framesCarrying(raw.received, SALES)).toBe(1)
    await eventually(() => expect(f.state?.fallbacks).toEqual({}))
    // Revealed is revealed: the card no longer changes.
    expect(await anna.send('fallback:write', { boardId: board, text: 'later' })).toEqual({
      ok: false,
      error: 'conflict',
      field: 'boardId',
    })
    const after = await (
      await api(`/api/workshops/${w.id}/summary.md?lang=en`, w.tokens.observer)
    ).text()
    expect(after).toContain(`- **Sales**: ${SALES}`)
    expect(after).toContain(`- **Operations**: ${OPS}`)
  })

  it('survives a restart hidden, and a workshop without the option takes no card', async () => {
    const { running, w, board, anna, f } = await workshopWithCards()
    expect(await anna.send('fallback:write', { boardId: board, text: SALES })).toMatchObject({
      ok: true,
    })
    const row = JSON.stringify(await running.server.store.getSession(w.id))
    expect(row).toContain(SALES)
    f.close()
    anna.close()
    await running.stop(false)
    const again = track(await startServer({ dataDir: running.dataDir }), (r) => r.stop())
    const back = track(openControl(again.url, w.tokens.facilitator), (c) => c.close())
    const seen = recording(back)
    await connected(back)
    await eventually(() => expect(back.state?.fallbacks).toEqual({ [`${board}/0`]: 1 }))
    expect(seen.join('\n')).not.toContain(SALES)
    expect(await back.send('fallback:reveal', { boardId: board })).toEqual({ ok: true })
    const observer = track(openBoard(again.wsUrl, board, w.tokens.observer), (b) =>
      b.provider.destroy(),
    )
    await synced(observer.provider)
    expect(readFallbacks(observer.doc).map((c) => c.text)).toEqual([SALES, ''])

    const plain = await createWorkshop(again.url)
    expect(plain.method).toMatchObject({
      recurringFrictions: true,
      perspectiveSwap: false,
      fallbackCards: false,
      checkableAgreements: true,
    })
    const p = track(openControl(again.url, plain.tokens.participant), (c) => c.close())
    await connected(p)
    await joinAuthor(p, 'Piet', 0)
    expect(await p.send('fallback:write', { boardId: plain.boards[0]!.id, text: 'x' })).toEqual({
      ok: false,
      error: 'conflict',
      field: 'method',
    })
  })
})
