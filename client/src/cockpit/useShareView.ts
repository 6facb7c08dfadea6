import { useEffect, useRef } from 'react'
import type { Camera } from '../canvas/useCamera.js'
import { useSession } from '../session/useSession.js'

/** At most this often, while the camera moves; and again this often while it does not. */
const SHARE_EVERY_MS = 250
const REPEAT_MS = 3000

/**
 * [C32] While the facilitator called everyone to this board, their view goes to those following
 * them: at most four times a second while it moves, and every few seconds for late arrivals.
 */
export function useShareView(token: string, boardId: string, camera: Camera, on: boolean): void {
  const { relay } = useSession(token)
  const { view, width, height } = camera
  const last = useRef(0)
  useEffect(() => {
    if (!on || width === 0 || height === 0) return
    const share = () => {
      last.current = Date.now()
      void relay('view:share', {
        boardId,
        x: -view.x / view.scale,
        y: -view.y / view.scale,
        width: width / view.scale,
        height: height / view.scale,
      }).catch(() => undefined)
    }
    const wait = Math.max(0, last.current + SHARE_EVERY_MS - Date.now())
    const soon = setTimeout(share, wait)
    const repeat = setInterval(share, REPEAT_MS)
    return () => {
      clearTimeout(soon)
      clearInterval(repeat)
    }
  }, [on, relay, boardId, view, width, height])
}
