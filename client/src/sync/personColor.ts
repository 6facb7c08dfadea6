/**
 * Colours for people (avatars, cursors, selections): eight hues that stay apart from one another
 * (no two pinks or two greens) and under white initials.
 */
export const PERSON_COLORS: readonly string[] = [
  '#e8590c', // orange
  '#2f9e44', // green
  '#1971c2', // blue
  '#9c36b5', // purple
  '#c2255c', // raspberry
  '#0c8599', // teal
  '#8f5b2e', // brown
  '#495057', // slate
]

/**
 * A person's own colour, from their name: the same on everyone's screen, on every board and after
 * a reload. Case and surrounding spaces do not count ("Anna" is "anna "). FNV-1a, folded.
 */
export function personColor(name: string): string {
  return PERSON_COLORS[nameSlot(name)]!
}

function nameSlot(name: string): number {
  let hash = 0x811c9dc5
  for (const ch of name.trim().toLocaleLowerCase()) {
    hash ^= ch.codePointAt(0)!
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return ((hash ^ (hash >>> 16)) >>> 0) % PERSON_COLORS.length
}

/** Someone on a board, as awareness shows them: their colour and when they came. */
export interface ColorHolder {
  readonly clientId: number
  readonly color: string
  /** When they opened the board (their clock, ms); 0 when unknown. */
  readonly since: number
}

/** Whether `a` was on the board before `b` (the client id decides a tie). */
const before = (a: Omit<ColorHolder, 'color'>, b: Omit<ColorHolder, 'color'>) =>
  a.since < b.since || (a.since === b.since && a.clientId < b.clientId)

/**
 * The colour a person shows on a board: their name's colour, or, when someone who came before
 * shows it, the next free one in the palette, so that two people in a group are told apart. A
 * colour once shown is kept until someone who came earlier shows the same one (two who arrived
 * at nearly the same time, each before seeing the other). With every colour taken, the name's.
 */
export function colorOnBoard(
  name: string,
  me: Omit<ColorHolder, 'color'>,
  current: string | null,
  others: readonly ColorHolder[],
): string {
  if (current && !others.some((o) => o.color === current && before(o, me))) return current
  // Not one that anyone here shows: someone later would have to move for it.
  const taken = new Set(others.map((o) => o.color))
  const start = nameSlot(name)
  for (let i = 0; i < PERSON_COLORS.length; i++) {
    const color = PERSON_COLORS[(start + i) % PERSON_COLORS.length]!
    if (!taken.has(color)) return color
  }
  return personColor(name)
}
