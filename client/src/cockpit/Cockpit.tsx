import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { phaseRules, type Phase, type SessionView } from '@sparboard/protocol'
import { TimerButtons } from '../session/TimerControls.js'
import { useCommand } from '../session/useCommand.js'
import { useSession } from '../session/useSession.js'
import { phaseGate } from './phaseGate.js'
import type { Plenary } from './usePlenary.js'
import './cockpit.css'

/** What a confirmation waits for: the reveal, the close of the vote, or a phase change that does either. */
type Pending =
  | { readonly kind: 'reveal' }
  | { readonly kind: 'close' }
  | { readonly kind: 'fallback' }
  | { readonly kind: 'phase'; readonly phase: Phase; readonly gate: 'reveal' | 'close' }

/**
 * [C36] The facilitator's cockpit on every board: phase (previous / next, a confirmation before
 * the reveal and before closing the vote), the phase's timer, spotlight, everyone to me, lock, a
 * broadcast, plenary mode and the blind vote. Renders nothing until the session is there.
 */
export function Cockpit(props: {
  readonly token: string
  readonly boardId: string
  readonly plenary: Plenary
  /** [SW1] The workshop's agenda (`agendaOf` its method). */
  readonly agenda: readonly Phase[]
  /** [FB1] Whether the workshop has "if we don't agree" cards to reveal. */
  readonly fallbackCards: boolean
}) {
  const { token } = props
  const { state } = useSession(token)
  if (!state) return null
  return <CockpitBar {...props} state={state} />
}

