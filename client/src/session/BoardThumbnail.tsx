import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'

/** At most one rendering per board in this time: the server draws it, and people type fast. */
export const THUMBNAIL_EVERY_MS = 5000
/** [C38] Half size (`?scale=` of the board PNG export): shown at three quarters of its card. */
const SCALE = 0.5

/**
 * A small live image of a board, rendered by the server's PNG export. It is fetched again when
 * the note count changes, at most once per THUMBNAIL_EVERY_MS; the token goes in a header, so it
 * never lands in a URL.
 */
export function BoardThumbnail(props: {
  readonly boardId: string
  readonly token: string
  readonly noteCount: number
  readonly label: string
}) {
  const { boardId, token, noteCount } = props
  const { t } = useTranslation()
  const [src, setSrc] = useState<string | null>(null)
  const last = useRef(0)
  const shown = useRef(0)
  const unmounted = useRef(new AbortController())
  useEffect(() => {
    const controller = new AbortController()
    unmounted.current = controller
    return () => controller.abort()
  }, [])
  useEffect(() => {
    // The thumbnail is the board alone, without the export's header band (frame=0).
    // A drawing under way is not cancelled by a newer count: it still beats an empty frame.
    const load = async () => {
      const request = (last.current = Date.now())
      const res = await fetch(
        `/api/boards/${encodeURIComponent(boardId)}/export.png?scale=${SCALE}&frame=0`,
        { headers: { authorization: `Bearer ${token}` }, signal: unmounted.current.signal },
      )
      if (!res.ok) return
      const blob = await res.blob()
      if (request < shown.current || unmounted.current.signal.aborted) return
      shown.current = request
      setSrc(URL.createObjectURL(blob))
    }
    const wait = Math.max(0, last.current + THUMBNAIL_EVERY_MS - Date.now())
    const timer = setTimeout(() => void load().catch(() => undefined), wait)
    return () => clearTimeout(timer)
  }, [boardId, token, noteCount])
  // the image shown before is let go once the next one is in (and the last one on unmount)
  useEffect(
    () => () => {
      if (src) URL.revokeObjectURL(src)
    },
    [src],
  )
  return (
    <span className="board-thumbnail" data-testid="board-thumbnail" data-loaded={src !== null}>
      {src ? (
        <img src={src} alt={t('session.overview.thumbnail', { board: props.label })} />
      ) : (
        <span className="hint">{t('session.overview.loading')}</span>
      )}
    </span>
  )
}
