import { useTranslation } from 'react-i18next'
import {
  criterionLine,
  type AgreementTerms,
  type AgreementSigner,
  type Participant,
  type SideChoice,
} from '@sparboard/protocol'
import { useFormatDay } from '../locale/formatDay.js'

/** A side's name: one of the workshop's two, or "neither side". */
export function useSideName(sides: readonly [string, string]) {
  const { t } = useTranslation()
  return (side: SideChoice) =>
    side === 0 || side === 1 ? sides[side] : t('boardUi.agreements.neither')
}

/** "on-time-in-full >= 95 %, read from the weekly planning report", or ''. */
export function useCriterionLine() {
  const { t } = useTranslation()
  return (c: AgreementTerms['criterion']) =>
    criterionLine(c, (source) => t('boardUi.agreements.readFrom', { source }))
}

/**
 * Who answers for an agreement and how it is checked: owner (with side), co-signer, criterion,
 * review and due dates; what an older agreement lacks is left out.
 */
export function AgreementTermsLines(props: {
  terms: AgreementTerms
  sides: readonly [string, string]
  /** Said first on the owner's line (the review names the board there). */
  prefix?: string
}) {
  const { terms: a, sides } = props
  const { t } = useTranslation()
  const formatDay = useFormatDay()
  const sideName = useSideName(sides)
  const criterionLine = useCriterionLine()
  const signer = (s: AgreementSigner) => `${s.name} (${sideName(s.side)})`
  const criterion = criterionLine(a.criterion)
  return (
    <>
      <p className="hint" data-testid="agreement-signers">
        {props.prefix && `${props.prefix} · `}
        {a.ownedBy ? signer(a.ownedBy) : a.owner || t('boardUi.agreements.noOwner')}
        {a.cosigner && ` · ${t('boardUi.agreements.cosignedBy', { name: signer(a.cosigner) })}`}
        {a.reviewOn && ` · ${t('boardUi.agreements.reviewOnDay', { date: formatDay(a.reviewOn) })}`}
        {a.due && ` · ${t('boardUi.agreements.dueOn', { date: formatDay(a.due) })}`}
      </p>
      {criterion && (
        <p className="agreement-criterion" data-testid="agreement-criterion">
          <span className="hint">{t('session.review.criterion')}:</span> {criterion}
        </p>
      )}
    </>
  )
}

/** A participant as a signer: who they are, as they joined. */
export const signerOf = (p: Participant): AgreementSigner => ({
  id: p.id,
  name: p.name,
  side: p.side,
})

/** What the terms form edits; `owner` is the free text an older agreement had. */
export interface TermsDraft {
  readonly owner: string
  readonly ownedBy: AgreementSigner | null
  readonly cosigner: AgreementSigner | null
  readonly measure: string
  readonly target: string
  readonly source: string
  readonly reviewOn: string
}

/** The draft of terms an agreement holds. */
export const termsDraft = (a: AgreementTerms | null): TermsDraft => ({
  owner: a?.owner ?? '',
  ownedBy: a?.ownedBy ?? null,
  cosigner: a?.cosigner ?? null,
  measure: a?.criterion?.measure ?? '',
  target: a?.criterion?.target ?? '',
  source: a?.criterion?.source ?? '',
  reviewOn: a?.reviewOn ?? '',
})

/** The criterion a draft names, or null when it names none. */
export const draftCriterion = (d: TermsDraft) => {
  const c = { measure: d.measure.trim(), target: d.target.trim(), source: d.source.trim() }
  return c.measure || c.target || c.source ? c : null
}

/**
 * The checkable part of an agreement: the owner picked from the participants, a co-signer of the
 * other side, the criterion and the review date. A signer who left (or an older agreement's typed
 * owner) stays choosable as they were.
 */
