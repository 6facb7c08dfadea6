import { availableParallelism } from 'node:os'
import { fileURLToPath } from 'node:url'
import { MessageChannel } from 'node:worker_threads'
import { Piscina } from 'piscina'
import type { Logger } from 'pino'
import type { ExportJob, ExportResult, ExportTask } from './exportWorker.js'

export interface ExportPoolOptions {
  /** Worker threads that render at once (EXPORT_WORKERS). */
  readonly workers: number
  /** Time a render may take per board it draws (EXPORT_SECONDS_PER_BOARD). */
  readonly secondsPerBoard: number
  /** V8 heap of one worker, in MB (EXPORT_MEMORY_MB); past it the worker is stopped. */
  readonly memoryMb: number
  /** Exports that may be in the pool at once, rendering or waiting; more are refused with 503. */
  readonly maxWaiting: number
  /** An idle worker exits after this long, and its ~65 MB of fonts and libraries go with it. */
  readonly idleMs: number
}

/**
 * One worker on a machine of two cores (the other serves the boards), up to 4 on larger ones.
 */
export const defaultExportWorkers = (cores = availableParallelism()) =>
  Math.max(1, Math.min(4, cores - 1))

export const defaultExportPoolOptions: ExportPoolOptions = {
  workers: defaultExportWorkers(),
  secondsPerBoard: 30,
  memoryMb: 512,
  // A facilitator exporting every board and a few participants exporting theirs fit; a flood does not.
  maxWaiting: 8,
  idleMs: 5 * 60_000,
}

/** Too many exports wait already; the route answers 503 with Retry-After. */
export class ExportQueueFull extends Error {
  constructor() {
    super('too many exports at once, try again shortly')
    this.name = 'ExportQueueFull'
  }
}

/** A render took longer than its budget and was stopped; the route answers 503. */
export class ExportOverBudget extends Error {
  constructor(seconds: number, boards: number, secondsPerBoard: number) {
    super(
      `the export was stopped after its time budget of ${seconds} s ` +
        `(${secondsPerBoard} s per board × ${boards}, EXPORT_SECONDS_PER_BOARD)`,
    )
    this.name = 'ExportOverBudget'
  }
}

/** The worker failed or died (e.g. past its memory limit); the route answers 500. */
export class ExportFailed extends Error {
  constructor(cause: unknown) {
    super('export failed', { cause })
    this.name = 'ExportFailed'
  }
}

// The server runs from dist/ (JavaScript) or, in development and tests, from src/ under tsx: the
// worker then starts from sourceWorker.mjs, which registers tsx and loads the TypeScript worker.
const fromSource = import.meta.url.endsWith('.ts')
const WORKER_FILE = fileURLToPath(
  new URL(fromSource ? './sourceWorker.mjs' : './exportWorker.js', import.meta.url),
)
const SOURCE_ARGV = ['--conditions=sparboard-source']

/**
 * Renders exports in a small pool of worker threads (piscina), so that no export ever holds the
 * event loop that serves the boards. Each render has a time budget, counted from the moment a
 * worker starts it, and each worker a memory limit; a worker past either is terminated and the
 * pool starts a fresh one for the next export. The pool starts on the first export.
 */
export class ExportPool {
  private pool: Piscina<ExportTask, ExportResult> | null = null
  private closed = false
  private inPool = 0
  /** Aborts the runs that no worker has started yet. */
  private readonly waiting = new Set<AbortController>()

  constructor(
    readonly options: ExportPoolOptions,
    private readonly log: Logger,
  ) {}

  /** As many exports wait as may: the next is refused. */
  get full(): boolean {
    return this.inPool >= this.options.maxWaiting
  }

  /** Renders a job that draws `boards` boards (its budget is that many times the per-board one). */
  async run(job: ExportJob, boards: number): Promise<ExportResult> {
    if (this.closed) throw new ExportFailed(new Error('the server is closing'))
    const pool = (this.pool ??= this.start())
    if (this.full) throw new ExportQueueFull()
    const { secondsPerBoard } = this.options
    const seconds = secondsPerBoard * Math.max(1, boards)
    const abort = new AbortController()
    const { port1, port2 } = new MessageChannel()
    let timer: NodeJS.Timeout | undefined
    this.waiting.add(abort)
    port1.once('message', () => {
      this.waiting.delete(abort)
      timer = setTimeout(
        () => abort.abort(new ExportOverBudget(seconds, boards, secondsPerBoard)),
        seconds * 1000,
      )
    })
    const started = performance.now()
    this.inPool++
    try {
      return await pool.run(
        { job, started: port2 },
        { transferList: [port2], signal: abort.signal },
      )
    } catch (err) {
      const reason: unknown = abort.signal.reason
      if (reason instanceof ExportFailed) throw reason
      if (reason instanceof ExportOverBudget) {
        this.log.warn({ kind: job.kind, boards, seconds }, 'export stopped: over its time budget')
        throw reason
      }
      this.log.error({ err, kind: job.kind, boards }, 'export failed')
      throw new ExportFailed(err)
    } finally {
      this.inPool--
      this.waiting.delete(abort)
      clearTimeout(timer)
      port1.close()
      this.log.debug({ kind: job.kind, boards, ms: performance.now() - started }, 'export')
    }
  }

  private start(): Piscina<ExportTask, ExportResult> {
    const { workers, memoryMb, maxWaiting, idleMs } = this.options
    const pool = new Piscina<ExportTask, ExportResult>({
      filename: WORKER_FILE,
      ...(fromSource && { execArgv: SOURCE_ARGV }),
      minThreads: 0,
      maxThreads: workers,
      maxQueue: maxWaiting,
      idleTimeout: idleMs,
      resourceLimits: { maxOldGenerationSizeMb: memoryMb },
      // Below the boards' thread in the scheduler's eyes: sync and health go first (Linux).
      niceIncrement: 10,
    })
    // A worker that failed outside a task, e.g. while starting (a memory limit too small to load
    // the renderers): the exports waiting for one fail now instead of waiting for ever.
    pool.on('error', (err: unknown) => {
      this.log.error({ err }, 'export worker failed')
      for (const abort of this.waiting) abort.abort(new ExportFailed(err))
    })
    return pool
  }

  /** Stops the workers (a render under way fails); called when the server closes. */
  async close(): Promise<void> {
    this.closed = true
    await this.pool?.destroy()
  }
}
