import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  Role,
  type RecurringDecisionBody,
  type RecurringFriction,
  type RecurringFrictions,
} from '@sparboard/protocol'
import { decideRecurring, getRecurringFrictions, type WorkshopWithLinks } from '../api.js'

type Loaded =
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly error: string }
  | { readonly status: 'ready'; readonly data: RecurringFrictions }

const message = (err: unknown) => (err instanceof Error ? err.message : String(err))

/**
 * The facilitator's view of friction points that came up in more than one group or session
 * ("came up in 3 of 4 groups and in 2 sessions"), each with the notes behind it and the
 * agreements of its boards with how they held. The server groups them (GET, in its export
 * workers); merging selected ones and taking a note out are stored there (POST), so they hold
 * after a reload and in the report.
 */
export function RecurringFrictionsPanel({
  workshop,
  token,
}: {
  workshop: WorkshopWithLinks
  token: string
}) {
  const { t } = useTranslation()
  const shown = workshop.role === Role.facilitator && workshop.method.recurringFrictions
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' })
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set())
  const [busy, setBusy] = useState(false)

  const load = useCallback(
    (request: Promise<RecurringFrictions>) => {
      setBusy(true)
      request
        .then(
          (data) => {
            setLoaded({ status: 'ready', data })
            setSelected(new Set())
          },
          (err: unknown) => setLoaded({ status: 'error', error: message(err) }),
        )
        .finally(() => setBusy(false))
    },
    [setLoaded],
  )
  useEffect(() => {
    if (shown) load(getRecurringFrictions(workshop.id, token))
  }, [shown, load, workshop.id, token])
  if (!shown) return null

  const decide = (decision: RecurringDecisionBody) =>
    load(decideRecurring(workshop.id, token, decision))
  const toggle = (id: string, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s)
      if (on) next.add(id)
      else next.delete(id)
      return next
    })
  const data = loaded.status === 'ready' ? loaded.data : null
  return (
    <details className="card recurring-frictions" open data-testid="recurring-frictions">
      <summary>
        <h2>{t('recurring.title')}</h2>
        {data && data.frictions.length > 0 && (
          <span className="badge">{data.frictions.length}</span>
        )}
      </summary>
      <p className="hint">{t('recurring.hint')}</p>
      <div className="recurring-actions">
        <button
          type="button"
          disabled={busy}
          onClick={() => load(getRecurringFrictions(workshop.id, token))}
        >
          {t('recurring.refresh')}
        </button>
        {data && data.frictions.length > 1 && (
          <button
            type="button"
            className="primary"
            disabled={busy || selected.size < 2}
            onClick={() => decide({ kind: 'merge', frictions: [...selected] })}
          >
            {t('recurring.merge', { count: selected.size })}
          </button>
        )}
      </div>
      {busy && !data && <p className="hint">{t('recurring.loading')}</p>}
      {loaded.status === 'error' && (
        <p className="error" role="alert">
          {t('recurring.failed', { error: loaded.error })}
        </p>
      )}
      {data && data.frictions.length === 0 && <p className="hint">{t('recurring.none')}</p>}
      {data && data.frictions.length > 0 && (
        <ol className="recurring-list">
          {data.frictions.map((f) => (
            <Friction
              key={f.id}
              friction={f}
              groupCount={data.groupCount}
              selected={selected.has(f.id)}
              selectable={data.frictions.length > 1}
              busy={busy}
              onSelect={(on) => toggle(f.id, on)}
              onSplit={(note) => decide({ kind: 'split', note })}
            />
          ))}
        </ol>
      )}
      {data?.truncated && <p className="hint">{t('recurring.truncated')}</p>}
      {data && data.decisions > 0 && (
        <p className="hint">{t('recurring.decisions', { count: data.decisions })}</p>
      )}
    </details>
  )
}

function Friction(props: {
  friction: RecurringFriction
  groupCount: number
  selected: boolean
  /** There is another friction point to merge it with. */
  selectable: boolean
  busy: boolean
  onSelect: (on: boolean) => void
  onSplit: (noteKey: string) => void
}) {
  const { friction: f } = props
  const { t } = useTranslation()
  const title = f.notes[0]?.text ?? ''
  const count =
    t('recurring.groups', { groups: f.groups, count: props.groupCount }) +
    (f.sessions > 1 ? t('recurring.sessions', { count: f.sessions }) : '')
  const where = (x: { session: number; caseTitle: string; groupName: string }) =>
    t('recurring.where', { session: x.session, case: x.caseTitle, group: x.groupName })
  return (
    <li className="recurring-friction" data-testid="recurring-friction">
      <div className="recurring-head">
        {props.selectable && (
          <input
            type="checkbox"
            aria-label={`${t('recurring.select')}: ${title}`}
            checked={props.selected}
            disabled={props.busy}
            onChange={(e) => props.onSelect(e.target.checked)}
          />
        )}
        <div>
          <p className="recurring-title">{title}</p>
          <p className="recurring-count" data-testid="recurring-count">
            {count}
          </p>
        </div>
      </div>
      <details className="recurring-notes">
        <summary>{t('recurring.notes', { count: f.notes.length })}</summary>
        <ul>
          {f.notes.map((n) => (
            <li key={n.key} data-testid="recurring-note">
              <span className="recurring-note-text">{n.text}</span>
              <span className="hint">{where(n)}</span>
              <button
                type="button"
                className="link"
                disabled={props.busy}
                aria-label={t('recurring.splitLabel', { text: n.text })}
                onClick={() => props.onSplit(n.key)}
              >
                {t('recurring.split')}
              </button>
            </li>
          ))}
        </ul>
      </details>
      {f.agreements.length > 0 && (
        <div className="recurring-agreements">
          <p className="hint">{t('recurring.agreements')}</p>
          <ul>
            {f.agreements.map((a, i) => (
              <li key={i}>
                <span>{a.text}</span>
                <span className="hint">{where(a)}</span>
                <span className={`series-verdict series-verdict-${a.verdict ?? 'open'}`}>
                  {a.verdict ? t(`session.review.${a.verdict}`) : t('recurring.notReviewed')}
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </li>
  )
}
