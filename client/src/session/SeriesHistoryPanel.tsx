import { useTranslation } from 'react-i18next'
import { isGoalScore } from '@sparboard/board-model'
import {
  reviewVerdicts,
  seriesOutcomes,
  type ReviewItem,
  type SeriesOutcome,
  type SeriesSession,
  type SeriesVerdict,
} from '@sparboard/protocol'
import type { WorkshopWithLinks } from '../api.js'
import { dateLocale, useFormatDay } from '../i18n/formatDay.js'
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
}) {
  const { agreement: a, verdict } = props.outcome
  const { t } = useTranslation()
  const formatDay = useFormatDay()
  const status = verdict?.status ?? null
  return (
    <li className="series-agreement" aria-label={a.text} data-testid="series-agreement">
      <div>
        <p className="agreement-text">{a.text}</p>
        <p className="hint">
          {a.owner || t('boardUi.agreements.noOwner')}
          {a.due && ` · ${t('boardUi.agreements.dueOn', { date: formatDay(a.due) })}`}
        </p>
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
        {verdict?.chafed && (
          <p className="series-chafed">
            <span className="hint">{t('session.review.chafed')}:</span> {verdict.chafed}
          </p>
        )}
      </div>
    </li>
  )
}
