import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { agendaOf, Role, type SessionView } from '@sparboard/protocol'
import type { WorkshopWithLinks } from '../api.js'
import { BoardControls } from './BoardControls.js'
import { FollowUpControl } from './FollowUpControl.js'
import { MethodOptions } from './MethodOptions.js'
import { ParticipantRoster } from './ParticipantRoster.js'
import { PhaseStepper } from './PhaseStepper.js'
import { StrategyMatrix } from './StrategyMatrix.js'
import { TimerControls } from './TimerControls.js'
import { useCommand } from './useCommand.js'
import { useSession } from './useSession.js'
import { useWorkshopBoards } from './useWorkshopBoards.js'
import './session.css'

interface Props {
  readonly workshop: WorkshopWithLinks
  readonly token: string
}

/** The facilitator's controls on the workshop page; renders nothing for anyone else. */
export function FacilitatorPanel({ workshop, token }: Props) {
  const { state, role } = useSession(token)
  // Only the facilitator opens a connection to every board (the overview and the matrix).
  if (role !== Role.facilitator || !state) return null
  return <FacilitatorControls workshop={workshop} token={token} state={state} />
}

function FacilitatorControls({ workshop, token, state }: Props & { state: SessionView }) {
  const { t } = useTranslation()
  const { run, refusal } = useCommand(token)
  const [message, setMessage] = useState('')
  const [matrix, setMatrix] = useState(false)
  const overview = useWorkshopBoards(workshop, token)
  return (
    <section className="card facilitator-panel" data-testid="facilitator-panel">
      <h2>{t('session.panel.title')}</h2>
      {refusal && (
        <p className="error" role="alert">
          {t('session.panel.refused', { error: refusal })}
        </p>
      )}
      {/* Steering on the left; the boards and the people in their groups on the right. */}
      <div className="facilitator-grid">
        <div className="facilitator-steer">
          <PhaseStepper state={state} run={run} agenda={agendaOf(workshop.method)} />
          <TimerControls state={state} run={run} />
          <div className="session-section session-row">
            <label className="session-inline">
              {t('session.panel.voteBudget')}
              <input
                type="number"
                min={0}
                max={50}
                value={state.voteBudget}
                onChange={(e) => void run('votes:setBudget', { budget: Number(e.target.value) })}
              />
            </label>
            {/* [C33] blind by default: counts hidden until the facilitator closes the vote */}
            <label className="session-inline" title={t('cockpit.blindHint')}>
              <input
                type="checkbox"
                checked={state.voteRound.blind}
                onChange={(e) => void run('votes:setBlind', { blind: e.target.checked })}
              />
              {t('cockpit.blind')}
            </label>
          </div>
          <MethodOptions workshop={workshop} token={token} />
          <form
            className="session-section session-row"
            onSubmit={async (e) => {
              e.preventDefault()
              if (message.trim() && (await run('message:broadcast', { text: message.trim() })))
                setMessage('')
            }}
          >
            <label className="session-inline session-grow">
              {t('session.panel.broadcast')}
              <input maxLength={500} value={message} onChange={(e) => setMessage(e.target.value)} />
            </label>
            <button type="submit">{t('session.panel.send')}</button>
          </form>
          <div className="session-section">
            <button type="button" aria-expanded={matrix} onClick={() => setMatrix(!matrix)}>
              {matrix ? t('session.matrix.hide') : t('session.matrix.show')}
            </button>
          </div>
          <FollowUpControl workshopId={workshop.id} token={token} />
        </div>
        <div className="facilitator-boards">
          <BoardControls
            workshop={workshop}
            token={token}
            state={state}
            run={run}
            overview={overview}
          />
          <ParticipantRoster workshop={workshop} token={token} state={state} run={run} />
        </div>
      </div>
      {matrix && <StrategyMatrix workshop={workshop} boards={overview} />}
    </section>
  )
}
