import { useTranslation } from 'react-i18next'
import type { Participant } from '@sparboard/protocol'
import './people.css'

/**
 * [C28] A person as a chip: an online dot, the name and the side they speak for. The facilitator
 * ([C29]) has no side: their chip says neutral.
 */
export function PersonChip(props: {
  readonly name: string
  /** The participant's side, or 'neutral' for the facilitator. */
  readonly side: Participant['side'] | 'neutral'
  readonly sides: readonly [string, string]
  readonly online: boolean
}) {
  const { name, side, sides, online } = props
  const { t } = useTranslation()
  const sideName =
    side === 'neutral'
      ? t('people.neutral')
      : side === 'other'
        ? t('session.join.other')
        : sides[side]
  const state = online ? t('people.online') : t('people.offline')
  return (
    <span
      className="person-chip"
      data-online={online}
      data-testid="person-chip"
      title={`${name} · ${sideName} · ${state}`}
    >
      <span className="person-dot" aria-hidden />
      <span className="person-name">{name}</span>
      <span className={`person-side person-side-${String(side)}`}>{sideName}</span>
      <span className="visually-hidden">({state})</span>
    </span>
  )
}
