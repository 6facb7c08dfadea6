import type Konva from 'konva'
import { flushSync } from 'react-dom'
import type { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { addNotes, asNoteId, NOTE_SIZE, userOrigin } from '@sparboard/board-model'
import type { Viewport } from './viewport.js'

/** What `pnpm bench:canvas` drives in the page; installed only with `?bench` in the URL. */
export interface BenchHook {
  /** Stops syncing, so a benchmark board never reaches the server. */
  disconnect(): void
  /** Applies a board of `count` notes and resolves with ms until the first frame showing them. */
  loadAndDraw(count: number): Promise<number>
  /** Pans by (dx, dy) screen px and redraws at once; returns the ms it took. */
  panBy(dx: number, dy: number): number
  setView(view: Viewport): void
  fit(): void
  bounds(): { width: number; height: number }
}

const COLS = 100
const GAP = 20
const CATEGORIES = ['friction', 'solution', 'interest'] as const

function boardOf(count: number): Uint8Array {
  const doc = new Y.Doc()
  const origin = userOrigin('bench')
  for (let start = 0; start < count; start += 500) {
    const batch = Array.from({ length: Math.min(500, count - start) }, (_, k) => {
      const i = start + k
      const category = CATEGORIES[i % 3]!
      return {
        id: asNoteId(`bench-${i}`),
        category,
        ...(category === 'interest' && { side: (i % 2) as 0 | 1 }),
        x: (i % COLS) * (NOTE_SIZE.width + GAP),
        y: Math.floor(i / COLS) * (NOTE_SIZE.height + GAP),
        text: `Note ${i}: a friction point with a little text on it`,
        author: 'Bench',
      }
    })
    addNotes(doc, batch, origin)
  }
  return Y.encodeStateAsUpdate(doc)
}

const frame = () => new Promise<void>((r) => requestAnimationFrame(() => r()))

export function installBenchHook(
  doc: Y.Doc,
  provider: WebsocketProvider,
  stage: () => Konva.Stage | null,
  view: () => Viewport,
  setView: (v: Viewport) => void,
  fit: () => void,
) {
  if (!new URLSearchParams(location.search).has('bench')) return
  let count = 0
  const hook: BenchHook = {
    disconnect: () => provider.disconnect(),
    async loadAndDraw(n) {
      const update = boardOf(n)
      count = n
      const t0 = performance.now()
      Y.applyUpdate(doc, update)
      // The snapshot is read on the next frame; wait until the notes layer holds shapes.
      while ((stage()?.getLayers()[1]?.getChildren().length ?? 0) < 2) await frame()
      stage()!.draw()
      return performance.now() - t0
    },
    panBy(dx, dy) {
      const t0 = performance.now()
      const v = view()
      flushSync(() => setView({ ...v, x: v.x + dx, y: v.y + dy }))
      stage()!.draw()
      return performance.now() - t0
    },
    setView: (v) => flushSync(() => setView(v)),
    fit: () => flushSync(fit),
    bounds: () => ({
      width: COLS * (NOTE_SIZE.width + GAP),
      height: Math.ceil(count / COLS) * (NOTE_SIZE.height + GAP),
    }),
  }
  ;(window as unknown as { __sparboardBench?: BenchHook }).__sparboardBench = hook
}