export function CheckableFields(props: {
  draft: TermsDraft
  onChange: (draft: TermsDraft) => void
  participants: readonly Participant[]
  sides: readonly [string, string]
  /** Makes the ids of the fields unique on the page. */
  id: string
}) {
  const { draft, onChange, participants, sides, id } = props
  const { t } = useTranslation()
  const sideName = useSideName(sides)
  const set = (change: Partial<TermsDraft>) => onChange({ ...draft, ...change })
  const people = participants.map(signerOf)
  const kept = (s: AgreementSigner | null) =>
    s && !people.some((p) => p.id === s.id && p.name === s.name && p.side === s.side) ? [s] : []
  const owners = [...kept(draft.ownedBy), ...people]
  const ownerSide = draft.ownedBy?.side
  const cosigners = [...kept(draft.cosigner), ...people].filter(
    (p) => (p.side === 0 || p.side === 1) && p.side !== ownerSide && p.id !== draft.ownedBy?.id,
  )
  const label = (s: AgreementSigner, asSigned: boolean) => {
    const name = asSigned ? t('boardUi.agreements.asSigned', { name: s.name }) : s.name
    return `${name} · ${sideName(s.side)}`
  }
  const isKept = (s: AgreementSigner) => !people.some((p) => p.id === s.id && p.name === s.name)
  return (
    <>
      <div className="agreement-row">
        <label>
          {t('boardUi.agreements.ownerPick')}
          <select
            required
            data-testid="agreement-owner"
            value={draft.ownedBy?.id ?? ''}
            onChange={(e) => {
              const ownedBy = owners.find((s) => s.id === e.target.value) ?? null
              // a co-signer of the owner's own side no longer fits
              const cosigner =
                draft.cosigner && ownedBy && draft.cosigner.side !== ownedBy.side
                  ? draft.cosigner
                  : null
              set({ ownedBy, cosigner, owner: ownedBy?.name ?? draft.owner })
            }}
          >
            <option value="">
              {draft.owner && !draft.ownedBy
                ? t('boardUi.agreements.ownerTyped', { name: draft.owner })
                : t('boardUi.agreements.pickOwner')}
            </option>
            {owners.map((s) => (
              <option key={s.id} value={s.id}>
                {label(s, isKept(s))}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('boardUi.agreements.cosigner')}
          <select
            required={cosigners.length > 0}
            disabled={!draft.ownedBy}
            data-testid="agreement-cosigner"
            value={draft.cosigner?.id ?? ''}
            onChange={(e) =>
              set({ cosigner: cosigners.find((s) => s.id === e.target.value) ?? null })
            }
          >
            <option value="">{t('boardUi.agreements.pickCosigner')}</option>
            {cosigners.map((s) => (
              <option key={s.id} value={s.id}>
                {label(s, isKept(s))}
              </option>
            ))}
          </select>
          {!draft.ownedBy ? (
            <span className="hint">{t('boardUi.agreements.ownerFirst')}</span>
          ) : (
            cosigners.length === 0 && (
              <span className="hint">{t('boardUi.agreements.noCosigner')}</span>
            )
          )}
        </label>
      </div>
      <fieldset className="agreement-criterion-fields">
        <legend>{t('boardUi.agreements.criterion')}</legend>
        <label>
          {t('boardUi.agreements.measure')}
          <input
            id={`${id}-measure`}
            required
            maxLength={200}
            placeholder={t('boardUi.agreements.measureExample')}
            value={draft.measure}
            onChange={(e) => set({ measure: e.target.value })}
          />
        </label>
        <label>
          {t('boardUi.agreements.target')}
          <input
            required
            maxLength={120}
            placeholder={t('boardUi.agreements.targetExample')}
            value={draft.target}
            onChange={(e) => set({ target: e.target.value })}
          />
        </label>
        <label>
          {t('boardUi.agreements.source')}
          <input
            maxLength={200}
            placeholder={t('boardUi.agreements.sourceExample')}
            value={draft.source}
            onChange={(e) => set({ source: e.target.value })}
          />
        </label>
      </fieldset>
      <label>
        {t('boardUi.agreements.reviewOn')}
        <input
          type="date"
          data-testid="agreement-review-on"
          value={draft.reviewOn}
          onChange={(e) => set({ reviewOn: e.target.value })}
        />
      </label>
    </>
  )
}
