import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { strokeIcon } from './strokeIcon.js'

const DUPLICATE = strokeIcon('M5 5h8v8H5z M3 11V3h8')
const DELETE = strokeIcon('M3 4h10 M6 4V2.5h4V4 M4.5 4l.7 9.5h5.6l.7-9.5')

const iconButton = (label: string, text: ReactNode, onClick: () => void) => (
  <button type="button" title={label} aria-label={label} onClick={onClick}>
    {text}
  </button>
)

export interface SelectionToolsProps {
  readonly selectedCount: number
  readonly canMakeAgreement: boolean
  /** Set when the one selected solution is an agreement already: offered instead of another. */
  readonly onShowAgreement?: () => void
  /** Votes count now ([C14]): the vote button is there only then. */
  readonly votingOpen: boolean
  readonly votesLeft: number
  readonly onDuplicate: () => void
  readonly onDelete: () => void
  readonly onGroup: () => void
  /** Set when a selected note is in a cluster. */
  readonly onUngroup?: () => void
  readonly onVote: () => void
  readonly onAgreement: () => void
}

/** What can be done with the selected notes; the canvas shows it just above them. */
export function SelectionTools(p: SelectionToolsProps) {
  const { t } = useTranslation()
  const icon = iconButton
  return (
    <div
      className="selection-tools"
      role="toolbar"
      aria-label={t('boardUi.selected', { count: p.selectedCount })}
      data-testid="selection-tools"
    >
      <span className="toolbar-count">{t('boardUi.selected', { count: p.selectedCount })}</span>
      {p.votingOpen && (
        <button
          type="button"
          title={p.votesLeft > 0 ? t('boardUi.voteTitle') : t('boardUi.noVotesLeft')}
          onClick={p.onVote}
          disabled={p.votesLeft <= 0}
        >
          ● {t('boardUi.vote')}
        </button>
      )}
      <button type="button" title={t('boardUi.groupTitle')} onClick={p.onGroup}>
        {t('boardUi.group')}
      </button>
      {p.onUngroup && (
        <button type="button" title={t('boardUi.ungroupTitle')} onClick={p.onUngroup}>
          {t('boardUi.ungroup')}
        </button>
      )}
      {p.onShowAgreement ? (
        <button type="button" title={t('boardUi.showAgreementTitle')} onClick={p.onShowAgreement}>
          ✓ {t('boardUi.showAgreement')}
        </button>
      ) : (
        p.canMakeAgreement && (
          <button type="button" title={t('boardUi.agreementTitle')} onClick={p.onAgreement}>
            {t('boardUi.agreement')}
          </button>
        )
      )}
      {icon(t('boardUi.duplicate'), DUPLICATE, p.onDuplicate)}
      {icon(t('boardUi.delete'), DELETE, p.onDelete)}
    </div>
  )
}
