import { useTranslation } from 'react-i18next'
import { phaseRules, type SessionView } from '@sparboard/protocol'
import type { WorkshopWithLinks } from '../api.js'
import { boardPath, navigate } from '../route.js'
import { boardLabel } from './boardLabel.js'
import { BoardThumbnail } from './BoardThumbnail.js'
import { useSession } from './useSession.js'
import type { RunCommand } from './useCommand.js'
import type { BoardOverview } from './useWorkshopBoards.js'

/** Per board: lock, spotlight, bring everyone there (and go there oneself). */
export function BoardControls(props: {
  workshop: WorkshopWithLinks
  token: string
  state: SessionView
  run: RunCommand
  overview: readonly BoardOverview[]
}) {
  const { workshop, token, state, run, overview } = props
  const { t } = useTranslation()
  const all = workshop.boards.map((b) => b.id)
  return (
    <div className="session-section">
      <h3>{t('session.panel.boards')}</h3>
      <div className="session-row">
        <button
          type="button"
          onClick={() => void run('board:lock', { boardIds: all, locked: true })}
        >
          🔒 {t('session.panel.lockAll')}
        </button>
        <button
          type="button"
          onClick={() => void run('board:lock', { boardIds: all, locked: false })}
        >
          {t('session.panel.unlockAll')}
        </button>
        {state.spotlight && (
          <button type="button" onClick={() => void run('board:spotlight', { boardId: null })}>
            {t('session.panel.endSpotlight')}
          </button>
        )}
      </div>
      <ul className="session-boards">
        {workshop.boards.map((b) => {
          const locked = state.lockedBoards.includes(b.id)
          const label = boardLabel(t, workshop, b.id)
          const broughtBy = workshop.cases.find((c) => c.id === b.caseId)?.broughtBy
          return (
            <li key={b.id} data-testid="session-board" aria-label={label}>
              {/* [C38] large enough to read, and a way onto the board */}
              <button
                type="button"
                className="thumbnail-open"
                aria-label={t('cockpit.overview.open', { board: label })}
                title={t('cockpit.overview.open', { board: label })}
                onClick={() => navigate(boardPath(workshop.id, b.id, token))}
              >
                <BoardThumbnail
                  boardId={b.id}
                  token={token}
                  noteCount={overview.find((o) => o.boardId === b.id)?.noteCount ?? 0}
                  label={label}
                />
              </button>
              <span className="session-board-name">
                {locked && '🔒 '}
                <button
                  type="button"
                  className="link"
                  onClick={() => navigate(boardPath(workshop.id, b.id, token))}
                >
                  {label}
                </button>
                {broughtBy && (
                  <span className="hint"> · {t('workshop.broughtBy', { name: broughtBy })}</span>
                )}
                <BoardActivity
                  board={overview.find((o) => o.boardId === b.id)}
                  waiting={privateWaiting(state, b.id)}
                  state={state}
                  groupId={b.groupId}
                  boardId={b.id}
                  token={token}
                />
              </span>
              <div className="session-board-actions">
                <button
                  type="button"
                  aria-pressed={locked}
                  onClick={() => void run('board:lock', { boardIds: [b.id], locked: !locked })}
                >
                  {locked ? t('session.panel.unlock') : t('session.panel.lock')}
                </button>
                <button
                  type="button"
                  aria-pressed={state.spotlight === b.id}
                  onClick={() =>
                    void run('board:spotlight', { boardId: state.spotlight === b.id ? null : b.id })
                  }
                >
                  {t('session.panel.spotlight')}
                </button>
                <button
                  type="button"
                  onClick={async () => {
                    if (await run('board:gather', { boardId: b.id }))
                      navigate(boardPath(workshop.id, b.id, token))
                  }}
                >
                  {t('session.panel.gather')}
                </button>
              </div>
            </li>
          )
        })}
      </ul>
    </div>
  )
}

/**
 * Live note count and who is on the board: [C38] the participants the server counts there
 * ([C34], also while they write privately) with anyone else its awareness shows, notes per
 * person, and in the voting phase the dots used of the budget and who has not voted yet.
 */
function BoardActivity({
  board,
  waiting,
  state,
  groupId,
  boardId,
  token,
}: {
  token: string
  board: BoardOverview | undefined
  waiting: number
  state: SessionView
  groupId: string
  boardId: string
}) {
  const { t } = useTranslation()
  const { presence } = useSession(token)
  if (!board) return null
  const name = (id: string) => state.participants.find((p) => p.id === id)?.name
  const here = (presence[boardId] ?? []).flatMap((id) => name(id) ?? [])
  const present = [...new Set([...here, ...board.present])].sort()
  const perPerson = Object.entries(board.authors)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([who, n]) => `${who} ${n}`)
  const group = state.participants.filter((p) => p.groupId === groupId)
  const usedBy = (id: string) =>
    (state.ballotCounts[`${boardId}/${id}`] ?? 0) + (board.votesBy[id] ?? 0)
  const used = group.reduce((sum, p) => sum + usedBy(p.id), 0)
  const notVoted = group.filter((p) => usedBy(p.id) === 0).map((p) => p.name)
  const voting = state.agendaStarted && phaseRules[state.phase].voting
  return (
    <span className="hint session-board-activity" data-testid="session-board-activity">
      {' · '}
      {t('session.overview.notes', { count: board.noteCount })}
      {waiting > 0 && ` (${t('session.overview.private', { count: waiting })})`}
      {' · '}
      {present.length
        ? t('session.overview.present', { names: present.join(', ') })
        : t('session.overview.nobody')}
      {perPerson.length > 0 && (
        <span className="session-board-line" data-testid="session-board-authors">
          {t('cockpit.overview.perPerson', { list: perPerson.join(', ') })}
        </span>
      )}
      {voting && group.length > 0 && (
        <span className="session-board-line" data-testid="session-board-votes">
          {t('cockpit.overview.votes', { used, budget: state.voteBudget * group.length })}
          {' · '}
          {notVoted.length
            ? t('cockpit.overview.notVoted', { names: notVoted.join(', ') })
            : t('cockpit.overview.allVoted')}
        </span>
      )}
    </span>
  )
}

/** Private notes on a board still waiting for the reveal, summed over their authors. */
const privateWaiting = (state: SessionView, boardId: string): number =>
  Object.entries(state.privateCounts)
    .filter(([key]) => key.startsWith(`${boardId}/`))
    .reduce((sum, [, n]) => sum + n, 0)
