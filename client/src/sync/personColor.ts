/** Colours for people (avatars, cursors, selections); white initials read on every one. */
export const PERSON_COLORS = [
  '#e8590c',
  '#2f9e44',
  '#1971c2',
  '#9c36b5',
  '#c2255c',
  '#0c8599',
  '#5c940d',
  '#d6336c',
] as const

/**
 * A person's colour, from their name: the same on everyone's screen, on every board and after a
 * reload. Case and surrounding spaces do not count ("Anna" is "anna "). FNV-1a, folded.
 */
export function personColor(name: string): string {
  let hash = 0x811c9dc5
  for (const ch of name.trim().toLocaleLowerCase()) {
    hash ^= ch.codePointAt(0)!
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return PERSON_COLORS[((hash ^ (hash >>> 16)) >>> 0) % PERSON_COLORS.length]!
}
