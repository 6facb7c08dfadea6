import type * as Y from 'yjs'
import type { CreatedWorkshop } from '@sparboard/protocol'
import { createWorkshop, type RunningServer } from './startServer.js'
import { openBoard, synced } from './yjsClient.js'

/**
 * A new workshop whose first board `fill` writes, as the facilitator (fixtures vote in made-up
 * participants' names, which only the facilitator may: [H21]).
 */
export async function workshopWithBoard(
  running: RunningServer,
  fill: (doc: Y.Doc) => void,
): Promise<CreatedWorkshop> {
  const w = await createWorkshop(running.url)
  const { doc, provider } = openBoard(running.wsUrl, w.boards[0]!.id, w.tokens.facilitator)
  await synced(provider)
  fill(doc)
  provider.destroy()
  return w
}
