import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { timerRemaining, type TimerState } from '@sparboard/protocol'
import { formatRemaining } from './formatRemaining.js'
import { playChime, unlockAudioOnFirstGesture } from './playChime.js'
import { useMuted } from './useMuted.js'
import { useServerNow } from './useServerNow.js'

/** The countdown as every screen shows it, with a chime at zero that this browser can mute. */
export function TimerDisplay({ timer, offset }: { timer: TimerState; offset: number }) {
  const { t } = useTranslation()
  const [muted, setMuted] = useMuted()
  const serverNow = useServerNow(offset, timer.running)
  const remaining = timerRemaining(timer, serverNow)
  // Chime only for a run this page watched reach zero, not one that ended before it opened.
  const watching = useRef<number | null>(null)
  useEffect(unlockAudioOnFirstGesture, [])
  useEffect(() => {
    if (!timer.running || timer.endsAt === null) return
    if (remaining > 0) watching.current = timer.endsAt
    else if (watching.current === timer.endsAt) {
      watching.current = null
      if (!muted) playChime()
    }
  }, [remaining, timer.running, timer.endsAt, muted])

  const idle = !timer.running && timer.remainingMs === 0
  return (
    <span className="session-timer-box">
      <span
        className={`session-timer${remaining === 0 && timer.running ? ' done' : ''}`}
        data-testid="session-timer"
        data-running={timer.running}
        role="timer"
        aria-label={t('session.timer.label')}
      >
        {idle ? '–:––' : formatRemaining(remaining)}
        {!timer.running && !idle && <span className="hint"> ({t('session.timer.paused')})</span>}
      </span>
      <button
        type="button"
        className="link session-mute"
        aria-pressed={muted}
        title={muted ? t('session.timer.unmute') : t('session.timer.mute')}
        onClick={() => setMuted(!muted)}
      >
        {muted ? '🔕' : '🔔'}
        <span className="visually-hidden">
          {muted ? t('session.timer.unmute') : t('session.timer.mute')}
        </span>
      </button>
    </span>
  )
}
