import { useTranslation } from 'react-i18next'
import {
  NoteLimits,
  type LinkSnapshot,
  type NoteId,
  type NoteSnapshot,
} from '@sparboard/board-model'
import './gain.css'

/**
 * [G1] Which interests a solution serves: every interest of the board by side, a checkbox each,
 * ticked where linked. Keyboard and screen reader use it as the canvas' connector handle.
 */
export function LinkInterestsDialog({
  solution,
  notes,
  links,
  sides,
  onToggle,
  onClose,
}: {
  solution: NoteSnapshot
  notes: readonly NoteSnapshot[]
  links: readonly LinkSnapshot[]
  sides: readonly [string, string]
  onToggle: (interest: NoteId, on: boolean) => void
  onClose: () => void
}) {
  const { t } = useTranslation()
  const linked = new Set(links.filter((l) => l.from === solution.id).map((l) => l.to))
  const full = linked.size >= NoteLimits.maxLinksPerNote
  const interests = notes.filter((n) => n.category === 'interest' && !n.position)
  return (
    <div className="dialog-backdrop" onClick={onClose}>
      <div
        className="dialog card gain-dialog"
        role="dialog"
        aria-labelledby="link-title"
        data-testid="link-dialog"
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => e.key === 'Escape' && onClose()}
      >
        <h2 id="link-title">{t('gain.link.title')}</h2>
        <p className="hint">{t('gain.link.intro', { text: solution.text })}</p>
        {interests.length === 0 && <p>{t('gain.link.none')}</p>}
        {([0, 1] as const).map((side) => {
          const ofSide = interests.filter((n) => n.side === side)
          if (ofSide.length === 0) return null
          return (
            <section key={side} aria-labelledby={`link-side-${side}`}>
              <h3 id={`link-side-${side}`}>{t('zone.interestOf', { side: sides[side] })}</h3>
              <ul>
                {ofSide.map((n) => (
                  <li key={n.id}>
                    <label>
                      <input
                        type="checkbox"
                        checked={linked.has(n.id)}
                        disabled={full && !linked.has(n.id)}
                        onChange={(e) => onToggle(n.id, e.target.checked)}
                        data-note-id={n.id}
                      />
                      <span>{n.text || t('board.newNote')}</span>
                    </label>
                  </li>
                ))}
              </ul>
            </section>
          )
        })}
        {full && (
          <p className="hint" role="status">
            {t('gain.link.limit', { count: NoteLimits.maxLinksPerNote })}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="primary" autoFocus onClick={onClose}>
            {t('gain.link.close')}
          </button>
        </div>
      </div>
    </div>
  )
}
