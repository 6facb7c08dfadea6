import { useTranslation } from 'react-i18next'
import {
  linkedInterests,
  type DoubleMajority,
  type LinkSnapshot,
  type NoteSnapshot,
} from '@sparboard/board-model'
import type { NoteTag } from '@sparboard/board-scene'
import './gain.css'

export interface OutlineMethodProps {
  readonly note: NoteSnapshot
  readonly tags: ReadonlyMap<string, readonly NoteTag[]>
  readonly links: readonly LinkSnapshot[]
  readonly notesById: ReadonlyMap<string, NoteSnapshot>
  /** [G1] Solutions list the interests they serve. */
  readonly bothSidesGain: boolean
  /** [G2] The threshold each side must reach, when the double majority is on. */
  readonly doubleMajority: DoubleMajority | null
}

/**
 * [G1] [G2] [G3] In the outline, under a note: its tags as the canvas shows them (one-sided,
 * position, "Sales ✓ Operations ✗"), the interests a solution serves, the interests found beneath
 * a position, and what the double majority asks.
 */
export function OutlineMethod({
  note,
  tags,
  links,
  notesById,
  bothSidesGain,
  doubleMajority,
}: OutlineMethodProps) {
  const { t } = useTranslation()
  const own = tags.get(note.id) ?? []
  const linked = linkedInterests(links, notesById, note.id).map((n) => n.text)
  const solution = note.category === 'solution'
  const gate =
    solution && doubleMajority
      ? t('gain.gateHint', {
          min:
            doubleMajority.unit === 'votes'
              ? t('gain.gateVotes', { count: doubleMajority.min })
              : t('gain.gatePercent', { count: doubleMajority.min }),
        })
      : null
  if (own.length === 0 && linked.length === 0 && !(solution && bothSidesGain) && !gate) return null
  return (
    <span className="gain-links" data-testid="outline-method">
      {own.map((tag) => (
        <span key={tag.text} className={`gain-tag ${tag.tone}`} data-testid="outline-tag">
          {tag.text}
        </span>
      ))}
      {solution && bothSidesGain && (
        <span data-testid="outline-serves">
          {linked.length > 0
            ? t('gain.serves', { interests: linked.join(' · ') })
            : t('gain.servesNone')}
        </span>
      )}
      {note.position && linked.length > 0 && (
        <span data-testid="outline-beneath">
          {t('gain.beneath', { interests: linked.join(' · ') })}
        </span>
      )}
      {gate && !own.some((tag) => tag.tone === 'ok') && (
        <span className="hint" data-testid="outline-gate">
          {gate}
        </span>
      )}
    </span>
  )
}
