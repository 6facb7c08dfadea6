/**
 * Whether a store error says the stored data itself is damaged (a page of the SQLite file, a
 * corrupted PostgreSQL block): retrying cannot help, unlike a store that is briefly away.
 */
export function isDataDamage(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code
  if (typeof code !== 'string') return false
  // SQLITE_CORRUPT and its extended codes, a file that is not a database; PostgreSQL's
  // data_corrupted and index_corrupted
  return (
    code.startsWith('SQLITE_CORRUPT') ||
    code === 'SQLITE_NOTADB' ||
    code === 'XX001' ||
    code === 'XX002'
  )
}
