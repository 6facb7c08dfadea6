import type { Logger } from 'pino'

/** What the last check of a service found. */
export type ServiceState = 'up' | 'down'

export interface OutageWatchOptions {
  /** Each check resolves when its service answers; a rejection or a timeout is an outage. */
  readonly checks: Readonly<Record<string, () => Promise<unknown>>>
  readonly intervalMs: number
  readonly timeoutMs: number
  /** The services went away: close what depends on them so that clients reconnect later. */
  readonly onDown: (service: string) => void
  readonly onUp: () => void
  readonly log: Logger
}

const withTimeout = (promise: Promise<unknown>, ms: number) =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms)
    promise.then(resolve, reject).finally(() => clearTimeout(timer))
  })

/** Pings Redis and PostgreSQL; tells when either stops answering and when both are back. */
export class OutageWatch {
  private timer: NodeJS.Timeout | null = null
  private checking: Promise<void> | null = null
  /** Whether every service answered the last check. */
  up = true
  /** Each service as the last check found it (`/healthz` names the ones that are down). */
  readonly services: Record<string, ServiceState>

  constructor(private readonly o: OutageWatchOptions) {
    this.services = Object.fromEntries(Object.keys(o.checks).map((s) => [s, 'up' as const]))
  }

  start(): void {
    // At once: a node started during an outage must not report healthy until the first tick.
    void this.check()
    this.timer = setInterval(() => void this.check(), this.o.intervalMs)
    this.timer.unref()
  }

  /** Checks now (also when something failed under a request); one check at a time. */
  check(): Promise<void> {
    this.checking ??= this.run().finally(() => (this.checking = null))
    return this.checking
  }

  private async run(): Promise<void> {
    // Every service is asked each time, so that the health check can name each one that is down.
    const failures = await Promise.all(
      Object.entries(this.o.checks).map(([service, ping]) =>
        withTimeout(ping(), this.o.timeoutMs).then(
          () => ((this.services[service] = 'up'), null),
          (err: unknown) => ((this.services[service] = 'down'), { service, err }),
        ),
      ),
    )
    const failed = failures.find((f) => f !== null)
    if (failed) {
      if (this.up) {
        this.up = false
        this.o.log.error(failed, 'service unreachable: clients reconnect later')
        this.o.onDown(failed.service)
      }
      return
    }
    if (!this.up) {
      this.up = true
      this.o.log.info('services are back')
      this.o.onUp()
    }
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer)
  }
}
