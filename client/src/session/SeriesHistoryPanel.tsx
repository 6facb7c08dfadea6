import { useTranslation } from 'react-i18next'
import { isGoalScore } from '@sparboard/board-model'
import {
  agreementTracks,
  reviewVerdicts,
  seriesOutcomes,
  type TrackStep,
  type ReviewItem,
  type SeriesOutcome,
  type SeriesSession,
  type SeriesVerdict,
} from '@sparboard/protocol'
import type { WorkshopWithLinks } from '../api.js'
import { AgreementTermsLines } from '../components/AgreementTerms.js'
import { dateLocale } from '../locale/formatDay.js'
import { useSeriesHistory } from './useSeriesHistory.js'
import { useSession } from './useSession.js'

/**
 * [C21] On a follow-up's workshop page, for every role: what the earlier sessions agreed, and how
 * each agreement held when the session after it reviewed it.
 */
export function SeriesHistoryPanel({
  workshop,
  token,
}: {
  workshop: WorkshopWithLinks
  token: string
}) {
  const { t } = useTranslation()
  const { state } = useSession(token)
  const followUp = (state?.series.number ?? 1) > 1
  const history = useSeriesHistory(workshop.id, token, followUp)
  if (!followUp || history.status === 'idle') return null
  const sessions = history.status === 'ready' ? history.history.sessions : []
  // The board of each case and group now, in the order the history lists them.
  const boardsNow = workshop.cases.flatMap((c) =>
    workshop.groups.flatMap(
      (g) => workshop.boards.find((b) => b.caseId === c.id && b.groupId === g.id) ?? [],
    ),
  )
  const laterOf = (index: number) => (boardIndex: number) =>
    index + 1 < sessions.length
      ? (sessions[index + 1]?.boards[boardIndex]?.review ?? [])
      : reviewVerdicts(reviewOn(state?.review ?? [], boardsNow[boardIndex]?.id))
  // each agreement's way through the series, this session's review included
  const tracks = agreementTracks(sessions, {
    number: state?.series.number ?? 1,
    review: state?.review ?? [],
  })
  return (
    <details className="card series-history" open data-testid="series-history">
      <summary>
        <h2>{t('session.history.title')}</h2>
        {sessions.length > 0 && <span className="badge">{sessions.length}</span>}
      </summary>
      <p className="hint">{t('session.history.hint')}</p>
      {history.status === 'loading' && <p className="hint">{t('session.history.loading')}</p>}
      {history.status === 'error' && (
        <p className="error" role="alert">
          {t('session.history.failed', { error: history.error })}
        </p>
      )}
      {history.status === 'ready' && history.history.truncated && (
        <p className="hint">{t('session.history.truncated', { count: sessions.length })}</p>
      )}
      {sessions.map((s, index) => (
        <SessionHistory
          key={index}
          session={s}
          newest={index === sessions.length - 1}
          reviewedIn={
            index + 1 < sessions.length ? sessions[index + 1]!.number : state!.series.number
          }
          later={laterOf(index)}
          tracks={tracks}
          sides={workshop.sides}
        />
      ))}
    </details>
  )
}

const reviewOn = (items: readonly ReviewItem[], boardId: string | undefined) =>
  items.filter((r) => r.boardId === boardId)

