import { resolve } from 'node:path'
import { BackupError, restoreDatabase } from './store/backupDatabase.js'

// `pnpm restore <file>`: pnpm runs root scripts in the repository, and says where it was called.
const [file] = process.argv.slice(2)
if (!file) {
  console.error('usage: pnpm restore <file>   (into an empty DATA_DIR; the server is stopped)')
  process.exit(2)
}
const dataDir = resolve(process.env.DATA_DIR ?? './data')
const backup = resolve(process.env.INIT_CWD ?? process.cwd(), file)
try {
  const target = await restoreDatabase(backup, dataDir)
  console.log(`${backup} restored to ${target}; start the server`)
} catch (err) {
  if (!(err instanceof BackupError)) throw err
  console.error(`restore failed: ${err.message}`)
  process.exit(1)
}
