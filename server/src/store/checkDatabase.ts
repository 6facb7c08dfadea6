import Database from 'better-sqlite3'
import { existsSync } from 'node:fs'

/** How many of `quick_check`'s findings a message names; one is usually enough to act on. */
const SHOWN = 3

/**
 * What is wrong with a SQLite data file, by `PRAGMA quick_check` (page structure, records and
 * free lists, in time linear in the file's size), or null when it is sound. A file that does not
 * exist is sound: the server starts empty. A file that SQLite cannot open at all (truncated to
 * less than a header, or not a database) says so.
 * @example const problem = checkDatabase('./data/sparboard.sqlite')
 */
export function checkDatabase(file: string, options: { readonly?: boolean } = {}): string | null {
  if (!existsSync(file)) return null
  let db: Database.Database | null = null
  try {
    db = new Database(file, { fileMustExist: true, readonly: options.readonly ?? false })
    const rows = db.pragma('quick_check') as { quick_check: string }[]
    const problems = rows.map((r) => r.quick_check).filter((r) => r !== 'ok')
    return problems.length > 0 ? problems.slice(0, SHOWN).join('; ') : null
  } catch (err) {
    return err instanceof Error ? err.message : String(err)
  } finally {
    db?.close()
  }
}
