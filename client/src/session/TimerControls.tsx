import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { SessionView } from '@sparboard/protocol'
import type { RunCommand } from './useCommand.js'

/** Start with a number of minutes, pause, resume, add a minute. */
export function TimerControls({ state, run }: { state: SessionView; run: RunCommand }) {
  const { t } = useTranslation()
  const [minutes, setMinutes] = useState(10)
  return (
    <div className="session-section">
      <h3>{t('session.panel.timer')}</h3>
      <div className="session-row">
        <label className="session-inline">
          {t('session.panel.minutes')}
          <input
            type="number"
            min={1}
            max={240}
            value={minutes}
            onChange={(e) => setMinutes(Number(e.target.value))}
          />
        </label>
        <TimerButtons state={state} run={run} minutes={minutes} primary />
      </div>
    </div>
  )
}

/** Start with `minutes`, pause or resume, add a minute: the workshop page's and the cockpit's. */
export function TimerButtons({
  state,
  run,
  minutes,
  primary = false,
}: {
  state: SessionView
  run: RunCommand
  minutes: number
  primary?: boolean
}) {
  const { t } = useTranslation()
  const { timer } = state
  return (
    <>
      <button
        type="button"
        className={primary ? 'primary' : undefined}
        onClick={() => void run('timer:start', { durationMs: Math.round(minutes * 60_000) })}
      >
        {t('session.panel.start')}
      </button>
      {timer.running ? (
        <button type="button" onClick={() => void run('timer:pause', {})}>
          {t('session.panel.pause')}
        </button>
      ) : (
        timer.remainingMs > 0 && (
          <button type="button" onClick={() => void run('timer:start', {})}>
            {t('session.panel.resume')}
          </button>
        )
      )}
      <button type="button" onClick={() => void run('timer:addTime', { ms: 60_000 })}>
        {t('session.panel.addMinute')}
      </button>
    </>
  )
}
