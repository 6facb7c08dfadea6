import { join, resolve } from 'node:path'
import { BackupError, backupDatabase, DATA_FILE } from './store/backupDatabase.js'

// `pnpm backup <file>`: pnpm runs root scripts in the repository, and says where it was called.
const [file] = process.argv.slice(2)
if (!file) {
  console.error(
    'usage: pnpm backup <file>   (copies DATA_DIR/sparboard.sqlite of a running server)',
  )
  process.exit(2)
}
const source = join(resolve(process.env.DATA_DIR ?? './data'), DATA_FILE)
const target = resolve(process.env.INIT_CWD ?? process.cwd(), file)
try {
  const { bytes } = await backupDatabase(source, target)
  console.log(`backup of ${source} written to ${target} (${bytes} bytes)`)
} catch (err) {
  if (!(err instanceof BackupError)) throw err
  console.error(`backup failed: ${err.message}`)
  process.exit(1)
}
