import { useEffect, useRef } from 'react'
import type { Commands } from './bindCommands.js'
import { isPressable, isTyping } from './isTyping.js'
import { COMMANDS } from './registry.js'

/**
 * The board's one keyboard listener: a key runs the command bound to it that applies now,
 * wherever focus is, except where keys belong to what has focus (see isTyping).
 */
export function useCommandKeys(commands: Commands): void {
  const ref = useRef(commands)
  ref.current = commands
  useEffect(() => {
    const onDown = (e: KeyboardEvent) => {
      if (isTyping(e.target)) return
      const plain = !e.ctrlKey && !e.metaKey && !e.altKey
      // Enter and Space on a focused button press it, as keyboard users expect.
      if (plain && (e.key === 'Enter' || e.key === ' ') && isPressable(e.target)) return
      const binding = ref.current.runKey(e)
      if (binding && !binding.keepDefault) e.preventDefault()
    }
    // A held key is let go wherever focus went meanwhile, so that it never stays down.
    const onUp = (e: KeyboardEvent) => {
      for (const command of COMMANDS)
        if (command.keys?.some((k) => k.hold && k.key === e.key)) ref.current.run(command, false)
    }
    addEventListener('keydown', onDown)
    addEventListener('keyup', onUp)
    return () => {
      removeEventListener('keydown', onDown)
      removeEventListener('keyup', onUp)
    }
  }, [])
}
