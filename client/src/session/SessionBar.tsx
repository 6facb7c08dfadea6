import { useTranslation } from 'react-i18next'
import { phaseRules, Role } from '@sparboard/protocol'
import type { WorkshopWithLinks } from '../api.js'
import { JoinDialog } from './JoinDialog.js'
import { NoGroupYet } from './NoGroupYet.js'
import { useAutoJoin } from './useAutoJoin.js'
import { useDisplayName } from '../sync/useDisplayName.js'
import { useRememberWorkshop } from './rememberedWorkshops.js'
import { ReviewPanel } from './ReviewPanel.js'
import { SessionNotices } from './SessionNotices.js'
import { TimerDisplay } from './TimerDisplay.js'
import { useFollowFacilitator } from './useFollowFacilitator.js'
import { useMe } from './useMe.js'
import { useRejoin } from './useRejoin.js'
import { useSession } from './useSession.js'
import { YourGroup } from './YourGroup.js'
import './session.css'

export interface SessionBarProps {
  readonly workshop: WorkshopWithLinks
  readonly token: string
  /** The board on screen, on a board page. */
  readonly boardId?: string
  /** The name this person gave the board page, as they change it. */
  readonly displayName?: string
}

/** The session on every screen: phase, timer, the facilitator's messages, and following them. */
export function SessionBar({ workshop, token, boardId, displayName }: SessionBarProps) {
  const { t } = useTranslation()
  const { state, role, connected, cutOff, offset } = useSession(token)
  const { stored, removed, me, groupId: myGroup } = useMe(workshop.id, token)
  const [savedName] = useDisplayName()
  useRejoin(workshop.id, token)
  // Never lose a link: the start page lists what this device opened
  useRememberWorkshop(workshop, token)
  // A removed participant is not quietly re-added by opening a board.
  useAutoJoin(workshop.id, token, displayName ?? savedName, stored !== null, boardId !== undefined)
  const follows = role === Role.observer || (role === Role.participant && me !== null)
  useFollowFacilitator({
    workshopId: workshop.id,
    token,
    state,
    offset,
    enabled: follows,
    currentBoardId: boardId,
  })

  if (!state)
    return (
      <div className="session-bar" data-testid="session-bar">
        <span className="hint">{t('session.offline')}</span>
      </div>
    )
  const rules = phaseRules[state.phase]
  const joining = role === Role.participant && !me && boardId === undefined && !cutOff
  return (
    <>
      <div className="session-bar" data-testid="session-bar" data-connected={connected}>
        <span className="session-phase">
          <span className="hint">{t('session.phase.label')}:</span>{' '}
          <strong data-testid="session-phase" data-phase={state.phase}>
            {t(`session.phase.${state.phase}`)}
          </strong>
          {rules.plenary && <span className="badge">{t('session.phase.plenary')}</span>}
          {rules.privateWriting && (
            <span className="badge" data-testid="session-private">
              {state.revealed ? t('session.phase.revealed') : t('session.phase.privateWriting')}
            </span>
          )}
        </span>
        {state.series.number > 1 && (
          <span className="badge" data-testid="session-series">
            {t('session.series', { number: state.series.number })}
          </span>
        )}
        <TimerDisplay timer={state.timer} offset={offset} />
        {me && role === Role.participant && (
          <span className="hint">{t('session.you', { name: me.name })}</span>
        )}
        {myGroup && (
          <YourGroup workshop={workshop} token={token} groupId={myGroup} boardId={boardId} />
        )}
        {me && role === Role.participant && myGroup === null && (
          <NoGroupYet workshop={workshop} token={token} me={me} grouping={state.grouping} />
        )}
        {!connected && !cutOff && (
          <span className="hint session-offline">{t('session.offline')}</span>
        )}
      </div>
      {cutOff && (
        <div className="session-notice session-cut-off" role="alert" data-testid="session-cut-off">
          {t(removed ? 'session.removedCutOff' : 'session.cutOff')}
        </div>
      )}
      {removed && boardId === undefined && !cutOff && (
        <div className="session-notice" role="status">
          {t('session.removed')}
        </div>
      )}
      <SessionNotices workshop={workshop} token={token} state={state} boardId={boardId} />
      <ReviewPanel
        workshop={workshop}
        token={token}
        items={boardId ? state.review.filter((r) => r.boardId === boardId) : state.review}
      />
      {joining && <JoinDialog workshop={workshop} token={token} />}
    </>
  )
}
