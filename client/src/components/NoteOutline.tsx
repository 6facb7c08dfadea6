import { useTranslation } from 'react-i18next'
import { ZONES, type NoteSnapshot } from '@sparboard/board-model'

/**
 * Every note as text, grouped by zone: what a screen reader and the keyboard use instead of the
 * canvas, and a quick overview for everyone.
 */
export function NoteOutline({
  notes,
  zoneLabels,
}: {
  notes: readonly NoteSnapshot[]
  zoneLabels: readonly string[]
}) {
  const { t } = useTranslation()
  return (
    <nav className="outline" aria-label={t('board.outline')} data-testid="outline">
      {ZONES.map((zone, i) => {
        const inZone = notes.filter(
          (n) => n.category === zone.category && (zone.side === null || n.side === zone.side),
        )
        return (
          <section key={i} aria-labelledby={`outline-${i}`}>
            <h3 id={`outline-${i}`}>
              {zoneLabels[i]} <span className="hint">({inZone.length})</span>
            </h3>
            <ul>
              {inZone.map((n) => (
                <li key={n.id} data-note-id={n.id}>
                  <span className="outline-text">
                    {n.text || <em className="hint">{t('board.newNote')}</em>}
                  </span>
                  {n.author && <span className="hint"> — {n.author}</span>}
                </li>
              ))}
            </ul>
          </section>
        )
      })}
    </nav>
  )
}
