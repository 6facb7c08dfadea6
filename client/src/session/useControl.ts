import { useSession } from './useSession.js'

/** How many people are online; shares the page's one control connection with the session UI. */
export function useControl(token: string): { online: number } {
  const { online } = useSession(token)
  return { online }
}
