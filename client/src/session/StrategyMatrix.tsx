import { useTranslation } from 'react-i18next'
import type { GoalScore } from '@sparboard/board-model'
import type { WorkshopWithLinks } from '../api.js'
import { useFormatDay } from '../locale/formatDay.js'
import { boardLabel } from './boardLabel.js'
import type { BoardOverview } from './useWorkshopBoards.js'

const mark: Record<GoalScore, string> = { supports: '✓', neutral: '○', conflicts: '✗' }

/** All agreements of all boards against every goal: the strategy check at a glance. */
export function StrategyMatrix(props: {
  workshop: WorkshopWithLinks
  boards: readonly BoardOverview[]
}) {
  const { workshop, boards } = props
  const { t } = useTranslation()
  const formatDay = useFormatDay()
  const rows = boards.flatMap((b) => b.agreements.map((a) => ({ boardId: b.boardId, a })))
  return (
    <div className="session-section">
      <h3>{t('session.matrix.title')}</h3>
      {rows.length === 0 ? (
        <p className="hint">{t('session.matrix.empty')}</p>
      ) : (
        <div className="strategy-matrix-wrap">
          <table className="strategy-matrix" data-testid="strategy-matrix">
            <thead>
              <tr>
                <th scope="col">{t('session.matrix.agreement')}</th>
                {workshop.goals.map((g, i) => (
                  <th scope="col" key={i} title={g}>
                    {i + 1}. {g}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map(({ boardId, a }) => (
                <tr key={`${boardId}/${a.id}`}>
                  <th scope="row">
                    {a.text}
                    <span className="hint">
                      {' '}
                      · {boardLabel(t, workshop, boardId)}
                      {a.owner && ` · ${a.owner}`}
                      {a.due && ` · ${t('boardUi.agreements.dueOn', { date: formatDay(a.due) })}`}
                    </span>
                  </th>
                  {workshop.goals.map((_, i) => {
                    const score = a.goals[i]
                    return (
                      <td
                        key={i}
                        className={score ? `score-${score}` : undefined}
                        title={score ? t(`session.matrix.${score}`) : t('session.matrix.unscored')}
                      >
                        {score ? mark[score] : ''}
                      </td>
                    )
                  })}
                </tr>
              ))}
            </tbody>
          </table>
          <p className="hint strategy-matrix-legend" data-testid="strategy-matrix-legend">
            {(Object.keys(mark) as GoalScore[])
              .map((score) => `${mark[score]} ${t(`session.matrix.${score}`)}`)
              .join(' · ')}
          </p>
        </div>
      )}
    </div>
  )
}
