import { useTranslation } from 'react-i18next'
import { phaseRules, type Phase, type SessionView } from '@sparboard/protocol'
import type { RunCommand } from './useCommand.js'

/** The agenda as steps: the current one marked, any other one click away; reveal when private. */
export function PhaseStepper({
  state,
  run,
  agenda,
}: {
  state: SessionView
  run: RunCommand
  /** [SW1] The workshop's agenda (`agendaOf` its method). */
  agenda: readonly Phase[]
}) {
  const { t } = useTranslation()
  const current = agenda.indexOf(state.phase)
  return (
    <div className="session-section">
      <h3>{t('session.panel.phases')}</h3>
      <ol className="phase-stepper" data-testid="phase-stepper">
        {agenda.map((phase, i) => (
          <li key={phase} className={i < current ? 'done' : i === current ? 'current' : ''}>
            <button
              type="button"
              aria-current={i === current ? 'step' : undefined}
              onClick={() => void run('phase:set', { phase })}
            >
              {i + 1}. {t(`session.phase.${phase}`)}
            </button>
          </li>
        ))}
      </ol>
      {phaseRules[state.phase].privateWriting && !state.revealed && (
        <button type="button" className="primary" onClick={() => void run('phase:reveal', {})}>
          {t('session.panel.reveal')}
        </button>
      )}
    </div>
  )
}
