import { fileURLToPath } from 'node:url'
import { z } from 'zod'
import { createLogger } from './logger.js'
import { createServer } from './createServer.js'

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  PUBLIC_URL: z.string().url().optional(),
  MAX_PAYLOAD_BYTES: z.coerce.number().int().positive().optional(),
  MAX_BOARD_BYTES: z.coerce.number().int().positive().optional(),
})

const log = createLogger()
const parsed = Env.safeParse(process.env)
if (!parsed.success) {
  log.fatal({ issues: parsed.error.issues }, 'invalid environment')
  process.exit(1)
}
const env = parsed.data
const server = createServer({
  dataDir: env.DATA_DIR,
  publicUrl: env.PUBLIC_URL ?? `http://localhost:${env.PORT}`,
  clientDir: fileURLToPath(new URL('../../client/dist', import.meta.url)),
  logger: log,
  hub: {
    ...(env.MAX_PAYLOAD_BYTES && { maxPayloadBytes: env.MAX_PAYLOAD_BYTES }),
    ...(env.MAX_BOARD_BYTES && { maxBoardBytes: env.MAX_BOARD_BYTES }),
  },
})
const { port } = await server.listen(env.PORT, env.HOST)
log.info({ port, dataDir: env.DATA_DIR }, `Sparboard is running on http://localhost:${port}`)

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
