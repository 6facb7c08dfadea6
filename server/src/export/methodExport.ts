import {
  linkedInterests,
  positionsWithInterests,
  servedSides,
  type AgreementSnapshot,
  type BoardSnapshot,
  type LinkSnapshot,
  type NoteSnapshot,
} from '@sparboard/board-model'
import { methodTags, type MethodLabels, type NoteTag } from '@sparboard/board-scene'
import { doubleMajorityRule, methodOf, type WorkshopMethod } from '@sparboard/protocol'
import type { ExportedWorkshopInfo } from './collectWorkshop.js'
import type { ExportLabels } from './exportLabels.js'

/** The words of the method's options in the exports, in both languages. */
const WORDS = {
  en: {
    oneSided: 'One-sided',
    position: 'Position',
    serves: (side: string) => `serves ${side}`,
    servesList: 'Serves',
    positions: 'Positions and the interests beneath them',
    noPositions: 'No positions were marked.',
    beneath: 'Beneath it',
    nothingBeneath: 'no interest found beneath it yet',
    doubleMajority: (rule: string) => `Double majority: at least ${rule} from each side`,
    votes: (n: number) => `${n} vote${n === 1 ? '' : 's'}`,
    percent: (n: number) => `${n} % of the voters`,
    method: 'How the boards worked',
    bothSidesGain: 'Both sides must gain: solutions are linked to the interests they serve.',
    positionsOn: 'Positions become interests.',
  },
  nl: {
    oneSided: 'Eenzijdig',
    position: 'Standpunt',
    serves: (side: string) => `dient ${side}`,
    servesList: 'Dient',
    positions: 'Standpunten en de belangen eronder',
    noPositions: 'Er zijn geen standpunten gemarkeerd.',
    beneath: 'Eronder',
    nothingBeneath: 'nog geen belang eronder gevonden',
    doubleMajority: (rule: string) => `Dubbele meerderheid: minstens ${rule} van elke kant`,
    votes: (n: number) => `${n} ${n === 1 ? 'stem' : 'stemmen'}`,
    percent: (n: number) => `${n} % van de stemmers`,
    method: 'Zo werkten de borden',
    bothSidesGain:
      'Beide kanten moeten winnen: oplossingen zijn gekoppeld aan de belangen die ze dienen.',
    positionsOn: 'Van standpunt naar belang.',
  },
} as const

export type MethodWords = (typeof WORDS)[keyof typeof WORDS]

/** The method's marks a board's image draws (see `buildBoardScene`). */
export interface SceneMarks {
  readonly tags: ReadonlyMap<string, readonly NoteTag[]>
  readonly links: readonly LinkSnapshot[]
}

/** The method's words in an export's language. */
export const methodWords = (labels: ExportLabels): MethodWords =>
  labels.lang === 'nl' ? WORDS.nl : WORDS.en

/** [G1] [G2] [G3] What the workshop's method marks on one board, for every export of it. */
export interface BoardMethod {
  readonly method: WorkshopMethod
  /** Tags per note, as the canvas draws them (one-sided, position, each side's support). */
  readonly tags: ReadonlyMap<string, readonly NoteTag[]>
  /** How many interests of each side each linked solution serves. */
  readonly served: ReadonlyMap<string, readonly [number, number]>
  /** Every position with the interests found beneath it (when the option is on). */
  readonly positions: readonly {
    readonly position: NoteSnapshot
    readonly interests: readonly NoteSnapshot[]
  }[]
  /** The interests each solution serves, by the solution's id. */
  readonly servesOf: (noteId: string) => readonly NoteSnapshot[]
}

/** The method's marks on a board, in an export's language. */
export function boardMethod(
  workshop: Pick<ExportedWorkshopInfo, 'sides' | 'method'>,
  board: BoardSnapshot,
  labels: ExportLabels,
): BoardMethod {
  const method = methodOf(workshop.method)
  const words = methodWords(labels)
  const tagLabels: MethodLabels = {
    oneSided: words.oneSided,
    position: words.position,
    sides: workshop.sides,
  }
  const look = {
    bothSidesGain: method.bothSidesGain,
    positions: method.positions,
    doubleMajority: doubleMajorityRule(method),
  }
  const byId = new Map(board.notes.map((n) => [n.id, n]))
  return {
    method,
    tags: methodTags(board, look, tagLabels),
    served: method.bothSidesGain ? servedSides(board.links, byId) : new Map(),
    positions: method.positions ? positionsWithInterests(board.notes, board.links) : [],
    servesOf: (noteId) => linkedInterests(board.links, byId, noteId),
  }
}

/** What a board's image draws of the method: tags, and the links of the options switched on. */
export function sceneMarks(
  workshop: Pick<ExportedWorkshopInfo, 'sides' | 'method'>,
  board: BoardSnapshot,
  labels: ExportLabels,
): SceneMarks {
  const { method, tags } = boardMethod(workshop, board, labels)
  const positions = new Set(board.notes.filter((n) => n.position).map((n) => n.id))
  const links = board.links.filter((l) =>
    positions.has(l.from) ? method.positions : method.bothSidesGain,
  )
  return { tags, links }
}

/** How many interests of each side an agreement serves: through the solutions it was made of. */
export function agreementServes(
  agreement: AgreementSnapshot,
  served: ReadonlyMap<string, readonly [number, number]>,
): readonly [number, number] {
  const out: [number, number] = [0, 0]
  for (const id of agreement.solutionIds) {
    const s = served.get(id)
    if (s) {
      out[0] += s[0]
      out[1] += s[1]
    }
  }
  return out
}

/** The tags of a note as words, e.g. "One-sided · Sales ✓ Operations ✗"; '' without any. */
export const tagLine = (method: BoardMethod, noteId: string): string =>
  (method.tags.get(noteId) ?? []).map((t) => t.text).join(' · ')

/** The double majority's rule in words ("at least 2 votes from each side"), or null when off. */
export function doubleMajorityLine(method: WorkshopMethod, labels: ExportLabels): string | null {
  const rule = doubleMajorityRule(method)
  if (!rule) return null
  const words = methodWords(labels)
  return words.doubleMajority(
    rule.unit === 'votes' ? words.votes(rule.min) : words.percent(rule.min),
  )
}

/** The options switched on, as lines for a report's cover or a summary's head. */
export function methodLines(workshop: ExportedWorkshopInfo, labels: ExportLabels): string[] {
  const method = methodOf(workshop.method)
  const words = methodWords(labels)
  return [
    method.bothSidesGain ? words.bothSidesGain : null,
    method.positions ? words.positionsOn : null,
    doubleMajorityLine(method, labels),
  ].filter((l): l is string => l !== null)
}
