// The export worker when the server runs from its TypeScript source (development and tests).
// Node 20 does not carry `--import tsx` into a worker thread's own imports, so the worker
// registers tsx itself and then loads the TypeScript worker; from dist/ the pool loads
// exportWorker.js directly and this file is not used.
import { register } from 'tsx/esm/api'

register()
const worker = await import('./exportWorker.ts')
export default worker.default
