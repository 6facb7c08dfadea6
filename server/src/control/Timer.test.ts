import { describe, expect, it } from 'vitest'
import { timerRemaining } from '@sparboard/protocol'
import { addTime, idleTimer, pauseTimer, startTimer } from './Timer.js'

describe('Timer (server clock)', () => {
  it('counts down from a start, freezes on pause and resumes with what was left', () => {
    const started = startTimer(idleTimer, 1000, 60_000)
    expect(timerRemaining(started, 21_000)).toBe(40_000)
    const paused = pauseTimer(started, 21_000)
    expect(paused).toMatchObject({ running: false, endsAt: null, remainingMs: 40_000 })
    expect(timerRemaining(paused, 99_000)).toBe(40_000)
    const resumed = startTimer(paused, 100_000)
    expect(resumed).toMatchObject({ running: true, endsAt: 140_000, durationMs: 60_000 })
  })

  it('adds and takes time while running or paused, never below zero', () => {
    const running = startTimer(idleTimer, 0, 60_000)
    expect(timerRemaining(addTime(running, 10_000, 30_000), 10_000)).toBe(80_000)
    expect(timerRemaining(addTime(running, 10_000, -90_000), 10_000)).toBe(0)
    const paused = pauseTimer(running, 10_000)
    expect(addTime(paused, 50_000, 60_000)).toMatchObject({ running: false, remainingMs: 110_000 })
  })

  it('stays at zero once run out, and a restart with a duration starts afresh', () => {
    const running = startTimer(idleTimer, 0, 1000)
    expect(timerRemaining(running, 5000)).toBe(0)
    expect(startTimer(running, 5000)).toBe(running)
    expect(timerRemaining(startTimer(running, 5000, 2000), 5500)).toBe(1500)
  })
})
