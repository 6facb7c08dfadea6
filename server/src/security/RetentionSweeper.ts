import type { Logger } from 'pino'
import type { Store } from '../store/Store.js'

const DAY_MS = 24 * 60 * 60 * 1000
const HOUR_MS = 60 * 60 * 1000

/** Deletes workshops untouched for `days`: once at start, then every hour. */
export class RetentionSweeper {
  private readonly timer: NodeJS.Timeout
  private running: Promise<number> = Promise.resolve(0)

  constructor(
    private readonly options: {
      readonly days: number
      readonly store: Store
      readonly erase: (workshopId: string) => Promise<boolean>
      readonly log: Logger
      readonly now?: () => number
    },
  ) {
    this.timer = setInterval(() => void this.sweep(), HOUR_MS)
    // The sweep must never keep a stopping server (or a test run) alive.
    this.timer.unref()
    void this.sweep()
  }

  /** Runs one sweep (after any running one); resolves with how many workshops it deleted. */
  sweep(): Promise<number> {
    this.running = this.running.then(async () => {
      const now = (this.options.now ?? Date.now)()
      let deleted = 0
      try {
        const stale = await this.options.store.staleWorkshops(now - this.options.days * DAY_MS)
        for (const id of stale) if (await this.options.erase(id)) deleted++
        if (deleted) this.options.log.info({ deleted, days: this.options.days }, 'retention sweep')
      } catch (err) {
        this.options.log.error({ err }, 'retention sweep failed')
      }
      return deleted
    })
    return this.running
  }

  /** Stops the timer and waits for a running sweep. */
  async stop(): Promise<void> {
    clearInterval(this.timer)
    await this.running
  }
}
