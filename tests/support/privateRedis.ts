import { spawn, type ChildProcess } from 'node:child_process'
import { connect, createServer } from 'node:net'
import { Redis } from 'ioredis'

/** A free loopback port (released again for the caller to bind at once). */
async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise((resolve) => server.close(resolve))
  return port
}

const accepts = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' })
    socket.once('connect', () => (socket.destroy(), resolve(true)))
    socket.once('error', () => (socket.destroy(), resolve(false)))
  })

/**
 * A Redis of the test's own (`redis-server` on a free port, nothing saved), for what must not
 * touch the shared one: changing a user's permissions, say. `admin` is a connection as `default`.
 */
export async function startPrivateRedis() {
  const port = await freePort()
  const proc: ChildProcess = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  )
  // Listening within a moment; it answers once a TCP connect goes through.
  for (let attempt = 0; !(await accepts(port)); attempt++) {
    if (attempt > 200) {
      proc.kill('SIGKILL')
      throw new Error(`redis-server did not start on port ${port}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
  const admin = new Redis({ port, host: '127.0.0.1' })
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    admin,
    stop() {
      admin.disconnect()
      proc.kill('SIGKILL')
    },
  }
}
