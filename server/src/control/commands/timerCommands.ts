import type { CommandHandler } from './CommandHandler.js'
import { addTime as addTimerTime, pauseTimer, startTimer } from '../Timer.js'

export const timerStart: CommandHandler<'timer:start'> = (state, { durationMs }, { now }) =>
  durationMs === undefined && !state.timer.running && state.timer.remainingMs === 0
    ? { error: 'invalid', field: 'durationMs' }
    : { state: { ...state, timer: startTimer(state.timer, now, durationMs) } }

export const timerPause: CommandHandler<'timer:pause'> = (state, _payload, { now }) => ({
  state: { ...state, timer: pauseTimer(state.timer, now) },
})

export const timerAddTime: CommandHandler<'timer:addTime'> = (state, { ms }, { now }) => ({
  state: { ...state, timer: addTimerTime(state.timer, now, ms) },
})
