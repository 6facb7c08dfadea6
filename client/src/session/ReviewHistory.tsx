import { useTranslation } from 'react-i18next'
import type { ReviewEntry, ReviewItem } from '@sparboard/protocol'

/** [C26] Each participant's latest proposal on an item, in the order they last proposed. */
export function latestProposals(item: ReviewItem): ReviewEntry[] {
  const latest = new Map<string, ReviewEntry>()
  for (const e of item.history) {
    if (e.kind !== 'proposal') continue
    latest.delete(e.by)
    latest.set(e.by, e)
  }
  return [...latest.values()]
}

/** Who proposed what (latest each), and the whole record of proposals and verdicts. */
export function ReviewHistory(props: {
  item: ReviewItem
  /** The facilitator's "adopt": makes a proposal the final verdict. */
  adopt?: (entry: ReviewEntry) => void
}) {
  const { item, adopt } = props
  const { t } = useTranslation()
  const status = (e: ReviewEntry) =>
    e.status ? t(`session.review.${e.status}`) : t('people.review.noStatus')
  const proposals = latestProposals(item)
  if (item.history.length === 0) return null
  return (
    <div className="review-history" data-testid="review-history">
      {proposals.length > 0 && (
        <>
          <strong>{t('people.review.proposals')}</strong>
          <ul className="review-proposals">
            {proposals.map((e) => (
              <li key={e.by}>
                <span>
                  {t('people.review.proposedBy', { name: e.name, status: status(e) })}
                  {e.terms && <> → {e.terms.text}</>}
                  {e.chafed && <span className="hint"> · {e.chafed}</span>}
                </span>
                {adopt && (
                  <button type="button" className="link" onClick={() => adopt(e)}>
                    {t('people.review.adopt')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      <details>
        <summary>{t('people.review.history', { count: item.history.length })}</summary>
        <ol>
          {item.history.map((e, i) => (
            <li key={i}>
              {e.kind === 'verdict'
                ? t('people.review.verdictEntry', { status: status(e) })
                : t('people.review.proposalEntry', { name: e.name, status: status(e) })}
              {e.terms && <> → {e.terms.text}</>}
              {e.chafed && <span className="hint"> · {e.chafed}</span>}{' '}
              <time className="hint" dateTime={new Date(e.at).toISOString()}>
                {new Date(e.at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}
              </time>
            </li>
          ))}
        </ol>
      </details>
    </div>
  )
}
