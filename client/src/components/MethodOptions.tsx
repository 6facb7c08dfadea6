import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import './gain.css'
import type { WorkshopMethod } from '@sparboard/protocol'

type Switch = {
  [K in keyof WorkshopMethod]: WorkshopMethod[K] extends boolean ? K : never
}[keyof WorkshopMethod]

/**
 * The workshop's method options at creation, in one place: how the boards work ([G1], [G3], the
 * double majority [G2] with its threshold, checkable agreements), what the agenda adds (the
 * perspective swap [SW1], the "if we don't agree" cards [FB1]) and the recurring frictions.
 */
export function MethodOptions({
  method,
  onChange,
}: {
  method: WorkshopMethod
  onChange: (next: WorkshopMethod) => void
}) {
  const { t } = useTranslation()
  const dm = method.doubleMajority
  const setDm = (change: Partial<WorkshopMethod['doubleMajority']>) =>
    onChange({ ...method, doubleMajority: { ...dm, ...change } })
  const option = (key: Switch, label: string, hint: string, testId?: string): ReactNode => (
    <label className="check" key={key}>
      <input
        type="checkbox"
        checked={method[key]}
        {...(testId && { 'data-testid': testId })}
        onChange={(e) => onChange({ ...method, [key]: e.target.checked })}
      />
      <span>
        {label}
        <span className="hint">{hint}</span>
      </span>
    </label>
  )
  return (
    <fieldset className="method-options" data-testid="method-options">
      <legend>{t('start.method')}</legend>
      {option('bothSidesGain', t('gain.setup.bothSidesGain'), t('gain.setup.bothSidesGainHint'))}
      {option('positions', t('gain.setup.positions'), t('gain.setup.positionsHint'))}
      <label className="check">
        <input type="checkbox" checked={dm.on} onChange={(e) => setDm({ on: e.target.checked })} />
        <span>
          {t('gain.setup.doubleMajority')}
          <span className="hint">{t('gain.setup.doubleMajorityHint')}</span>
        </span>
      </label>
      {dm.on && (
        <div className="row method-threshold">
          <label className="short">
            {t('gain.setup.min')}
            <input
              type="number"
              min={1}
              max={100}
              required
              value={dm.min}
              onChange={(e) => setDm({ min: Number(e.target.value) })}
            />
          </label>
          <label>
            {t('gain.setup.unit')}
            <select
              value={dm.unit}
              onChange={(e) => setDm({ unit: e.target.value === 'percent' ? 'percent' : 'votes' })}
            >
              <option value="votes">{t('gain.setup.unitVotes')}</option>
              <option value="percent">{t('gain.setup.unitPercent')}</option>
            </select>
          </label>
        </div>
      )}
      {option(
        'checkableAgreements',
        t('session.method.checkable'),
        t('session.method.checkableHint'),
        'method-checkable',
      )}
      {option('perspectiveSwap', t('method.perspectiveSwap'), t('method.perspectiveSwapHint'))}
      {option('fallbackCards', t('method.fallbackCards'), t('method.fallbackCardsHint'))}
      {option(
        'recurringFrictions',
        t('start.recurringFrictions'),
        t('start.recurringFrictionsHint'),
      )}
    </fieldset>
  )
}