function CockpitBar({
  token,
  boardId,
  plenary,
  agenda,
  fallbackCards,
  state,
}: {
  token: string
  boardId: string
  plenary: Plenary
  agenda: readonly Phase[]
  fallbackCards: boolean
  state: SessionView
}) {
  const { t } = useTranslation()
  const { run, refusal } = useCommand(token)
  const [minutes, setMinutes] = useState(10)
  const [pending, setPending] = useState<Pending | null>(null)
  const [message, setMessage] = useState<string | null>(null)
  const at = agenda.indexOf(state.phase)
  const previous = agenda[at - 1]
  const next = agenda[at + 1]
  const gate = phaseGate(state)
  const phaseName = (phase: Phase) => t(`session.phase.${phase}`)
  // [SW1] from one private phase to the next nothing is revealed (the perspective swap's guesses
  // wait for the interests), so nothing needs confirming
  const goTo = (phase: Phase) =>
    gate && !(gate === 'reveal' && phaseRules[phase].privateWriting)
      ? setPending({ kind: 'phase', phase, gate })
      : void run('phase:set', { phase })
  const locked = state.lockedBoards.includes(boardId)
  const spotlit = state.spotlight === boardId
  const gathered = state.gathering?.boardId === boardId
  // [FB1] a side wrote a card on this board: there is something to reveal
  const cardWritten = Object.keys(state.fallbacks).some((k) => k.startsWith(`${boardId}/`))
  const confirm = async () => {
    if (!pending) return
    const done =
      pending.kind === 'reveal'
        ? await run('phase:reveal', {})
        : pending.kind === 'close'
          ? await run('votes:close', {})
          : pending.kind === 'fallback'
            ? await run('fallback:reveal', { boardId })
            : await run('phase:set', { phase: pending.phase })
    if (done) setPending(null)
  }
  return (
    <section className="cockpit" data-testid="cockpit" aria-label={t('cockpit.label')}>
      <div className="cockpit-group" role="group" aria-label={t('session.phase.label')}>
        <button
          type="button"
          className="cockpit-icon"
          disabled={!previous}
          title={t('cockpit.previous')}
          aria-label={t('cockpit.previous')}
          onClick={() => previous && goTo(previous)}
        >
          ◀
        </button>
        <strong className="cockpit-phase" data-testid="cockpit-phase">
          {at + 1}. {phaseName(state.phase)}
        </strong>
        {gate === 'reveal' ? (
          <button type="button" className="primary" onClick={() => setPending({ kind: 'reveal' })}>
            {t('cockpit.reveal')}
          </button>
        ) : gate === 'close' ? (
          <button type="button" className="primary" onClick={() => setPending({ kind: 'close' })}>
            {t('cockpit.closeVote')}
          </button>
        ) : null}
        <button
          type="button"
          className={gate ? '' : 'primary'}
          disabled={!next}
          title={next ? t('cockpit.next', { phase: phaseName(next) }) : t('cockpit.last')}
          aria-label={next ? t('cockpit.next', { phase: phaseName(next) }) : t('cockpit.last')}
          onClick={() => next && goTo(next)}
        >
          ▶
        </button>
      </div>
      <div className="cockpit-group" role="group" aria-label={t('session.panel.timer')}>
        <input
          type="number"
          className="cockpit-minutes"
          min={1}
          max={240}
          value={minutes}
          aria-label={t('cockpit.minutes')}
          title={t('cockpit.minutes')}
          onChange={(e) => setMinutes(Number(e.target.value))}
        />
        <TimerButtons state={state} run={run} minutes={minutes} />
      </div>
      <div className="cockpit-group" role="group" aria-label={t('session.panel.boards')}>
        <button
          type="button"
          aria-pressed={spotlit}
          onClick={() => void run('board:spotlight', { boardId: spotlit ? null : boardId })}
        >
          {spotlit ? t('cockpit.endSpotlight') : t('cockpit.spotlight')}
        </button>
        <button
          type="button"
          aria-pressed={gathered}
          onClick={() => void run('board:gather', { boardId: gathered ? null : boardId })}
        >
          {gathered ? t('cockpit.endGather') : t('cockpit.gather')}
        </button>
        <button
          type="button"
          aria-pressed={locked}
          onClick={() => void run('board:lock', { boardIds: [boardId], locked: !locked })}
        >
          {locked ? `🔒 ${t('cockpit.unlock')}` : t('cockpit.lock')}
        </button>
        <button
          type="button"
          aria-expanded={message !== null}
          onClick={() => setMessage(message === null ? '' : null)}
        >
          {t('cockpit.broadcast')}
        </button>
        <button type="button" aria-pressed={plenary.step !== null} onClick={plenary.toggle}>
          {t('cockpit.plenary')}
        </button>
        {/* [FB1] when the group gets stuck: both sides' cards on this board, after a confirmation */}
        {fallbackCards && !state.fallbacksRevealed.includes(boardId) && (
          <button
            type="button"
            data-testid="reveal-fallbacks"
            disabled={!cardWritten}
            title={cardWritten ? t('method.fallback.confirm') : t('method.fallback.nothing')}
            onClick={() => setPending({ kind: 'fallback' })}
          >
            {t('method.fallback.reveal')}
          </button>
        )}
      </div>
      {phaseRules[state.phase].voting && (
        <label className="cockpit-group cockpit-blind" title={t('cockpit.blindHint')}>
          <input
            type="checkbox"
            checked={state.voteRound.blind}
            disabled={state.voteRound.closed}
            onChange={(e) => void run('votes:setBlind', { blind: e.target.checked })}
          />
          {t('cockpit.blind')}
        </label>
      )}
      {refusal && (
        <span className="error" role="alert">
          {t('cockpit.refused', { error: refusal })}
        </span>
      )}
      {message !== null && (
        <form
          className="cockpit-message"
          onSubmit={async (e) => {
            e.preventDefault()
            if (message.trim() && (await run('message:broadcast', { text: message.trim() })))
              setMessage(null)
          }}
        >
          <input
            autoFocus
            maxLength={500}
            value={message}
            aria-label={t('cockpit.broadcastLabel')}
            placeholder={t('cockpit.broadcastLabel')}
            onChange={(e) => setMessage(e.target.value)}
          />
          <button type="submit" className="primary">
            {t('cockpit.send')}
          </button>
        </form>
      )}
      {pending && (
        <div className="dialog-backdrop">
          <div
            className="dialog card"
            role="alertdialog"
            aria-modal="true"
            aria-labelledby="cockpit-confirm"
          >
            <p id="cockpit-confirm">{confirmText(t, pending, phaseName)}</p>
            <div className="row">
              <button type="button" autoFocus onClick={() => setPending(null)}>
                {t('cockpit.cancel')}
              </button>
              <button type="button" className="danger" onClick={() => void confirm()}>
                {pending.kind === 'reveal'
                  ? t('cockpit.yesReveal')
                  : pending.kind === 'close'
                    ? t('cockpit.yesClose')
                    : pending.kind === 'fallback'
                      ? t('method.fallback.yes')
                      : t('cockpit.yesGo')}
              </button>
            </div>
          </div>
        </div>
      )}
    </section>
  )
}

function confirmText(
  t: (key: string, options?: Record<string, string>) => string,
  pending: Pending,
  phaseName: (phase: Phase) => string,
): string {
  if (pending.kind === 'reveal') return t('cockpit.confirmReveal')
  if (pending.kind === 'close') return t('cockpit.confirmClose')
  if (pending.kind === 'fallback') return t('method.fallback.confirm')
  const phase = phaseName(pending.phase)
  return pending.gate === 'reveal'
    ? t('cockpit.confirmRevealTo', { phase })
    : t('cockpit.confirmCloseTo', { phase })
}
