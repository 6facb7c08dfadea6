import { describe, expect, it } from 'vitest'
import {
  addGuess,
  GuessField,
  guessesOf,
  matchGuess,
  readGuesses,
  readNotes,
  userOrigin,
  type Side,
} from '@sparboard/board-model'
import { privateRoom } from '@sparboard/protocol'
import { cleanupAfterEach } from '../support/cleanup.js'
import { eventually } from '../support/eventually.js'
import { pdfText } from '../support/pdfText.js'
import {
  boardFromFrames,
  framesCarrying,
  writePrivately,
  type PrivateNote,
} from '../support/privateWriting.js'
import { openRaw } from '../support/rawClient.js'
import { createWorkshop, startServer } from '../support/startServer.js'
import { openBoard, synced } from '../support/yjsClient.js'
import { connected, joinAuthor, openControl } from './control.support.js'

const track = cleanupAfterEach()

const ANNA_GUESS = 'Anna guesses: Operations wants full trucks'
const ANNA_WRONG = 'Anna guesses: Operations wants overtime pay'
const BRAM_GUESS = 'Bram guesses: Sales wants a bonus on revenue'
const fullTrucks: PrivateNote = {
  id: 'ops-full',
  text: 'Operations states: full trucks, every time',
  category: 'interest',
  side: 1,
  authorSide: 1,
  x: 1400,
  y: 200,
  author: 'Bram',
}
const plan: PrivateNote = { ...fullTrucks, id: 'ops-plan', text: 'A stable week plan', y: 400 }

