import type { VoteTally } from '@sparboard/board-model'
import { formatDay } from '@sparboard/protocol'

/** The few words an export prints, in the workshop's two languages. */
const LABELS = {
  en: {
    interestOf: (side: string) => `Interests of ${side}`,
    friction: 'Friction points',
    solution: 'Solutions',
    report: 'Workshop report',
    goals: 'Strategy and goals',
    case: 'Case',
    group: 'Group',
    agreements: 'Agreements',
    owner: 'Owner',
    due: 'Due',
    day: (day: string) => formatDay(day, 'en'),
    votes: (n: number) => (n === 1 ? '1 vote' : `${n} votes`),
    cluster: 'Cluster',
    none: 'None yet.',
    board: 'Board',
    score: { supports: 'supports', neutral: 'neutral', conflicts: 'conflicts' },
    exportedAt: 'Exported',
    broughtBy: 'Brought by',
    session: (n: number) => `Session ${n}`,
    review: 'Review of the last session’s agreements',
    verdict: { held: 'Held', partly: 'Partly', notHeld: 'Not held', open: 'Not reviewed yet' },
    chafed: 'What chafed',
  },
  nl: {
    interestOf: (side: string) => `Belangen van ${side}`,
    friction: 'Schuurpunten',
    solution: 'Oplossingen',
    report: 'Workshopverslag',
    goals: 'Strategie en doelen',
    case: 'Praktijkcase',
    group: 'Groep',
    agreements: 'Afspraken',
    owner: 'Eigenaar',
    due: 'Uiterlijk',
    day: (day: string) => formatDay(day, 'nl'),
    votes: (n: number) => (n === 1 ? '1 stem' : `${n} stemmen`),
    cluster: 'Cluster',
    none: 'Nog geen.',
    board: 'Bord',
    score: { supports: 'ondersteunt', neutral: 'neutraal', conflicts: 'botst' },
    exportedAt: 'Geëxporteerd',
    broughtBy: 'Ingebracht door',
    session: (n: number) => `Sessie ${n}`,
    review: 'Evaluatie van de afspraken van de vorige sessie',
    verdict: {
      held: 'Nagekomen',
      partly: 'Deels',
      notHeld: 'Niet nagekomen',
      open: 'Nog niet geëvalueerd',
    },
    chafed: 'Wat schuurde',
  },
} as const

export type ExportLabels = (typeof LABELS)[keyof typeof LABELS]

/** Labels for `?lang=` (nl or en; anything else is English). */
export const exportLabels = (lang: unknown): ExportLabels => (lang === 'nl' ? LABELS.nl : LABELS.en)

/**
 * A note's dots and, once there are any, how the two sides cast them ("3 votes: Sales 2,
 * Operations 1"): the method compares what each side values.
 */
export function votesLine(
  labels: ExportLabels,
  sides: readonly [string, string],
  tally: VoteTally | undefined,
): string {
  if (!tally || tally.total === 0) return ''
  return `${labels.votes(tally.total)}: ${sides[0]} ${tally.bySide[0]}, ${sides[1]} ${tally.bySide[1]}`
}

/** The zone labels in the order of ZONES. */
export const zoneLabels = (labels: ExportLabels, sides: readonly [string, string]) => [
  labels.interestOf(sides[0]),
  labels.friction,
  labels.interestOf(sides[1]),
  labels.solution,
]
