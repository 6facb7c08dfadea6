import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'
import { createLogger } from './logger.js'
import { DATA_FILE } from './store/backupDatabase.js'
import { checkDatabase } from './store/checkDatabase.js'

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  PUBLIC_URL: z.string().url().optional(),
  MAX_PAYLOAD_BYTES: z.coerce.number().int().positive().optional(),
  MAX_BOARD_BYTES: z.coerce.number().int().positive().optional(),
  // Hops of TLS-terminating reverse proxies in front: "true" means one, "false" none.
  TRUST_PROXY: z
    .string()
    .default('0')
    .transform((v) => (v === 'true' ? '1' : v === 'false' || v === '' ? '0' : v))
    .transform(Number)
    .pipe(z.number().int().min(0).max(10)),
  // Space- or comma-separated CSP sources that may frame the app, e.g. https://intranet.example
  FRAME_ANCESTORS: z
    .string()
    .default('')
    .transform((v) => v.split(/[\s,]+/).filter(Boolean))
    .pipe(z.array(z.string().regex(/^(https?:\/\/[^\s;,'"]+|'self')$/))),
  // Space- or comma-separated origins besides PUBLIC_URL's whose pages may open /yjs and /socket.io
  ALLOWED_ORIGINS: z
    .string()
    .default('')
    .transform((v) => v.split(/[\s,]+/).filter(Boolean))
    .pipe(z.array(z.string().regex(/^https?:\/\/[^\s/;,'"]+$/))),
  // Open board and control connections together, per client address and per token (per node).
  MAX_CONNECTIONS_PER_ADDRESS: z.coerce.number().int().positive().optional(),
  MAX_CONNECTIONS_PER_TOKEN: z.coerce.number().int().positive().optional(),
  // Export workers (docs/deployment.md): threads, seconds a render may take per board, heap MB
  EXPORT_WORKERS: z.coerce.number().int().min(1).max(32).optional(),
  EXPORT_SECONDS_PER_BOARD: z.coerce.number().positive().max(3600).optional(),
  EXPORT_MEMORY_MB: z.coerce.number().int().min(128).max(16_384).optional(),
  CREATE_SECRET: z.string().min(16).optional(),
  RETENTION_DAYS: z.coerce.number().positive().optional(),
  // Both set: scale-out mode (Redis streams + PostgreSQL); see docs/deployment.md.
  REDIS_URL: z.string().url().optional(),
  DATABASE_URL: z.string().url().optional(),
  REDIS_KEY_PREFIX: z.string().min(1).default('sparboard:'),
  DATABASE_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/)
    .default('sparboard'),
})

const log = createLogger()
const parsed = Env.safeParse(process.env)
if (!parsed.success) {
  // Issues name the variable and the rule, never the value (CREATE_SECRET must not leak).
  const issues = parsed.error.issues.map((i) => ({ variable: i.path.join('.'), rule: i.message }))
  log.fatal({ issues }, 'invalid environment')
  process.exit(1)
}
const env = parsed.data
if (!env.REDIS_URL !== !env.DATABASE_URL) {
  log.fatal('scale-out mode needs both REDIS_URL and DATABASE_URL')
  process.exit(1)
}
if (!env.REDIS_URL) {
  // A damaged data file stops the server here, with what to do, instead of boards that fail.
  const file = resolve(env.DATA_DIR, DATA_FILE)
  const problem = checkDatabase(file)
  if (problem) {
    log.fatal(
      { file, problem },
      `the data file ${file} is damaged (${problem}); stop, move DATA_DIR aside and restore ` +
        'the last backup into an empty DATA_DIR: pnpm restore <backup-file>',
    )
    process.exit(1)
  }
}
// Loaded only now: a damaged file is reported in a moment, not after the whole server has loaded.
const { createServer } = await import('./createServer.js')
const { createScaleOut } = await import('./scale/createScaleOut.js')
const scaleOut =
  env.REDIS_URL && env.DATABASE_URL
    ? await createScaleOut(
        {
          redisUrl: env.REDIS_URL,
          databaseUrl: env.DATABASE_URL,
          keyPrefix: env.REDIS_KEY_PREFIX,
          schema: env.DATABASE_SCHEMA,
        },
        log,
      )
    : undefined
const server = createServer({
  dataDir: env.DATA_DIR,
  // Unset: createServer uses the port it actually bound (PORT=0 picks a free one).
  publicUrl: env.PUBLIC_URL,
  clientDir: fileURLToPath(new URL('../../client/dist', import.meta.url)),
  logger: log,
  scaleOut,
  security: {
    trustProxyHops: env.TRUST_PROXY,
    frameAncestors: env.FRAME_ANCESTORS,
    allowedOrigins: env.ALLOWED_ORIGINS,
    ...(env.MAX_CONNECTIONS_PER_ADDRESS && {
      maxConnectionsPerAddress: env.MAX_CONNECTIONS_PER_ADDRESS,
    }),
    ...(env.MAX_CONNECTIONS_PER_TOKEN && { maxConnectionsPerToken: env.MAX_CONNECTIONS_PER_TOKEN }),
    createSecret: env.CREATE_SECRET,
    retentionDays: env.RETENTION_DAYS,
  },
  exports: {
    ...(env.EXPORT_WORKERS && { workers: env.EXPORT_WORKERS }),
    ...(env.EXPORT_SECONDS_PER_BOARD && { secondsPerBoard: env.EXPORT_SECONDS_PER_BOARD }),
    ...(env.EXPORT_MEMORY_MB && { memoryMb: env.EXPORT_MEMORY_MB }),
  },
  hub: {
    ...(env.MAX_PAYLOAD_BYTES && { maxPayloadBytes: env.MAX_PAYLOAD_BYTES }),
    ...(env.MAX_BOARD_BYTES && { maxBoardBytes: env.MAX_BOARD_BYTES }),
  },
})
const { port } = await server.listen(env.PORT, env.HOST)
log.info(
  { port, dataDir: env.DATA_DIR, scaleOut: !!scaleOut },
  `Sparboard is running on http://localhost:${port}`,
)

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    log.info({ signal }, 'shutting down: flushing boards')
    server.close().then(
      () => process.exit(0),
      (err: unknown) => {
        log.error({ err }, 'shutdown failed')
        process.exit(1)
      },
    )
  })
}
