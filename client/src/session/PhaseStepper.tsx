import { useTranslation } from 'react-i18next'
import { defaultAgenda, phaseRules, type SessionView } from '@sparboard/protocol'
import type { RunCommand } from './useCommand.js'

/** The agenda as steps: the current one marked, any other one click away; reveal when private. */
export function PhaseStepper({ state, run }: { state: SessionView; run: RunCommand }) {
  const { t } = useTranslation()
  const current = defaultAgenda.indexOf(state.phase)
  return (
    <div className="session-section">
      <h3>{t('session.panel.phases')}</h3>
      <ol className="phase-stepper" data-testid="phase-stepper">
        {defaultAgenda.map((phase, i) => (
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
