import type { Logger } from 'pino'
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client'

const latencyBuckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1]

/** Reports a failure no caller hears of (a background task's): one log line and a count. */
export type ReportFailure = (task: string, err: unknown, context?: Record<string, unknown>) => void

/**
 * Failures of work nobody awaits (bookkeeping, lease releases, subscriptions): each is logged
 * and counted in `sparboard_background_failures_total{task}`, never swallowed. Made before the
 * server's registry where scale-out mode needs it first; `createMetrics` registers its counter.
 */
export class Failures {
  readonly counter = new Counter({
    name: 'sparboard_background_failures_total',
    help: 'Failures of background work that no request waited for, by task',
    labelNames: ['task'] as const,
    registers: [],
  })

  constructor(private readonly log: Logger) {}

  readonly report: ReportFailure = (task, err, context = {}) => {
    this.counter.inc({ task })
    this.log.warn({ err, task, ...context }, `${task} failed`)
  }
}

/** The server's Prometheus metrics; one registry per server so tests can run several. */
export function createMetrics(failures?: Failures) {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry })
  const registers = [registry]
  if (failures) registry.registerMetric(failures.counter)
  return {
    registry,
    connections: new Gauge({
      name: 'sparboard_yjs_connections',
      help: 'Open Yjs connections',
      registers,
    }),
    boardsOpen: new Gauge({
      name: 'sparboard_boards_open',
      help: 'Boards loaded in memory',
      registers,
    }),
    updatesIn: new Counter({
      name: 'sparboard_updates_in_total',
      help: 'Updates accepted from clients and appended to the store',
      registers,
    }),
    updatesOut: new Counter({
      name: 'sparboard_updates_out_total',
      help: 'Updates relayed to clients (one per receiving connection)',
      registers,
    }),
    rejected: new Counter({
      name: 'sparboard_rejected_messages_total',
      help: 'Messages or connections refused, by reason',
      labelNames: ['reason'] as const,
      registers,
    }),
    appendSeconds: new Histogram({
      name: 'sparboard_store_append_seconds',
      help: 'Time to append a batch of updates to the store',
      buckets: latencyBuckets,
      registers,
    }),
    pendingDropped: new Counter({
      name: 'sparboard_pending_dropped_total',
      help: 'Updates (or stored boards) whose part waiting on clocks that never arrived was dropped or refused, by source',
      labelNames: ['source'] as const,
      registers,
    }),
    relaySeconds: new Histogram({
      name: 'sparboard_relay_seconds',
      help: 'Time from receiving an update to relaying it to peers (includes the store append)',
      buckets: latencyBuckets,
      registers,
    }),
  }
}
export type Metrics = ReturnType<typeof createMetrics>
