import type { Logger } from 'pino'

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

  constructor(private readonly o: OutageWatchOptions) {}

  start(): void {
    this.timer = setInterval(() => void this.check(), this.o.intervalMs)
    this.timer.unref()
  }

  /** Checks now (also when something failed under a request); one check at a time. */
  check(): Promise<void> {
    this.checking ??= this.run().finally(() => (this.checking = null))
    return this.checking
  }

  private async run(): Promise<void> {
    for (const [service, ping] of Object.entries(this.o.checks)) {
      try {
        await withTimeout(ping(), this.o.timeoutMs)
      } catch (err) {
        if (this.up) {
          this.up = false
          this.o.log.error({ err, service }, 'service unreachable: clients reconnect later')
          this.o.onDown(service)
        }
        return
      }
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
