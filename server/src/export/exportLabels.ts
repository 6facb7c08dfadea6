import type { VoteTally } from '@sparboard/board-model'
import {
  criterionLine as wordCriterion,
  formatClock,
  formatDay,
  momentLines,
  type AgreementCriterion,
  type AgreementSigner,
  type AgreementTerms,
  type ExportMoment,
  type TrackStep,
} from '@sparboard/protocol'

/** The few words an export prints, in the workshop's two languages. */
const LABELS = {
  en: {
    lang: 'en',
    interestOf: (side: string) => `Interests of ${side}`,
    friction: 'Friction points',
    solution: 'Solutions',
    report: 'Workshop report',
    goals: 'Strategy and goals',
    case: 'Case',
    group: 'Group',
    agreements: 'Agreements',
    agreement: 'Agreement',
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
    verdict: {
      met: 'Met',
      partly: 'Partly',
      notMet: 'Not met',
      renegotiated: 'Renegotiated',
      open: 'Not reviewed yet',
    },
    cosigner: 'Co-signer',
    criterion: 'Criterion',
    readFrom: (source: string) => `read from ${source}`,
    reviewOn: 'Review on',
    newTerms: 'New terms',
    seriesTrack: 'In the series',
    agreedIn: (n: number) => `agreed in session ${n}`,
    judgedIn: (n: number, verdict: string) => `session ${n}: ${verdict}`,
    chafed: 'What chafed',
    summary: 'Executive summary',
    matrix: 'Agreements and goals',
    matrixHint: '✓ supports · ○ neutral · ✗ conflicts; empty: not scored',
    total: 'Total',
    topFrictions: 'Friction points with the most votes',
    topSolutions: 'Solutions with the most votes',
    participants: 'Participants',
    groups: 'Groups',
    date: 'Date',
    emptyBoard: 'no notes yet',
    noAgreements: 'No agreements were made in this session.',
    noVotes: 'No votes were cast.',
    decided: 'set by the facilitator',
    history: 'Proposals and verdicts',
    proposedBy: (name: string) => `${name} proposed`,
    facilitatorSet: 'The facilitator set',
    swap: 'Perspective swap',
    swapOf: (side: string, other: string) => `Interests of ${side}, as ${other} guessed them`,
    swapScore: (matched: number, guesses: number, missed: number, stated: number) =>
      `${matched} of ${guesses} guesses matched · ${missed} of ${stated} interests missed`,
    swapMatched: 'Matched',
    swapMissed: 'Missed (nobody guessed it)',
    swapWrong: 'Wrong guesses (match no stated interest)',
    guessedAs: 'guessed as',
    swapSummary: 'What each side guessed of the other',
    fallbacks: 'If we don’t agree',
    noFallback: 'No card.',
    fallbackHidden: 'Not revealed.',
    recurring: 'Recurring friction points',
    recurringCount: (groups: number, of: number, sessions: number) =>
      `came up in ${groups} of ${of} ${of === 1 ? 'group' : 'groups'}` +
      (sessions > 1 ? ` and in ${sessions} sessions` : ''),
    recurringNotes: 'The notes behind it',
    recurringAgreements: 'Agreements on those boards',
    recurringNone: 'No friction point came up in more than one group or session.',
    recurringTruncated: (n: number) => `Only the ${n} newest friction notes were compared.`,
    sessionShort: (n: number) => `session ${n}`,
  },
  nl: {
    lang: 'nl',
    interestOf: (side: string) => `Belangen van ${side}`,
    friction: 'Schuurpunten',
    solution: 'Oplossingen',
    report: 'Workshopverslag',
    goals: 'Strategie en doelen',
    case: 'Praktijkcase',
    group: 'Groep',
    agreements: 'Afspraken',
    agreement: 'Afspraak',
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
      met: 'Gehaald',
      partly: 'Deels',
      notMet: 'Niet gehaald',
      renegotiated: 'Opnieuw afgesproken',
      open: 'Nog niet geëvalueerd',
    },
    cosigner: 'Medeondertekenaar',
    criterion: 'Criterium',
    readFrom: (source: string) => `af te lezen in ${source}`,
    reviewOn: 'Evaluatie op',
    newTerms: 'Nieuwe afspraak',
    seriesTrack: 'In de reeks',
    agreedIn: (n: number) => `afgesproken in sessie ${n}`,
    judgedIn: (n: number, verdict: string) => `sessie ${n}: ${verdict}`,
    chafed: 'Wat schuurde',
    summary: 'Samenvatting',
    matrix: 'Afspraken en doelen',
    matrixHint: '✓ ondersteunt · ○ neutraal · ✗ botst; leeg: niet gescoord',
    total: 'Totaal',
    topFrictions: 'Schuurpunten met de meeste stemmen',
    topSolutions: 'Oplossingen met de meeste stemmen',
    participants: 'Deelnemers',
    groups: 'Groepen',
    date: 'Datum',
    emptyBoard: 'nog geen notities',
    noAgreements: 'In deze sessie zijn geen afspraken gemaakt.',
    noVotes: 'Er is niet gestemd.',
    decided: 'vastgesteld door de facilitator',
    history: 'Voorstellen en oordelen',
    proposedBy: (name: string) => `${name} stelde voor`,
    facilitatorSet: 'De facilitator stelde vast',
    swap: 'Perspectiefwissel',
    swapOf: (side: string, other: string) => `Belangen van ${side}, zoals ${other} ze raadde`,
    swapScore: (matched: number, guesses: number, missed: number, stated: number) =>
      `${matched} van ${guesses} gissingen raak · ${missed} van ${stated} belangen gemist`,
    swapMatched: 'Raak',
    swapMissed: 'Gemist (niemand raadde het)',
    swapWrong: 'Mis (passen bij geen genoemd belang)',
    guessedAs: 'geraden als',
    swapSummary: 'Wat elke kant van de ander raadde',
    fallbacks: 'Als we het niet eens worden',
    noFallback: 'Geen kaart.',
    fallbackHidden: 'Niet onthuld.',
    recurring: 'Terugkerende schuurpunten',
    recurringCount: (groups: number, of: number, sessions: number) =>
      `kwam terug in ${groups} van ${of} ${of === 1 ? 'groep' : 'groepen'}` +
      (sessions > 1 ? ` en in ${sessions} sessies` : ''),
    recurringNotes: 'De notities erachter',
    recurringAgreements: 'Afspraken op die borden',
    recurringNone: 'Geen schuurpunt kwam in meer dan één groep of sessie terug.',
    recurringTruncated: (n: number) => `Alleen de ${n} nieuwste schuurpunten zijn vergeleken.`,
    sessionShort: (n: number) => `sessie ${n}`,
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

/** A criterion as one line: "on-time-in-full >= 95 %, read from the weekly planning report". */
export const criterionLine = (labels: ExportLabels, c: AgreementCriterion | null): string =>
  wordCriterion(c, labels.readFrom)

/** A signer's name with their side ("Olga, Operations"), or ''. */
export const signerLine = (sides: readonly [string, string], s: AgreementSigner | null) =>
  !s ? '' : s.side === 0 || s.side === 1 ? `${s.name}, ${sides[s.side]}` : s.name

/**
 * New terms as one line: the text, owner and co-signer, criterion and review date, so a
 * renegotiation reads as what was agreed instead.
 */
export function termsLine(
  labels: ExportLabels,
  sides: readonly [string, string],
  t: AgreementTerms,
): string {
  return [
    t.text,
    t.owner && `${labels.owner}: ${signerLine(sides, t.ownedBy) || t.owner}`,
    t.cosigner && `${labels.cosigner}: ${signerLine(sides, t.cosigner)}`,
    t.criterion && `${labels.criterion}: ${criterionLine(labels, t.criterion)}`,
    t.reviewOn && `${labels.reviewOn}: ${labels.day(t.reviewOn)}`,
  ]
    .filter(Boolean)
    .join(' · ')
}

/**
 * An agreement's way through the series ("agreed in session 1 · session 2: Renegotiated → … ·
 * session 3: Met"); '' while it was only agreed and reviewed once (the review says as much).
 */
export function trackLine(
  labels: ExportLabels,
  sides: readonly [string, string],
  steps: readonly TrackStep[] | undefined,
): string {
  if (!steps || steps.length < 3) return ''
  return steps
    .map((s) => {
      if (s.kind === 'made') return labels.agreedIn(s.session)
      const verdict = labels.verdict[s.status ?? 'open']
      const now = s.newTerms ? `${verdict} → ${termsLine(labels, sides, s.newTerms)}` : verdict
      return labels.judgedIn(s.session, now)
    })
    .join(' · ')
}

/** The zone labels in the order of ZONES. */
export const zoneLabels = (labels: ExportLabels, sides: readonly [string, string]) => [
  labels.interestOf(sides[0]),
  labels.friction,
  labels.interestOf(sides[1]),
  labels.solution,
]

/**
 * What a workshop export says about the moment it was taken, e.g. "Voting still open — counts as
 * of 10:42": a vote still open, private notes not yet revealed. Empty when nothing is open.
 */
export const momentNotes = (
  labels: ExportLabels,
  data: { readonly moment: ExportMoment; readonly at: number; readonly timeZone?: string },
): string[] =>
  momentLines(data.moment, labels.lang, formatClock(data.at, labels.lang, data.timeZone))
