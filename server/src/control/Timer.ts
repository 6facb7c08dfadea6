import type { TimerState } from '@sparboard/protocol'
import { timerRemaining } from '@sparboard/protocol'

/** A timer that has not been started. */
export const idleTimer: TimerState = { running: false, endsAt: null, remainingMs: 0, durationMs: 0 }

/** Starts afresh with `durationMs`, or resumes what a paused timer had left. */
export function startTimer(timer: TimerState, now: number, durationMs?: number): TimerState {
  if (durationMs !== undefined)
    return { running: true, endsAt: now + durationMs, remainingMs: durationMs, durationMs }
  if (timer.running) return timer
  return { ...timer, running: true, endsAt: now + timer.remainingMs }
}

export function pauseTimer(timer: TimerState, now: number): TimerState {
  if (!timer.running) return timer
  return { ...timer, running: false, endsAt: null, remainingMs: timerRemaining(timer, now) }
}

/** Adds (or with a negative `ms`, takes) time; never below zero. A run-out timer restarts. */
export function addTime(timer: TimerState, now: number, ms: number): TimerState {
  const remainingMs = Math.max(0, timerRemaining(timer, now) + ms)
  const durationMs = Math.max(timer.durationMs, remainingMs)
  return timer.running
    ? { running: true, endsAt: now + remainingMs, remainingMs, durationMs }
    : { ...timer, remainingMs, durationMs }
}
