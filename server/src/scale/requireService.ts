import { connect } from 'node:net'

const DEFAULT_PORTS: Record<string, number> = {
  'redis:': 6379,
  'postgres:': 5432,
  'postgresql:': 5432,
}

/** Whether something listens at the host and port of a service URL (one TCP connect). */
export function serviceReachable(url: string, timeoutMs = 1000): Promise<boolean> {
  const parsed = new URL(url)
  const port = Number(parsed.port) || DEFAULT_PORTS[parsed.protocol] || 0
  return new Promise((resolve) => {
    const socket = connect({ host: parsed.hostname || '127.0.0.1', port })
    const done = (ok: boolean) => {
      socket.destroy()
      resolve(ok)
    }
    socket.setTimeout(timeoutMs, () => done(false))
    socket.once('connect', () => done(true))
    socket.once('error', () => done(false))
  })
}

/**
 * For tests that need a service: true when it is reachable. When it is not, the tests skip with
 * a message, except under `CI=true`, where a missing service is a failure, never a silent skip.
 * @example const pg = await requireService('postgres', url); describe.skipIf(!pg)(...)
 */
export async function requireService(name: string, url: string): Promise<boolean> {
  if (await serviceReachable(url)) return true
  const where = new URL(url).host
  if (process.env.CI === 'true') {
    throw new Error(`${name} is not reachable at ${where}, and CI=true: its tests must run`)
  }
  console.warn(`skipping the ${name} tests: ${name} is not reachable at ${where}`)
  return false
}
