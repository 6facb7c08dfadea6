import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ReviewStatus, type ReviewItem } from '@sparboard/protocol'
import type { WorkshopWithLinks } from '../api.js'
import { useFormatDay } from '../i18n/formatDay.js'
import { boardLabel } from './boardLabel.js'
import { useSession } from './useSession.js'

const statuses = Object.values(ReviewStatus)

/** In a follow-up: the earlier agreements, and how each held (participants and facilitator). */
export function ReviewPanel(props: {
  workshop: WorkshopWithLinks
  token: string
  items: readonly ReviewItem[]
}) {
  const { workshop, token, items } = props
  const { t } = useTranslation()
  const { role, send } = useSession(token)
  const editable = role === 'facilitator' || role === 'participant'
  if (items.length === 0) return null
  return (
    <details className="session-review card" open data-testid="session-review">
      <summary>
        <strong>{t('session.review.title')}</strong> ({items.length})
      </summary>
      <p className="hint">{t('session.review.hint')}</p>
      <ul>
        {items.map((item) => (
          <ReviewRow
            key={item.id}
            item={item}
            label={boardLabel(t, workshop, item.boardId)}
            editable={editable}
            save={(status, chafed) =>
              send('review:set', { agreementId: item.id, status, chafed }).then(
                (ack) => (ack.ok ? null : ack.error),
                (err: unknown) => String(err),
              )
            }
          />
        ))}
      </ul>
    </details>
  )
}

function ReviewRow(props: {
  item: ReviewItem
  label: string
  editable: boolean
  /** Sends a change; resolves to null once the server took it, else why it did not. */
  save: (status: ReviewStatus | null, chafed: string) => Promise<string | null>
}) {
  const { item, label, editable, save } = props
  const { t } = useTranslation()
  const formatDay = useFormatDay()
  // Shown at once; what the server agrees on replaces it, except text being typed, which is
  // sent when the field is left (remounting on every change lost what someone was typing).
  const [status, setStatus] = useState(item.status)
  const [chafed, setChafed] = useState(item.chafed)
  const [typing, setTyping] = useState(false)
  const [agreed, setAgreed] = useState(item)
  // The server's answer to this page's last change: null taken, a string refused.
  const [answer, setAnswer] = useState<string | null | undefined>(undefined)
  const send = (nextStatus: ReviewStatus | null, nextChafed: string) => {
    setAnswer(undefined)
    void save(nextStatus, nextChafed).then(setAnswer)
  }
  if (item !== agreed) {
    setAgreed(item)
    if (item.status !== agreed.status) setStatus(item.status)
    if (item.chafed !== agreed.chafed && !typing) setChafed(item.chafed)
  }
  return (
    <li className="session-review-item" aria-label={item.text}>
      <div>
        <strong>{item.text}</strong>
        <span className="hint">
          {' '}
          · {label}
          {item.owner && ` · ${item.owner}`}
          {item.due && ` · ${t('boardUi.agreements.dueOn', { date: formatDay(item.due) })}`}
        </span>
      </div>
      <div className="session-row" role="radiogroup" aria-label={t('session.review.status')}>
        {statuses.map((s) => (
          <label key={s} className="session-radio">
            <input
              type="radio"
              name={`review-${item.id}`}
              disabled={!editable}
              checked={status === s}
              onChange={() => {
                setStatus(s)
                setTyping(false)
                send(s, chafed)
              }}
            />
            {t(`session.review.${s}`)}
          </label>
        ))}
      </div>
      <label className="session-inline session-grow">
        {t('session.review.chafed')}
        <input
          maxLength={2000}
          disabled={!editable}
          value={chafed}
          onChange={(e) => {
            setChafed(e.target.value)
            setTyping(true)
            setAnswer(undefined)
          }}
          onBlur={() => {
            if (typing && chafed !== item.chafed) send(status, chafed)
            setTyping(false)
          }}
        />
      </label>
      {answer === null && (
        <span className="hint" role="status">
          ✓ {t('session.review.saved')}
        </span>
      )}
      {answer && (
        <span className="error" role="alert">
          {t('session.panel.refused', { error: answer })}
        </span>
      )}
    </li>
  )
}
