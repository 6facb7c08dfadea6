import { useTranslation } from 'react-i18next'

export interface BoardToolbarProps {
  readonly canWrite: boolean
  readonly selectedCount: number
  readonly canMakeAgreement: boolean
  readonly canUndo: boolean
  readonly canRedo: boolean
  readonly votesLeft: number
  readonly budget: number
  readonly onAdd: () => void
  readonly onUndo: () => void
  readonly onRedo: () => void
  readonly onDuplicate: () => void
  readonly onDelete: () => void
  readonly onGroup: () => void
  readonly onVote: () => void
  readonly onAgreement: () => void
  readonly onZoom: (factor: number) => void
  readonly onFit: () => void
  readonly onHelp: () => void
}

/** The floating tool bar under the canvas; selection tools appear when notes are selected. */
export function BoardToolbar(p: BoardToolbarProps) {
  const { t } = useTranslation()
  const icon = (label: string, text: string, onClick: () => void, disabled = false) => (
    <button type="button" title={label} aria-label={label} onClick={onClick} disabled={disabled}>
      {text}
    </button>
  )
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
      {p.canWrite && p.selectedCount > 0 && (
        <div className="toolbar-group" data-testid="selection-tools">
          <span className="toolbar-count">{t('boardUi.selected', { count: p.selectedCount })}</span>
          <button
            type="button"
            title={t('boardUi.voteTitle')}
            onClick={p.onVote}
            disabled={p.votesLeft <= 0}
          >
            ● {t('boardUi.vote')}
          </button>
          <button type="button" title={t('boardUi.groupTitle')} onClick={p.onGroup}>
            {t('boardUi.group')}
          </button>
          {p.canMakeAgreement && (
            <button type="button" title={t('boardUi.agreementTitle')} onClick={p.onAgreement}>
              {t('boardUi.agreement')}
            </button>
          )}
          {icon(t('boardUi.duplicate'), '⧉', p.onDuplicate)}
          {icon(t('boardUi.delete'), '🗑', p.onDelete)}
        </div>
      )}
      <div className="toolbar-group">
        {icon(t('board.zoomOut'), '−', () => p.onZoom(1 / 1.25))}
        {icon(t('board.zoomIn'), '+', () => p.onZoom(1.25))}
        <button type="button" onClick={p.onFit}>
          {t('board.zoomToFit')}
        </button>
      </div>
      {p.canWrite && (
        <span
          className={`votes-left${p.votesLeft <= 0 ? ' spent' : ''}`}
          data-testid="votes-left"
          data-left={p.votesLeft}
        >
          {t('boardUi.votesLeft', { left: p.votesLeft, budget: p.budget })}
        </span>
      )}
      {icon(t('boardUi.help'), '?', p.onHelp)}
    </div>
  )
}
