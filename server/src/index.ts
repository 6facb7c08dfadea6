export {
  createServer,
  defaultHubOptions,
  type ServerOptions,
  type SparboardServer,
} from './createServer.js'
export { SqliteStore } from './store/SqliteStore.js'
export type { Store, StoredBoard, TokenGrant, WorkshopRecord } from './store/Store.js'
export { createLogger } from './logger.js'
