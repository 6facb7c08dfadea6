import { useTranslation } from 'react-i18next'
import type { Plenary } from './usePlenary.js'
import './cockpit.css'

/**
 * Notices of the board page from the cockpit's rules: following the facilitator ([C32]), the
 * plenary step ([C37]), and how votes are shown in this round ([C33]).
 */
export function BoardNotices(props: {
  readonly follow: { following: boolean; stop(): void; resume(): void; called: boolean }
  readonly plenary: Plenary | null
  readonly zoneLabels: readonly string[]
  readonly vote: 'blind' | 'closed' | null
}) {
  const { t } = useTranslation()
  const { follow, plenary, vote } = props
  return (
    <>
      {follow.called && (
        <div className="board-notice" role="status" data-testid="following">
          {follow.following ? t('cockpit.following') : null}
          <button
            type="button"
            className="link"
            onClick={follow.following ? follow.stop : follow.resume}
          >
            {follow.following ? t('cockpit.stopFollowing') : t('cockpit.followAgain')}
          </button>
        </div>
      )}
      {plenary?.step && (
        <div className="board-notice plenary" role="status" data-testid="plenary">
          <strong>
            {t('cockpit.plenaryTitle', {
              zone: props.zoneLabels[plenary.step.zone] ?? '',
              step: String(plenary.index + 1),
              steps: String(plenary.count),
            })}
          </strong>
          <span>{t('cockpit.plenaryHelp')}</span>
          <button type="button" className="link" onClick={() => plenary.go(-1)}>
            ◀
          </button>
          <button type="button" className="link" onClick={() => plenary.go(1)}>
            ▶
          </button>
          <button type="button" className="link" onClick={plenary.end}>
            {t('cockpit.plenaryEnd')}
          </button>
        </div>
      )}
      {vote && (
        <div className="board-notice" role="status" data-testid="vote-round" data-round={vote}>
          {vote === 'blind' ? t('cockpit.blindNotice') : t('cockpit.closedNotice')}
        </div>
      )}
    </>
  )
}
