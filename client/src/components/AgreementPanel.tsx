import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  GoalScore,
  NoteLimits,
  type AgreementId,
  type AgreementSnapshot,
  type NoteId,
  type NoteSnapshot,
} from '@sparboard/board-model'
import type { Participant } from '@sparboard/protocol'
import type { AgreementDraft, AgreementValues } from '../commands/agreements.js'
import {
  AgreementTermsLines,
  CheckableFields,
  draftCriterion,
  termsDraft,
} from './AgreementTerms.js'

export interface AgreementPanelProps {
  readonly agreements: readonly AgreementSnapshot[]
  readonly goals: readonly string[]
  readonly sides: readonly [string, string]
  /** Who joined: an owner and co-signer are picked from them. */
  readonly participants: readonly Participant[]
  /** The workshop's option: owner, co-signer, criterion and review date ([issue 20]). */
  readonly checkable: boolean
  readonly notesById: ReadonlyMap<NoteId, NoteSnapshot>
  readonly draft: AgreementDraft | null
  /** The agreement to bring into view and mark, asked for from its solution on the canvas. */
  readonly shown?: { readonly id: AgreementId } | null
  readonly canWrite: boolean
  readonly onDraft: (draft: AgreementDraft | null) => void
  readonly onSave: (draft: AgreementDraft, values: AgreementValues) => void
  readonly onDelete: (id: AgreementId) => void
  readonly onClose: () => void
}

/** The board's agreements, and the form that turns a solution into one (strategy check included). */
export function AgreementPanel(props: AgreementPanelProps) {
  const { t } = useTranslation()
  const { agreements, goals, draft, shown, canWrite, sides } = props
  const list = useRef<HTMLOListElement>(null)
  useEffect(() => {
    if (!shown) return
    const item = list.current?.querySelector<HTMLElement>(
      `[data-agreement-id="${CSS.escape(shown.id)}"]`,
    )
    item?.scrollIntoView({ block: 'nearest', behavior: 'smooth' })
    item?.focus({ preventScroll: true })
  }, [shown])
  return (
    <aside className="agreement-panel" aria-labelledby="agreements-title" data-testid="agreements">
      <header>
        <h2 id="agreements-title">{t('boardUi.agreements.title')}</h2>
        <button type="button" className="link" onClick={props.onClose}>
          {t('boardUi.agreements.close')}
        </button>
      </header>
      {draft && canWrite && (
        <AgreementForm
          key={draft.kind === 'new' ? draft.solution.id : draft.agreement.id}
          draft={draft}
          goals={goals}
          sides={sides}
          participants={props.participants}
          checkable={props.checkable}
          onSave={(values) => props.onSave(draft, values)}
          onCancel={() => props.onDraft(null)}
        />
      )}
      {agreements.length === 0 && !draft && <p className="hint">{t('boardUi.agreements.empty')}</p>}
      <ol className="agreement-list" ref={list}>
        {agreements.map((a) => (
          <li
            key={a.id}
            data-testid="agreement"
            data-agreement-id={a.id}
            {...(shown?.id === a.id && { className: 'agreement-shown', tabIndex: -1 })}
          >
            <p className="agreement-text">{a.text}</p>
            <AgreementTermsLines terms={a} sides={sides} />
            <ul className="goal-scores">
              {Object.entries(a.goals).map(([g, score]) => (
                <li key={g} className={`score score-${score}`}>
                  <span>{goals[Number(g)] ?? `#${Number(g) + 1}`}</span>
                  <strong>{t(`boardUi.agreements.${score}`)}</strong>
                </li>
              ))}
            </ul>
            {canWrite && (
              <div className="agreement-actions">
                <button
                  type="button"
                  className="mini"
                  onClick={() => props.onDraft({ kind: 'edit', agreement: a })}
                >
                  {t('boardUi.outline.edit')}
                </button>
                <button type="button" className="mini" onClick={() => props.onDelete(a.id)}>
                  {t('boardUi.agreements.delete')}
                </button>
              </div>
            )}
          </li>
        ))}
      </ol>
    </aside>
  )
}

function AgreementForm({
  draft,
  goals,
  sides,
  participants,
  checkable,
  onSave,
  onCancel,
}: {
  draft: AgreementDraft
  goals: readonly string[]
  sides: readonly [string, string]
  participants: readonly Participant[]
  checkable: boolean
  onSave: (values: AgreementValues) => void
  onCancel: () => void
}) {
  const { t } = useTranslation()
  const start = draft.kind === 'edit' ? draft.agreement : null
  const [text, setText] = useState(start?.text ?? (draft.kind === 'new' ? draft.solution.text : ''))
  const [owner, setOwner] = useState(start?.owner ?? '')
  const [due, setDue] = useState(start?.due ?? '')
  const [terms, setTerms] = useState(() => termsDraft(start))
  const [scores, setScores] = useState<Record<number, GoalScore | null>>(() =>
    Object.fromEntries(goals.map((_, i) => [i, start?.goals[i] ?? null])),
  )
  return (
    <form
      className="agreement-form"
      data-testid="agreement-form"
      onSubmit={(e) => {
        e.preventDefault()
        if (!text.trim()) return
        const values = { text: text.trim(), owner: owner.trim(), due, goals: scores }
        onSave(
          checkable
            ? {
                ...values,
                owner: terms.ownedBy?.name ?? terms.owner,
                ownedBy: terms.ownedBy,
                cosigner: terms.cosigner,
                criterion: draftCriterion(terms),
                reviewOn: terms.reviewOn,
              }
            : values,
        )
      }}
    >
      {draft.kind === 'new' && (
        <p className="hint">{t('boardUi.agreements.from', { text: draft.solution.text })}</p>
      )}
      <label>
        {t('boardUi.agreements.text')}
        <textarea
          autoFocus
          required
          rows={3}
          maxLength={NoteLimits.maxAgreementText}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </label>
      {checkable && (
        <CheckableFields
          id={draft.kind === 'new' ? draft.solution.id : draft.agreement.id}
          draft={terms}
          onChange={setTerms}
          participants={participants}
          sides={sides}
        />
      )}
      <div className="agreement-row">
        {!checkable && (
          <label>
            {t('boardUi.agreements.owner')}
            <input
              maxLength={NoteLimits.maxOwnerLength}
              value={owner}
              onChange={(e) => setOwner(e.target.value)}
            />
          </label>
        )}
        <label>
          {t('boardUi.agreements.due')}
          <input type="date" value={due} onChange={(e) => setDue(e.target.value)} />
        </label>
      </div>
      {goals.length > 0 && (
        <fieldset>
          <legend>{t('boardUi.agreements.check')}</legend>
          {goals.map((goal, i) => (
            <label key={i} className="goal-score">
              <span>{goal}</span>
              <select
                value={scores[i] ?? ''}
                onChange={(e) =>
                  setScores((s) => ({ ...s, [i]: (e.target.value || null) as GoalScore | null }))
                }
              >
                <option value="">{t('boardUi.agreements.notLinked')}</option>
                {Object.values(GoalScore).map((score) => (
                  <option key={score} value={score}>
                    {t(`boardUi.agreements.${score}`)}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </fieldset>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onCancel}>
          {t('boardUi.cluster.cancel')}
        </button>
        <button type="submit" className="primary">
          {t('boardUi.agreements.save')}
        </button>
      </div>
    </form>
  )
}
