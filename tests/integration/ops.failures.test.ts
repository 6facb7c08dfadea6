import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { createLogger, SqliteStore, type Store } from '@sparboard/server'
import { cleanupAfterEach } from '../support/cleanup.js'
import { eventually } from '../support/eventually.js'
import { createWorkshop, startServer } from '../support/startServer.js'
import { openBoard, synced } from '../support/yjsClient.js'

const track = cleanupAfterEach()

/** The real store, except that recording activity fails (a full disk, a lost connection). */
function failingTouches(store: Store): Store {
  return new Proxy(store, {
    get(target, property) {
      if (property === 'touchWorkshop') return () => Promise.reject(new Error('disk full'))
      const value: unknown = Reflect.get(target, property, target)
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
}

const counted = async (url: string, task: string) => {
  const text = await (await fetch(`${url}/metrics`)).text()
  const line = text
    .split('\n')
    .find((l) => l.startsWith(`sparboard_background_failures_total{task="${task}"}`))
  return line ? Number(line.split(' ')[1]) : 0
}

describe('failures nobody waits for', () => {
  it('are logged and counted, never swallowed, and fail nothing that a person waits for', async () => {
    const lines: Record<string, unknown>[] = []
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString().split('\n').filter(Boolean))
          lines.push(JSON.parse(line) as Record<string, unknown>)
        done()
      },
    })
    const dataDir = mkdtempSync(join(tmpdir(), 'sparboard-test-'))
    const store = failingTouches(new SqliteStore(join(dataDir, 'sparboard.sqlite')))
    const running = track(
      await startServer({ dataDir, store, logger: createLogger('warn', sink) }),
      (r) => r.stop(),
    )
    const w = await createWorkshop(running.url)
    // the API call behind a grant records activity: it fails, the answer does not
    const res = await fetch(`${running.url}/api/workshops/${w.id}`, {
      headers: { authorization: `Bearer ${w.tokens.observer}` },
    })
    expect(res.status).toBe(200)
    await eventually(async () => expect(await counted(running.url, 'touch-workshop')).toBe(1))
    // a board edit records activity too: it is stored and relayed all the same
    const [writer, reader] = [w.tokens.participant, w.tokens.observer].map((token) =>
      track(openBoard(running.wsUrl, w.boards[0]!.id, token), (c) => c.provider.destroy()),
    )
    await Promise.all([synced(writer!.provider), synced(reader!.provider)])
    writer!.doc.getMap('notes').set('n1', 'kept')
    await eventually(() => expect(reader!.doc.getMap('notes').get('n1')).toBe('kept'))
    await eventually(async () => expect(await counted(running.url, 'touch-workshop')).toBe(2))
    expect(lines.filter((l) => l.task === 'touch-workshop')).toEqual([
      expect.objectContaining({ msg: 'touch-workshop failed', workshop: w.id }),
      expect.objectContaining({ msg: 'touch-workshop failed', workshop: w.id }),
    ])
  })
})
