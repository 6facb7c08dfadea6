export {
  createServer,
  defaultHubOptions,
  type ServerOptions,
  type SparboardServer,
} from './createServer.js'
export { SqliteStore } from './store/SqliteStore.js'
export { PostgresStore } from './store/PostgresStore.js'
export { createScaleOut, type ScaleOut, type ScaleOutOptions } from './scale/createScaleOut.js'
export { requireService } from './scale/requireService.js'
export type { Store, StoredBoard, TokenGrant, WorkshopRecord } from './store/Store.js'
export { createLogger } from './logger.js'
