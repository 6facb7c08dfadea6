let context: AudioContext | null = null

/**
 * Browsers keep audio suspended until the page has had a gesture; resuming on the first click or
 * key press means the chime can sound later, when nobody is touching the page.
 */
export function unlockAudioOnFirstGesture(): () => void {
  const stop = () => {
    removeEventListener('pointerdown', unlock)
    removeEventListener('keydown', unlock)
  }
  const unlock = () => {
    context ??= new AudioContext()
    void context.resume()
    stop()
  }
  addEventListener('pointerdown', unlock)
  addEventListener('keydown', unlock)
  return stop
}

/** A short two-tone chime, synthesised so that no sound file has to ship. */
export function playChime(): void {
  context ??= new AudioContext()
  const ctx = context
  void ctx.resume()
  const start = ctx.currentTime
  for (const [i, freq] of [880, 660].entries()) {
    const osc = ctx.createOscillator()
    const gain = ctx.createGain()
    osc.type = 'sine'
    osc.frequency.value = freq
    const at = start + i * 0.22
    gain.gain.setValueAtTime(0.0001, at)
    gain.gain.exponentialRampToValueAtTime(0.3, at + 0.02)
    gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.4)
    osc.connect(gain).connect(ctx.destination)
    osc.start(at)
    osc.stop(at + 0.45)
  }
}
