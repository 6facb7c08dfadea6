import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  Role,
  nameKey,
  reviewStatuses,
  type AgreementSigner,
  type AgreementTerms,
  type Participant,
  type ReviewEntry,
  type ReviewItem,
  type ReviewStatus,
} from '@sparboard/protocol'
import type { WorkshopWithLinks } from '../api.js'
import {
  AgreementTermsLines,
  CheckableFields,
  draftCriterion,
  signerOf,
  termsDraft,
} from '../components/AgreementTerms.js'
import { ReviewHistory, latestProposals } from './ReviewHistory.js'
import { boardLabel } from './boardLabel.js'
import { useMe } from './useMe.js'
import { useSession } from './useSession.js'

/** Sends a verdict; resolves to null once the server took it, else why it did not. */
type Save = (
  status: ReviewStatus | null,
  chafed: string,
  terms: AgreementTerms | null,
) => Promise<string | null>

/**
 * In a follow-up: the earlier agreements, each with its criterion pre-filled, and how each did:
 * met, partly, not met, or renegotiated with new terms. Participants propose a verdict; the
 * facilitator sets the final one ([C26]); everyone sees who proposed what.
 */
export function ReviewPanel(props: {
  workshop: WorkshopWithLinks
  token: string
  items: readonly ReviewItem[]
}) {
  const { workshop, token, items } = props
  const { t } = useTranslation()
  const { role, send, state } = useSession(token)
  const participants = state?.participants ?? []
  const { me } = useMe(workshop.id, token)
  if (items.length === 0) return null
  const facilitator = role === Role.facilitator
  return (
    <details className="session-review card" open data-testid="session-review">
      <summary>
        <strong>{t('session.review.title')}</strong> ({items.length})
      </summary>
      <p className="hint">
        {t('session.review.hint')} {role === Role.participant && t('people.review.proposeHint')}
      </p>
      <ul>
        {items.map((item) => {
          const mine = me ? latestProposals(item).find((e) => e.by === me.id) : undefined
          return (
            <li key={item.id} className="session-review-item" aria-label={item.text}>
              <ReviewHead
                item={item}
                label={boardLabel(t, workshop, item.boardId)}
                sides={workshop.sides}
              />
              <FinalVerdict item={item} sides={workshop.sides} />
              {facilitator && (
                <VerdictForm
                  id={`${item.id}-final`}
                  legend={t('people.review.final')}
                  item={item}
                  value={{ ...item, terms: item.newTerms }}
                  participants={participants}
                  sides={workshop.sides}
                  save={(status, chafed, terms) =>
                    send('review:set', { agreementId: item.id, status, chafed, terms }).then(
                      (ack) => (ack.ok ? null : ack.error),
                      (err: unknown) => String(err),
                    )
                  }
                />
              )}
              {role === Role.participant &&
                (me ? (
                  <VerdictForm
                    id={`${item.id}-proposal`}
                    legend={t('people.review.propose')}
                    item={item}
                    value={mine ?? { status: null, chafed: '', terms: null }}
                    participants={participants}
                    sides={workshop.sides}
                    save={(status, chafed, terms) =>
                      send('review:propose', { agreementId: item.id, status, chafed, terms }).then(
                        (ack) => (ack.ok ? null : ack.error),
                        (err: unknown) => String(err),
                      )
                    }
                  />
                ) : (
                  <p className="hint">{t('people.review.joinFirst')}</p>
                ))}
              <ReviewHistory
                item={item}
                adopt={
                  facilitator
                    ? (e: ReviewEntry) =>
                        void send('review:set', {
                          agreementId: item.id,
                          status: e.status,
                          chafed: e.chafed,
                          terms: e.terms,
                        })
                    : undefined
                }
              />
            </li>
          )
        })}
      </ul>
    </details>
  )
}

/** The agreement as it stood: its text, board, who signed, and its criterion pre-filled. */
function ReviewHead(props: { item: ReviewItem; label: string; sides: readonly [string, string] }) {
  const { item, label, sides } = props
  return (
    <div data-testid="review-head">
      <strong>{item.text}</strong>
      <AgreementTermsLines terms={item} sides={sides} prefix={label} />
    </div>
  )
}

/** [C26] The verdict that counts, and that the facilitator set it. */
function FinalVerdict({ item, sides }: { item: ReviewItem; sides: readonly [string, string] }) {
  const { t } = useTranslation()
  if (item.decidedAt === null)
    return (
      <p className="hint" data-testid="review-final">
        {t('people.review.notDecided')}
      </p>
    )
  return (
    <div className="review-final" data-testid="review-final">
      {t('people.review.finalBy')}:{' '}
      {item.status ? t(`session.review.${item.status}`) : t('people.review.noStatus')}
      {item.chafed && <span className="hint"> · {item.chafed}</span>}
      {item.newTerms && (
        <div className="review-new-terms" data-testid="review-new-terms">
          {t('session.review.newTerms')}: <strong>{item.newTerms.text}</strong>
          <AgreementTermsLines terms={item.newTerms} sides={sides} />
        </div>
      )}
    </div>
  )
}

