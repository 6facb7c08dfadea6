import { phaseRules } from './controlPhases.js'
import { blindVoting, type SessionView } from './controlSession.js'
import { dateLocale, formatDay } from './formatDay.js'

/**
 * What an export taken mid-session has to say about the moment it was taken: a vote still open
 * (its counts are a snapshot), and private notes the boards do not hold yet.
 */
export interface ExportMoment {
  /**
   * `open`: dots are on the boards as they are cast; `blind` ([C33]): nobody's dots are on the
   * boards until the round closes; `blindOwn`: a voter's own picture of a blind round, only their
   * own dots; null: no round is open.
   */
  readonly vote: 'open' | 'blind' | 'blindOwn' | null
  /**
   * A private-writing phase before the reveal: how many notes wait in private rooms (counts, never
   * content; 0 when no author has reported any); null outside such a phase.
   */
  readonly privateNotes: number | null
}

export const NO_MOMENT: ExportMoment = { vote: null, privateNotes: null }

/**
 * The moment a session is at, for an export: of one board (its private notes), or of the whole
 * workshop when `boardId` is left out. Before the facilitator starts the agenda nothing is marked.
 * @example exportMoment(session, boardId) // { vote: 'open', privateNotes: null }
 */
export function exportMoment(state: SessionView, boardId?: string): ExportMoment {
  if (!state.agendaStarted) return NO_MOMENT
  const rules = phaseRules[state.phase]
  const vote =
    !rules.voting || state.voteRound.closed ? null : blindVoting(state) ? 'blind' : 'open'
  if (!rules.privateWriting || state.revealed) return { vote, privateNotes: null }
  let waiting = 0
  for (const [key, n] of Object.entries(state.privateCounts))
    if (boardId === undefined || key.startsWith(`${boardId}/`)) waiting += n
  return { vote, privateNotes: waiting }
}

/** Whether an export should carry a note about its moment. */
export const momentMarked = (m: ExportMoment) => m.vote !== null || m.privateNotes !== null

/**
 * A clock time ('10:42') in a time zone, or in UTC with ' UTC' after it when the zone is left out
 * (a server does not know its reader's zone).
 */
export function formatClock(at: number, language: string, timeZone?: string): string {
  const time = new Intl.DateTimeFormat(dateLocale(language), {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: timeZone ?? 'UTC',
  }).format(new Date(at))
  return timeZone ? time : `${time} UTC`
}

/** The calendar day ('2026-12-04') of a moment in a time zone (UTC when left out). */
export const dayIn = (at: number, timeZone?: string) =>
  // en-CA writes dates as YYYY-MM-DD
  new Intl.DateTimeFormat('en-CA', { timeZone: timeZone ?? 'UTC' }).format(new Date(at))

/** Whether a time zone name is one this runtime knows ('Europe/Amsterdam', 'UTC'). */
export function knownTimeZone(name: string): boolean {
  if (name.length === 0 || name.length > 64) return false
  try {
    new Intl.DateTimeFormat('en', { timeZone: name })
    return true
  } catch {
    return false
  }
}

const WORDS = {
  en: {
    session: (n: number) => `Session ${n}`,
    group: (name: string) => `Group ${name}`,
    legend: 'Legend',
    votes: 'Votes',
    agreement: 'Agreement',
    rank: 'Top 3 solutions by votes',
    vote: {
      open: (time: string) => `Voting still open — counts as of ${time}`,
      blind: (time: string) =>
        `Blind voting still open — votes are shown once the round closes (as of ${time})`,
      blindOwn: (time: string) =>
        `Blind voting still open — only your own votes are shown (as of ${time})`,
    },
    privateNotes: (n: number) =>
      n === 0
        ? 'Private writing: private notes not yet revealed are not included'
        : n === 1
          ? 'Private writing: 1 private note not yet revealed is not included'
          : `Private writing: ${n} private notes not yet revealed are not included`,
  },
  nl: {
    session: (n: number) => `Sessie ${n}`,
    group: (name: string) => `Groep ${name}`,
    legend: 'Legenda',
    votes: 'Stemmen',
    agreement: 'Afspraak',
    rank: 'Top 3 oplossingen op stemmen',
    vote: {
      open: (time: string) => `Stemronde loopt nog — stand van ${time}`,
      blind: (time: string) =>
        `Blinde stemronde loopt nog — de stemmen verschijnen als de ronde sluit (stand van ${time})`,
      blindOwn: (time: string) =>
        `Blinde stemronde loopt nog — alleen je eigen stemmen staan erop (stand van ${time})`,
    },
    privateNotes: (n: number) =>
      n === 0
        ? 'Privé schrijven: nog niet onthulde privénotities staan er niet in'
        : n === 1
          ? 'Privé schrijven: 1 nog niet onthulde privénotitie staat er niet in'
          : `Privé schrijven: ${n} nog niet onthulde privénotities staan er niet in`,
  },
} as const

/** The words of an export's header band and of its moment, in Dutch or English. */
export const exportWords = (language: string) => (language === 'nl' ? WORDS.nl : WORDS.en)

/**
 * The lines an export prints about its moment, e.g. "Voting still open — counts as of 10:42";
 * none when nothing is open.
 * @example momentLines({ vote: 'open', privateNotes: null }, 'nl', '10:42') // ['Stemronde loopt nog — stand van 10:42']
 */
export function momentLines(moment: ExportMoment, language: string, time: string): string[] {
  const words = exportWords(language)
  const lines: string[] = []
  if (moment.vote) lines.push(words.vote[moment.vote](time))
  if (moment.privateNotes !== null) lines.push(words.privateNotes(moment.privateNotes))
  return lines
}

/** What an exported board image says about itself, as its header band shows it. */
export interface BoardFrameFacts {
  readonly language: string
  readonly caseTitle: string
  readonly groupName: string
  readonly workshopTitle: string
  /** 1, or more for a follow-up (then the band names it). */
  readonly session: number
  readonly moment: ExportMoment
  /** When the export was made (ms since the epoch), in the reader's time zone if known. */
  readonly at: number
  readonly timeZone?: string | undefined
}

/**
 * The texts of a board image's header band (board-scene's `framedScene` draws them): the case and
 * group, the workshop, day and session, the moment's notices, and the legend's words for marks.
 * @example boardFrameTexts({ language: 'nl', caseTitle: 'Spoedorder', groupName: '1', workshopTitle: 'Planning', session: 2, moment: NO_MOMENT, at: Date.now() })
 */
export function boardFrameTexts(facts: BoardFrameFacts) {
  const words = exportWords(facts.language)
  const day = formatDay(dayIn(facts.at, facts.timeZone), facts.language)
  const time = formatClock(facts.at, facts.language, facts.timeZone)
  return {
    title: [facts.caseTitle, facts.groupName && words.group(facts.groupName)]
      .filter(Boolean)
      .join(' — '),
    details: [facts.workshopTitle, day, facts.session > 1 ? words.session(facts.session) : '']
      .filter(Boolean)
      .join(' · '),
    notices: momentLines(facts.moment, facts.language, time),
    marks: { votes: words.votes, agreement: words.agreement, rank: words.rank },
  }
}