describe('[SW1] perspective swap: guesses stay with their author until the reveal', () => {
  it('the other side never receives a guess before the reveal, not even in the interests phase; then the group links a match, the server checks it, and the summary shows it', async () => {
    const running = track(await startServer(), (r) => r.stop())
    const w = await createWorkshop(running.url, {
      title: 'Sales & Operations',
      sides: ['Sales', 'Operations'],
      cases: [{ title: 'Rush order' }],
      groups: 1,
      method: { perspectiveSwap: true },
    })
    const board = w.boards[0]!.id
    const control = (token: string) => track(openControl(running.url, token), (c) => c.close())
    const [f, annaControl, bramControl] = [
      control(w.tokens.facilitator),
      control(w.tokens.participant),
      control(w.tokens.participant),
    ]
    await Promise.all([connected(f), connected(annaControl), connected(bramControl)])
    const anna = await joinAuthor(annaControl, 'Anna', 0)
    const bram = await joinAuthor(bramControl, 'Bram', 1)
    expect(await f.send('phase:set', { phase: 'perspective' })).toEqual({ ok: true })

    // Bram (the other side) on the board with a stock client and his own token; a raw recorder.
    const bramBoard = track(openBoard(running.wsUrl, board, bram.personalToken), (b) =>
      b.provider.destroy(),
    )
    const raw = track(openRaw(running.wsUrl, board, w.tokens.participant), (r) => r.ws.close())
    await Promise.all([synced(bramBoard.provider), raw.opened])

    // Each writes guesses in their own private room, as the board page does.
    const guess = (text: string, side: Side, at: number) => ({
      text,
      side,
      authorSide: (side === 0 ? 1 : 0) as Side,
      createdAt: at,
    })
    const annaRoom = track(
      openBoard(running.wsUrl, privateRoom(board, anna.privateKey), anna.personalToken),
      (b) => b.provider.destroy(),
    )
    const bramRoom = track(
      openBoard(running.wsUrl, privateRoom(board, bram.privateKey), bram.personalToken),
      (b) => b.provider.destroy(),
    )
    await Promise.all([synced(annaRoom.provider), synced(bramRoom.provider)])
    addGuess(
      annaRoom.doc,
      'anna-g1',
      { ...guess(ANNA_GUESS, 1, 1), author: 'Anna' },
      userOrigin('Anna'),
    )
    addGuess(
      annaRoom.doc,
      'anna-g2',
      { ...guess(ANNA_WRONG, 1, 2), author: 'Anna' },
      userOrigin('Anna'),
    )
    addGuess(
      bramRoom.doc,
      'bram-g1',
      { ...guess(BRAM_GUESS, 0, 3), author: 'Bram' },
      userOrigin('Bram'),
    )
    // stored: a second tab of Anna's sees them
    const witness = track(
      openBoard(running.wsUrl, privateRoom(board, anna.privateKey), anna.personalToken),
      (b) => b.provider.destroy(),
    )
    await eventually(() => expect(readGuesses(witness.doc)).toHaveLength(2))

    // Bram cannot open Anna's room ([H27]).
    const peek = track(
      openRaw(running.wsUrl, privateRoom(board, anna.privateKey), bram.personalToken),
      (r) => r.ws.close(),
    )
    expect(await peek.closed).toBe(4403)

    // On to the interests: private writing goes on, so the guesses stay where they are.
    expect(await f.send('phase:set', { phase: 'interests' })).toEqual({ ok: true })
    await writePrivately(running.wsUrl, privateRoom(board, bram.privateKey), bram.personalToken, [
      fullTrucks,
      plan,
    ])
    expect(await f.send('timer:start', { durationMs: 60_000 })).toEqual({ ok: true })
    for (const text of [ANNA_GUESS, ANNA_WRONG, fullTrucks.text])
      expect(framesCarrying(raw.received, text)).toBe(0)
    expect(readGuesses(bramBoard.doc)).toEqual([])
    expect(readNotes(bramBoard.doc)).toEqual([])
    // and the facilitator's count says how many wait: numbers only
    const summaryBefore = await (
      await fetch(`${running.url}/api/workshops/${w.id}/summary.md?lang=en`, {
        headers: { authorization: `Bearer ${w.tokens.facilitator}` },
      })
    ).text()
    expect(summaryBefore).not.toContain(ANNA_GUESS)

    // The reveal: guesses and interests arrive together, each once.
    expect(await f.send('phase:reveal', {})).toEqual({ ok: true })
    await eventually(() => expect(readGuesses(bramBoard.doc)).toHaveLength(3))
    expect(readNotes(bramBoard.doc).map((n) => n.id)).toEqual(['ops-full', 'ops-plan'])
    expect(framesCarrying(raw.received, ANNA_GUESS)).toBe(1)
    await eventually(() => expect(readGuesses(annaRoom.doc)).toEqual([]))

    // The group links Anna's guess to the interest Operations stated.
    expect(matchGuess(bramBoard.doc, 'anna-g1', fullTrucks.id as never, userOrigin('Bram'))).toBe(
      true,
    )
    await eventually(() =>
      expect(
        readGuesses(boardFromFrames(raw.received)).find((g) => g.id === 'anna-g1')?.match,
      ).toBe(fullTrucks.id),
    )
    // A link to anything but an interest of the guessed side is undone by the server for
    // everyone, its writer too (Bram's guess is about Sales; full trucks is Operations').
    const forger = track(openBoard(running.wsUrl, board, anna.personalToken), (b) =>
      b.provider.destroy(),
    )
    await synced(forger.provider)
    guessesOf(forger.doc).get('bram-g1')!.set(GuessField.match, fullTrucks.id)
    await eventually(() =>
      expect(guessesOf(forger.doc).get('bram-g1')!.get(GuessField.match)).toBe(''),
    )
    const relayed = boardFromFrames(raw.received)
    expect(readGuesses(relayed).find((g) => g.id === 'bram-g1')?.match).toBeNull()
    expect(guessesOf(relayed).get('bram-g1')!.get(GuessField.match)).toBe('')
    expect(readGuesses(bramBoard.doc).find((g) => g.id === 'bram-g1')?.match).toBeNull()

    const get = async (path: string) =>
      fetch(`${running.url}${path}`, { headers: { authorization: `Bearer ${w.tokens.observer}` } })
    const summary = await (await get(`/api/workshops/${w.id}/summary.md?lang=en`)).text()
    expect(summary).toContain('### Perspective swap')
    expect(summary).toContain('#### Interests of Operations, as Sales guessed them')
    expect(summary).toContain('1 of 2 guesses matched · 1 of 2 interests missed')
    expect(summary).toContain(`- ${fullTrucks.text} (guessed as: “${ANNA_GUESS}”)`)
    expect(summary).toContain(`- ${ANNA_WRONG}`)
    expect(summary).toContain('0 of 1 guesses matched · 0 of 0 interests missed')
    const nl = await (await get(`/api/workshops/${w.id}/summary.md?lang=nl`)).text()
    expect(nl).toContain('1 van 2 gissingen raak · 1 van 2 belangen gemist')
    const report = await pdfText(
      await (await get(`/api/workshops/${w.id}/report.pdf?lang=en`)).arrayBuffer(),
    )
    expect(report).toContain('What each side guessed of the other')
    expect(report).toContain('1 of 2 guesses matched')
  })

  it('is on the agenda only where the facilitator switched it on', async () => {
    const running = track(await startServer(), (r) => r.stop())
    const w = await createWorkshop(running.url)
    expect(w.method).toMatchObject({
      recurringFrictions: true,
      perspectiveSwap: false,
      fallbackCards: false,
      checkableAgreements: true,
    })
    const f = track(openControl(running.url, w.tokens.facilitator), (c) => c.close())
    await connected(f)
    expect(await f.send('phase:set', { phase: 'perspective' })).toEqual({
      ok: false,
      error: 'conflict',
      field: 'phase',
    })
    const bad = await fetch(`${running.url}/api/workshops`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        title: 'x',
        cases: [{ title: 'c' }],
        groups: 1,
        method: { perspectiveSwap: 'yes' },
      }),
    })
    expect(bad.status).toBe(400)
    expect(await bad.json()).toMatchObject({ field: 'method.perspectiveSwap' })
  })
})