function VerdictForm(props: {
  id: string
  legend: string
  /** The agreement under review: new terms start from its own. */
  item: ReviewItem
  /** What the server holds for this form now. */
  value: {
    readonly status: ReviewStatus | null
    readonly chafed: string
    readonly terms: AgreementTerms | null
  }
  participants: readonly Participant[]
  sides: readonly [string, string]
  save: Save
}) {
  const { id, legend, value, save, item } = props
  const { t } = useTranslation()
  // Shown at once; what the server agrees on replaces it, except text being typed, which is
  // sent when the field is left (remounting on every change lost what someone was typing).
  const [status, setStatus] = useState(value.status)
  const [chafed, setChafed] = useState(value.chafed)
  const [typing, setTyping] = useState(false)
  const [agreed, setAgreed] = useState(value)
  // The server's answer to this page's last change: null taken, a string refused.
  const [answer, setAnswer] = useState<string | null | undefined>(undefined)
  const send = (
    nextStatus: ReviewStatus | null,
    nextChafed: string,
    terms: AgreementTerms | null,
  ) => {
    setAnswer(undefined)
    void save(nextStatus, nextChafed, terms).then(setAnswer)
  }
  if (value.status !== agreed.status || value.chafed !== agreed.chafed) {
    setAgreed(value)
    if (value.status !== agreed.status) setStatus(value.status)
    if (value.chafed !== agreed.chafed && !typing) setChafed(value.chafed)
  }
  return (
    <fieldset className="session-review-form" data-testid="verdict-form">
      <legend>{legend}</legend>
      <div className="session-row" role="radiogroup" aria-label={t('session.review.status')}>
        <span className="hint">{t('session.review.statusChecked')}</span>
        {reviewStatuses.map((s) => (
          <label key={s} className="session-radio">
            <input
              type="radio"
              name={`review-${id}`}
              value={s}
              checked={status === s}
              onChange={() => {
                setStatus(s)
                setTyping(false)
                // new terms go with the button under them
                if (s !== 'renegotiated') send(s, chafed, null)
                else setAnswer(undefined)
              }}
            />
            {t(`session.review.${s}`)}
          </label>
        ))}
      </div>
      {status === 'renegotiated' && (
        <NewTerms
          id={id}
          start={value.terms ?? item}
          participants={props.participants}
          sides={props.sides}
          onSave={(terms) => send('renegotiated', chafed, terms)}
        />
      )}
      <label className="session-inline session-grow">
        {t('session.review.chafed')}
        <input
          maxLength={2000}
          value={chafed}
          onChange={(e) => {
            setChafed(e.target.value)
            setTyping(true)
            setAnswer(undefined)
          }}
          onBlur={() => {
            // with renegotiated, what chafed goes along with the new terms
            if (typing && chafed !== value.chafed && status !== 'renegotiated')
              send(status, chafed, null)
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
    </fieldset>
  )
}

/**
 * The terms a renegotiation agrees instead, starting from the old ones: the text, the owner and
 * co-signer from this session's participants, the criterion and the review date.
 */
function NewTerms(props: {
  id: string
  start: AgreementTerms
  participants: readonly Participant[]
  sides: readonly [string, string]
  onSave: (terms: AgreementTerms) => void
}) {
  const { t } = useTranslation()
  const [text, setText] = useState(props.start.text)
  // Someone who signed in an earlier session has a new id in this one: found again by name.
  const [draft, setDraft] = useState(() => {
    const again = (s: AgreementSigner | null) => {
      const p = s && props.participants.find((x) => nameKey(x.name) === nameKey(s.name))
      return p ? signerOf(p) : s
    }
    const start = termsDraft(props.start)
    return { ...start, ownedBy: again(start.ownedBy), cosigner: again(start.cosigner) }
  })
  return (
    <form
      className="review-terms agreement-form"
      data-testid="review-terms"
      onSubmit={(e) => {
        e.preventDefault()
        if (!text.trim()) return
        props.onSave({
          text: text.trim(),
          owner: draft.ownedBy?.name ?? draft.owner,
          ownedBy: draft.ownedBy,
          cosigner: draft.cosigner,
          criterion: draftCriterion(draft),
          due: props.start.due,
          reviewOn: draft.reviewOn,
        })
      }}
    >
      <strong>{t('session.review.newTerms')}</strong>
      <span className="hint">{t('session.review.newTermsHint')}</span>
      <label>
        {t('boardUi.agreements.text')}
        <textarea
          required
          rows={2}
          maxLength={2000}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </label>
      <CheckableFields
        id={`${props.id}-terms`}
        draft={draft}
        onChange={setDraft}
        participants={props.participants}
        sides={props.sides}
      />
      <div className="dialog-actions">
        <button type="submit" className="primary">
          {t('session.review.saveTerms')}
        </button>
      </div>
    </form>
  )
}
