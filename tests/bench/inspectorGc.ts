import WebSocket from 'ws'

/** `NODE_OPTIONS` for a child process whose inspector listens on this loopback port. */
export const inspectorEnv = (port: number) => ({
  NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --inspect=127.0.0.1:${port}`.trim(),
})

/**
 * A full garbage collection in another Node process, through its inspector: memory figures then
 * measure what is kept, not when the collector last ran.
 */
export async function connectInspector(port: number) {
  const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as {
    webSocketDebuggerUrl: string
  }[]
  const ws = new WebSocket(targets[0]!.webSocketDebuggerUrl)
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject))
  const answers = new Map<number, () => void>()
  ws.on('message', (data: Buffer) => {
    const { id } = JSON.parse(data.toString()) as { id?: number }
    if (id !== undefined) answers.get(id)?.()
    answers.delete(id ?? -1)
  })
  let lastId = 0
  const call = (method: string) =>
    new Promise<void>((resolve) => {
      const id = ++lastId
      answers.set(id, resolve)
      ws.send(JSON.stringify({ id, method }))
    })
  return {
    collectGarbage: () => call('HeapProfiler.collectGarbage'),
    close: () => ws.close(),
  }
}
