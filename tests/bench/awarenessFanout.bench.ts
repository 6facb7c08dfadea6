/**
 * How long `/healthz` waits while one connection's awareness fans out to many receivers on one
 * board (issue 15, finding 7): `RECEIVERS` bare clients read a board, one sender sends
 * `MESSAGES` awareness updates of `STATE_BYTES` as fast as it can, and `/healthz` is asked every
 * 5 ms meanwhile. Prints the slowest and median answers and what the receivers got.
 * Run: `cd tests && npx tsx --conditions=sparboard-source bench/awarenessFanout.bench.ts`
 * (env: RECEIVERS, MESSAGES, STATE_BYTES; the server's env passes through, e.g.
 * MAX_CONNECTIONS_PER_ADDRESS=5000 to let every receiver in from one address).
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os, { tmpdir } from 'node:os'
import { createInterface } from 'node:readline'
import { join } from 'node:path'
import WebSocket from 'ws'
import { spawnServer } from '../support/childServer.js'
import { awarenessUpdate, frames } from '../support/rawClient.js'
import { createWorkshop } from '../support/startServer.js'

const RECEIVERS = Number(process.env.RECEIVERS ?? 2000)
const MESSAGES = Number(process.env.MESSAGES ?? 20)
const STATE_BYTES = Number(process.env.STATE_BYTES ?? 8 * 1024)

const awarenessFrame = (client: number, clock: number, state: unknown) =>
  frames.awareness(awarenessUpdate(client, clock, state))

/** Asks `/healthz` every 5 ms until its stdin closes, then prints the latencies (ms) as JSON. */
const POLLER = `
const url = process.argv[1]
const latencies = []
let polling = true
process.stdin.on('end', () => (polling = false)).resume()
;(async () => {
  while (polling) {
    const started = performance.now()
    await fetch(url)
    latencies.push(performance.now() - started)
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
  process.stdout.write(JSON.stringify(latencies))
})()
`

/** CPU time (ms) a process has used: on a shared machine /healthz waits also measure the others. */
const cpuMs = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
  return (Number(fields[11]) + Number(fields[12])) * 10
}

/** Loaded into the server: on SIGUSR2 prints its event loop's delays since the last, and resets. */
const LOOP_DELAY = `
import { monitorEventLoopDelay } from 'node:perf_hooks'
const delay = monitorEventLoopDelay({ resolution: 5 })
delay.enable()
process.on('SIGUSR2', () => {
  console.log(JSON.stringify({ loopMaxMs: delay.max / 1e6, loopP99Ms: delay.percentile(99) / 1e6 }))
  delay.reset()
})
`

const dataDir = mkdtempSync(join(tmpdir(), 'sparboard-fanout-'))
writeFileSync(join(dataDir, 'loopDelay.mjs'), LOOP_DELAY)
process.env.SPARBOARD_SERVER_NODE_ARGS = `--import ${join(dataDir, 'loopDelay.mjs')}`
const server = await spawnServer(dataDir)
let loop: unknown = null
createInterface({ input: server.proc.stdout! }).on('line', (line) => {
  if (line.startsWith('{"loopMaxMs"')) loop = JSON.parse(line)
})
try {
  const workshop = await createWorkshop(server.url)
  const board = workshop.boards[0]!.id
  const open = (token: string) =>
    new Promise<WebSocket>((resolve, reject) => {
      const ws = new WebSocket(`${server.wsUrl}/yjs/${board}?token=${token}`)
      ws.once('open', () => resolve(ws))
      ws.once('error', reject)
      ws.once('close', (code) => reject(new Error(`closed ${code}`)))
    })
  let receivedBytes = 0
  let receivedMessages = 0
  const receivers: WebSocket[] = []
  for (let i = 0; i < RECEIVERS; i += 100) {
    const batch = await Promise.allSettled(
      Array.from({ length: Math.min(100, RECEIVERS - i) }, () => open(workshop.tokens.observer)),
    )
    for (const r of batch) {
      if (r.status !== 'fulfilled') continue
      r.value.on('message', (data: Buffer) => {
        if (data[0] !== 1) return
        receivedBytes += data.byteLength
        receivedMessages++
      })
      receivers.push(r.value)
    }
  }
  console.log(`receivers connected: ${receivers.length} of ${RECEIVERS}`)
  const sender = await open(workshop.tokens.observer)
  // Let the joins' own awareness settle before measuring.
  await new Promise((resolve) => setTimeout(resolve, 1000))
  receivedBytes = 0
  receivedMessages = 0

  // The poller is a process of its own: the receivers here are busy with what they get.
  const poller = spawn(process.execPath, ['-e', POLLER, `${server.url}/healthz`], {
    stdio: ['pipe', 'pipe', 'inherit'],
  })
  let output = ''
  poller.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const pollerDone = new Promise((resolve) => poller.once('exit', resolve))
  await new Promise((resolve) => setTimeout(resolve, 500))
  const cpuBefore = cpuMs(server.proc.pid!)
  server.proc.kill('SIGUSR2')
  const padding = 'x'.repeat(STATE_BYTES)
  for (let clock = 1; clock <= MESSAGES; clock++)
    sender.send(awarenessFrame(424242, clock, { cursor: { x: clock, y: clock }, padding }))
  const sentAt = performance.now()
  // Wait for the receivers to go quiet.
  let last = -1
  while (last !== receivedMessages || performance.now() - sentAt < 1000) {
    last = receivedMessages
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  const serverCpuMs = cpuMs(server.proc.pid!) - cpuBefore
  server.proc.kill('SIGUSR2')
  await new Promise((resolve) => setTimeout(resolve, 200))
  poller.stdin.end()
  await pollerDone
  const latencies = (JSON.parse(output) as number[]).sort((a, b) => a - b)
  const at = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!
  console.log(
    JSON.stringify({
      receivers: receivers.length,
      messages: MESSAGES,
      stateBytes: STATE_BYTES,
      healthzMaxMs: Math.round(at(1)),
      healthzP50Ms: Math.round(at(0.5)),
      healthzP99Ms: Math.round(at(0.99)),
      polls: latencies.length,
      relayedMessages: receivedMessages,
      relayedMB: Math.round(receivedBytes / 1e5) / 10,
      serverCpuMs,
      ...(loop as object),
      loadAverage: os.loadavg()[0],
    }),
  )
  for (const ws of [...receivers, sender]) ws.terminate()
} finally {
  server.proc.kill('SIGTERM')
  await server.exited
  rmSync(dataDir, { recursive: true, force: true })
}