/** One earlier session, collapsed unless it is the one just before this. */
function SessionHistory(props: {
  session: SeriesSession
  newest: boolean
  /** The session that reviewed this one's agreements. */
  reviewedIn: number
  later: (boardIndex: number) => readonly SeriesVerdict[]
  tracks: ReadonlyMap<string, readonly TrackStep[]>
  sides: readonly [string, string]
}) {
  const { session, newest, reviewedIn, later } = props
  const { t, i18n } = useTranslation()
  const boards = session.boards
    .map((board, i) => ({ board, outcomes: seriesOutcomes(board, later(i)) }))
    .filter((b) => b.outcomes.length > 0)
  const date = new Intl.DateTimeFormat(dateLocale(i18n.language), { dateStyle: 'long' }).format(
    session.createdAt,
  )
  return (
    <details className="series-session" open={newest} data-testid="series-session">
      <summary>
        <strong>{t('session.series', { number: session.number })}</strong>
        <span className="hint">
          {' '}
          · {session.title} · {date} ·{' '}
          {t('session.history.agreements', {
            count: boards.reduce((n, b) => n + b.outcomes.length, 0),
          })}
        </span>
      </summary>
      {boards.length === 0 && <p className="hint">{t('session.history.none')}</p>}
      {boards.map(({ board, outcomes }, i) => (
        <section key={i} className="series-board">
          <h3>
            {t('session.board', { case: board.caseTitle, group: board.groupName })}
            {board.broughtBy && (
              <span className="case-brought-by">
                {' '}
                · {t('workshop.broughtBy', { name: board.broughtBy })}
              </span>
            )}
          </h3>
          <ul className="series-agreements">
            {outcomes.map((o) => (
              <AgreementOutcome
                key={o.agreement.id}
                outcome={o}
                goals={session.goals}
                reviewedIn={reviewedIn}
                track={props.tracks.get(o.agreement.id) ?? []}
                sides={props.sides}
              />
            ))}
          </ul>
        </section>
      ))}
    </details>
  )
}

function AgreementOutcome(props: {
  outcome: SeriesOutcome
  goals: readonly string[]
  reviewedIn: number
  track: readonly TrackStep[]
  sides: readonly [string, string]
}) {
  const { agreement: a, verdict } = props.outcome
  const { t } = useTranslation()
  const status = verdict?.status ?? null
  return (
    <li className="series-agreement" aria-label={a.text} data-testid="series-agreement">
      <div>
        <p className="agreement-text">{a.text}</p>
        <AgreementTermsLines terms={a} sides={props.sides} />
        {Object.keys(a.goals).length > 0 && (
          <ul className="goal-scores">
            {Object.entries(a.goals).flatMap(([g, score]) =>
              isGoalScore(score)
                ? [
                    <li key={g} className={`score score-${score}`}>
                      <span>{props.goals[Number(g)] ?? `#${Number(g) + 1}`}</span>
                      <strong>{t(`boardUi.agreements.${score}`)}</strong>
                    </li>,
                  ]
                : [],
            )}
          </ul>
        )}
      </div>
      <div className="series-outcome" data-testid="series-outcome" data-status={status ?? 'open'}>
        <span className="hint">
          {t('session.history.reviewedIn', { number: props.reviewedIn })}
        </span>
        <span className={`series-verdict series-verdict-${status ?? 'open'}`}>
          {status ? t(`session.review.${status}`) : t('session.history.notReviewed')}
        </span>
        {verdict?.newTerms && (
          <div className="series-chafed" data-testid="series-new-terms">
            <span className="hint">{t('session.review.newTerms')}:</span>{' '}
            <strong>{verdict.newTerms.text}</strong>
            <AgreementTermsLines terms={verdict.newTerms} sides={props.sides} />
          </div>
        )}
        {verdict?.chafed && (
          <p className="series-chafed">
            <span className="hint">{t('session.review.chafed')}:</span> {verdict.chafed}
          </p>
        )}
        <SeriesTrack track={props.track} />
      </div>
    </li>
  )
}

/**
 * An agreement's way through the series, where it goes beyond one review: agreed in one session,
 * renegotiated in the next, judged again after.
 */
function SeriesTrack({ track }: { track: readonly TrackStep[] }) {
  const { t } = useTranslation()
  if (track.length < 3) return null
  return (
    <div data-testid="series-track">
      <span className="hint">{t('session.history.track')}:</span>
      <ol className="series-track">
        {track.map((s, i) => (
          <li key={i} data-status={s.status ?? (s.kind === 'made' ? 'made' : 'open')}>
            {s.kind === 'made'
              ? t('session.history.agreedIn', { number: s.session })
              : t('session.history.judgedIn', {
                  number: s.session,
                  status: s.status
                    ? t(`session.review.${s.status}`)
                    : t('session.history.notReviewed'),
                })}
            {s.newTerms && <> → {s.newTerms.text}</>}
          </li>
        ))}
      </ol>
    </div>
  )
}
