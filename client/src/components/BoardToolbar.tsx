import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

const svg = (d: string) => (
  <svg
    width="16"
    height="16"
    viewBox="0 0 16 16"
    fill="none"
    stroke="currentColor"
    strokeWidth="1.6"
    aria-hidden
  >
    <path d={d} />
  </svg>
)
// Drawn, not font glyphs: the fallback fonts on many machines have no ⧉ or 🗑.
const DUPLICATE = svg('M5 5h8v8H5z M3 11V3h8')
const DELETE = svg('M3 4h10 M6 4V2.5h4V4 M4.5 4l.7 9.5h5.6l.7-9.5')
const FIT = svg('M2 6V2h4 M10 2h4v4 M14 10v4h-4 M6 14H2v-4')

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
  const icon = (label: string, text: ReactNode, onClick: () => void, disabled = false) => (
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
          {icon(t('boardUi.duplicate'), DUPLICATE, p.onDuplicate)}
          {icon(t('boardUi.delete'), DELETE, p.onDelete)}
        </div>
      )}
      <div className="toolbar-group">
        {icon(t('board.zoomOut'), '−', () => p.onZoom(1 / 1.25))}
        {icon(t('board.zoomIn'), '+', () => p.onZoom(1.25))}
        {icon(t('board.zoomToFit'), FIT, p.onFit)}
      </div>
      {p.canWrite && (
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
