import type { Logger } from 'pino'
import { CloseCode } from '@sparboard/protocol'
import type { BoardHub } from '../hub/BoardHub.js'
import type { ScaleOut } from './createScaleOut.js'
import { OutageWatch } from './OutageWatch.js'

/**
 * Scale-out mode's outage rule: when Redis or PostgreSQL stops answering, every Yjs connection is
 * closed with 1011, which the stock client retries ("reconnecting"); their rooms unload. What was
 * accepted is in the stream or the snapshot already; what was not is still in the clients, which
 * send it again in their sync step 2 once the services are back and they reconnect.
 */
export function watchServices(
  scale: ScaleOut,
  hub: BoardHub,
  log: Logger,
  timing: { intervalMs?: number; timeoutMs?: number } = {},
): OutageWatch {
  const watch = new OutageWatch({
    checks: {
      // Redis as this node uses it: answering commands, and its subscriptions hearing what is
      // published (a node deaf to revocations and deletions must not serve boards)
      redis: async () => {
        await scale.pingRedis()
        await scale.checkSubscriptions()
      },
      postgres: () => scale.store.ping(),
    },
    intervalMs: timing.intervalMs ?? 1000,
    timeoutMs: timing.timeoutMs ?? 2000,
    onDown: (service) => hub.disconnectAll(CloseCode.internalError, `${service} unavailable`),
    onUp: () => {},
    log,
  })
  scale.boardLogs.onError = () => void watch.check()
  watch.start()
  return watch
}
