import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client'

const latencyBuckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1]

/** The server's Prometheus metrics; one registry per server so tests can run several. */
export function createMetrics() {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry })
  const registers = [registry]
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
    relaySeconds: new Histogram({
      name: 'sparboard_relay_seconds',
      help: 'Time from receiving an update to relaying it to peers (includes the store append)',
      buckets: latencyBuckets,
      registers,
    }),
  }
}
export type Metrics = ReturnType<typeof createMetrics>
