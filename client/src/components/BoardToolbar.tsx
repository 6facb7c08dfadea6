import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { strokeIcon } from './strokeIcon.js'

const FIT = strokeIcon('M2 6V2h4 M10 2h4v4 M14 10v4h-4 M6 14H2v-4')

export interface BoardToolbarProps {
  readonly canWrite: boolean
  readonly canUndo: boolean
  readonly canRedo: boolean
  /** Votes count now ([C14]); outside the voting phase there is no budget to show. */
  readonly votingOpen: boolean
  readonly votesLeft: number
  readonly budget: number
  readonly onAdd: () => void
  readonly onUndo: () => void
  readonly onRedo: () => void
  readonly onZoom: (factor: number) => void
  readonly onFit: () => void
  readonly onHelp: () => void
}

const iconButton = (label: string, text: ReactNode, onClick: () => void, disabled = false) => (
  <button type="button" title={label} aria-label={label} onClick={onClick} disabled={disabled}>
    {text}
  </button>
)

/** The floating tool bar under the canvas. */
export function BoardToolbar(p: BoardToolbarProps) {
  const { t } = useTranslation()
  const icon = iconButton
  return (
    <div className="toolbar" role="toolbar" aria-label={t('board.toolbar')}>
      {p.canWrite && (
        <>
          <button
            type="button"
            className="primary"
            title={t('board.addNoteTitle')}
            onClick={p.onAdd}
          >
            + {t('board.addNote')}
          </button>
          {icon(t('boardUi.undo'), '↶', p.onUndo, !p.canUndo)}
          {icon(t('boardUi.redo'), '↷', p.onRedo, !p.canRedo)}
        </>
      )}
      <div className="toolbar-group">
        {icon(t('board.zoomOut'), '−', () => p.onZoom(1 / 1.25))}
        {icon(t('board.zoomIn'), '+', () => p.onZoom(1.25))}
        {icon(t('board.zoomToFit'), FIT, p.onFit)}
      </div>
      {p.canWrite && p.votingOpen && (
        <span
          className={`votes-left${p.votesLeft <= 0 ? ' spent' : ''}`}
          data-testid="votes-left"
          data-left={p.votesLeft}
          title={t('boardUi.votesLeft', { left: p.votesLeft, budget: p.budget })}
          aria-label={t('boardUi.votesLeft', { left: p.votesLeft, budget: p.budget })}
        >
          ● {p.votesLeft}/{p.budget}
        </span>
      )}
      {icon(t('boardUi.help'), '?', p.onHelp)}
    </div>
  )
}
