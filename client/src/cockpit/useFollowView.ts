import { useEffect, useState } from 'react'
import { fitViewport } from '../canvas/viewport.js'
import type { Camera } from '../canvas/useCamera.js'
import { useSession } from '../session/useSession.js'

/**
 * [C32] A participant or observer the facilitator called to this board ("everyone to me") sees
 * what the facilitator sees, until they stop following; a new call follows again. A spotlight or
 * the end of the gathering ends it ([C31]).
 */
export function useFollowView(
  token: string,
  boardId: string,
  camera: Camera,
  follows: boolean,
): { readonly following: boolean; readonly stop: () => void; readonly resume: () => void } {
  const { state, sharedView } = useSession(token)
  const gathering = state?.gathering ?? null
  const called = follows && gathering?.boardId === boardId
  const [stopped, setStopped] = useState<number | null>(null)
  const following = called && stopped !== gathering?.id
  const { setView, width, height } = camera
  useEffect(() => {
    if (!following || !sharedView || sharedView.boardId !== boardId) return
    if (width === 0 || height === 0) return
    setView(fitViewport(sharedView, width, height, 0))
  }, [following, sharedView, boardId, setView, width, height])
  return {
    following,
    stop: () => setStopped(gathering?.id ?? null),
    resume: () => setStopped(null),
  }
}
