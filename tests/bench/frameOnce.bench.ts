/**
 * `pnpm bench:frame`: the CPU of the relay's write path per delivery, two ways in the same run:
 * `ws.send` per receiver (a header built per receiver, header and payload written as two buffers)
 * against one frame built per update and written as is to every receiver (`wireFrame.ts`).
 * This process sends on CPU 0; 180 stock `ws` clients (20 rooms of 9) read on CPU 1. Blocks of
 * 2,000 updates alternate between the two ways, so that a neighbour's load hits both alike; the
 * figure is the median block. Not a test: it prints figures.
 */
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { createRequire } from 'node:module'
import { cpus } from 'node:os'
import { WebSocketServer, type WebSocket } from 'ws'
import { updateMessage } from '../../server/src/hub/messages.js'
import { binaryFrame, writeFramed } from '../../server/src/hub/wireFrame.js'
import { CLIENT_CPU, pinning, pinningNote, pinThisProcess, SERVER_CPU } from './cpuPinning.js'
import { median } from './relayFigures.js'

const ROOMS = 20
const RECEIVERS = 9
const BLOCKS = Number(process.env.BENCH_BLOCKS ?? 40)
const UPDATES_PER_BLOCK = 2000
const require = createRequire(import.meta.url)

pinThisProcess(SERVER_CPU)
const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' })
await once(wss, 'listening')
const port = (wss.address() as { port: number }).port
const sockets: WebSocket[] = []
wss.on('connection', (s) => sockets.push(s))
const clients = spawn(
  'taskset',
  [
    '-c',
    pinning ? CLIENT_CPU : '0-1',
    process.execPath,
    '-e',
    `const WebSocket = require(${JSON.stringify(require.resolve('ws'))})
     for (let i = 0; i < ${ROOMS * RECEIVERS}; i++) new WebSocket('ws://127.0.0.1:${port}').on('message', () => {})`,
  ],
  { stdio: 'inherit' },
)
while (sockets.length < ROOMS * RECEIVERS) await once(wss, 'connection')

// a keystroke's update is ~30-40 bytes
const update = new Uint8Array(36).fill(7)
const cpuMicros = () => {
  const u = process.cpuUsage()
  return u.user + u.system
}
const ways = {
  'ws.send per receiver': (room: WebSocket[], message: Uint8Array) => {
    for (const s of room) s.send(message)
  },
  'one frame for every receiver': (room: WebSocket[], message: Uint8Array) => {
    const frame = binaryFrame(message)
    for (const s of room) if (!writeFramed(s, frame)) throw new Error('not written framed')
  },
}
type Way = keyof typeof ways
const perDelivery = new Map<Way, number[]>(Object.keys(ways).map((w) => [w as Way, []]))
for (let block = 0; block < BLOCKS; block++) {
  const order = Object.keys(ways) as Way[]
  for (const way of block % 2 ? order.reverse() : order) {
    const send = ways[way]
    const start = cpuMicros()
    for (let u = 0; u < UPDATES_PER_BLOCK; u++) {
      const r = u % ROOMS
      send(sockets.slice(r * RECEIVERS, (r + 1) * RECEIVERS), updateMessage(update))
      // let the sockets drain now and then, as the event loop does between turns
      if (u % 100 === 99) await new Promise((resolve) => setImmediate(resolve))
    }
    perDelivery.get(way)!.push((cpuMicros() - start) / (UPDATES_PER_BLOCK * RECEIVERS))
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}
clients.kill()
console.log(
  `\nrelay write path, node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), sender on CPU ${SERVER_CPU}, ${pinningNote()}, ${new Date().toISOString()}`,
)
console.table(
  [...perDelivery].map(([way, us]) => ({
    way,
    'CPU µs per delivery (median block)': median(us).toFixed(2),
    'fastest block': Math.min(...us).toFixed(2),
    'slowest block': Math.max(...us).toFixed(2),
  })),
)
process.exit(0)
