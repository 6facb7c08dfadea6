import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BoardVersion } from '@sparboard/protocol'
import { getVersions, restoreVersion } from '../api.js'
import { ConfirmActions } from '../components/ConfirmActions.js'
import { useVersionTime } from './useVersionTime.js'
import './history.css'

type Listing =
  | { readonly state: 'loading' }
  | { readonly state: 'ready'; readonly versions: readonly BoardVersion[] }
  | { readonly state: 'failed'; readonly error: string }

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err))

/**
 * The facilitator's timeline of a board: the versions the server kept, and restoring one for
 * everyone on the board after a confirmation. Renders its own button; only the facilitator's
 * page mounts it (the server refuses everyone else).
 */
export function BoardHistory(props: { readonly boardId: string; readonly token: string }) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  return (
    <>
      <button
        type="button"
        className="link"
        title={t('history.openTitle')}
        onClick={() => setOpen(true)}
      >
        {t('history.open')}
      </button>
      {open && <HistoryDialog {...props} onClose={() => setOpen(false)} />}
    </>
  )
}

function HistoryDialog({
  boardId,
  token,
  onClose,
}: {
  readonly boardId: string
  readonly token: string
  readonly onClose: () => void
}) {
  const { t } = useTranslation()
  const time = useVersionTime()
  const [listing, setListing] = useState<Listing>({ state: 'loading' })
  const [picked, setPicked] = useState<BoardVersion | null>(null)
  const [confirming, setConfirming] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [restored, setRestored] = useState<BoardVersion | null>(null)

  const load = useCallback(async () => {
    try {
      setListing({ state: 'ready', versions: (await getVersions(boardId, token)).versions })
    } catch (err) {
      setListing({ state: 'failed', error: messageOf(err) })
    }
  }, [boardId, token])
  useEffect(() => void load(), [load])
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && !busy && onClose()
    addEventListener('keydown', onKey)
    return () => removeEventListener('keydown', onKey)
  }, [busy, onClose])

  const label = (v: BoardVersion) =>
    v.reason !== 'restore' && v.phase === null
      ? t('history.beforeAgenda')
      : t(`history.reason.${v.reason}`, { phase: v.phase && t(`session.phase.${v.phase}`) })
  const pick = (v: BoardVersion) => {
    setPicked(v)
    setConfirming(false)
    setError(null)
  }
  const restore = async (version: BoardVersion) => {
    setBusy(true)
    setError(null)
    try {
      await restoreVersion(boardId, version.id, token)
      setRestored(version)
      setPicked(null)
      setConfirming(false)
      await load()
    } catch (err) {
      setError(t('history.restoreFailed', { error: messageOf(err) }))
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="dialog-backdrop">
      <div
        className="dialog card history-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="history-title"
        data-testid="history"
      >
        <header className="history-header">
          <h2 id="history-title">{t('history.title')}</h2>
          <button type="button" className="link" disabled={busy} onClick={onClose}>
            {t('history.close')}
          </button>
        </header>
        <p className="hint">{t('history.intro')}</p>
        {restored && (
          <p role="status" className="history-restored">
            {t('history.restored', { time: time(restored.at) })}
          </p>
        )}
        {listing.state === 'loading' && <p className="hint">{t('history.loading')}</p>}
        {listing.state === 'failed' && (
          <p className="error" role="alert">
            {t('history.loadFailed', { error: listing.error })}
          </p>
        )}
        {listing.state === 'ready' && listing.versions.length === 0 && (
          <p className="hint">{t('history.empty')}</p>
        )}
        {listing.state === 'ready' && listing.versions.length > 0 && (
          <ol className="history-list">
            {listing.versions.map((v) => (
              <li key={v.id}>
                <button
                  type="button"
                  className="history-version"
                  aria-pressed={picked?.id === v.id}
                  disabled={busy}
                  onClick={() => pick(v)}
                >
                  <time dateTime={new Date(v.at).toISOString()}>{time(v.at)}</time>
                  <span>{label(v)}</span>
                  <span className="hint">{t('history.notes', { count: v.notes })}</span>
                </button>
              </li>
            ))}
          </ol>
        )}
        {picked && !confirming && (
          <div className="dialog-actions">
            <button type="button" onClick={() => setConfirming(true)}>
              {t('history.restore')}
            </button>
          </div>
        )}
        {picked && confirming && (
          <div
            className="history-confirm"
            role="alertdialog"
            aria-labelledby="history-confirm-title"
            aria-describedby="history-confirm-text"
          >
            <h3 id="history-confirm-title">{t('history.confirmTitle')}</h3>
            <p id="history-confirm-text">
              {t('history.confirm', {
                time: time(picked.at),
                notes: t('history.notes', { count: picked.notes }),
              })}
            </p>
            <ConfirmActions
              error={error}
              busy={busy}
              cancelLabel={t('history.cancel')}
              confirmLabel={busy ? t('history.restoring') : t('history.confirmYes')}
              onCancel={() => setConfirming(false)}
              onConfirm={() => void restore(picked)}
            />
          </div>
        )}
      </div>
    </div>
  )
}
