import { fileURLToPath } from 'node:url'
import { z } from 'zod'
import { createLogger } from './logger.js'
import { createServer } from './createServer.js'
import { createScaleOut } from './scale/createScaleOut.js'

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
    createSecret: env.CREATE_SECRET,
    retentionDays: env.RETENTION_DAYS,
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
