import { useTranslation } from 'react-i18next'
import type { SessionView } from '@sparboard/protocol'
import type { WorkshopWithLinks } from '../api.js'
import { boardPath, navigate } from '../route.js'
import { boardLabel } from './boardLabel.js'
import { BoardThumbnail } from './BoardThumbnail.js'
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
              <BoardThumbnail
                boardId={b.id}
                token={token}
                noteCount={overview.find((o) => o.boardId === b.id)?.noteCount ?? 0}
                label={label}
              />
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

/** Live note count and who is on the board. */
function BoardActivity({ board, waiting }: { board: BoardOverview | undefined; waiting: number }) {
  const { t } = useTranslation()
  if (!board) return null
  return (
    <span className="hint" data-testid="session-board-activity">
      {' · '}
      {t('session.overview.notes', { count: board.noteCount })}
      {waiting > 0 && ` (${t('session.overview.private', { count: waiting })})`}
      {' · '}
      {board.present.length
        ? t('session.overview.present', { names: board.present.join(', ') })
        : t('session.overview.nobody')}
    </span>
  )
}

/** Private notes on a board still waiting for the reveal, summed over their authors. */
const privateWaiting = (state: SessionView, boardId: string): number =>
  Object.entries(state.privateCounts)
    .filter(([key]) => key.startsWith(`${boardId}/`))
    .reduce((sum, [, n]) => sum + n, 0)
