import { useTranslation } from 'react-i18next'
import type { SessionView } from '@sparboard/protocol'
import type { RunCommand } from './useCommand.js'

/** [C27] In a follow-up: whether joiners go back to last session's group, or everyone regroups. */
export function KeepGroups({ state, run }: { state: SessionView; run: RunCommand }) {
  const { t } = useTranslation()
  if (state.series.previousId === null) return null
  return (
    <label className="session-inline session-keep-groups">
      <input
        type="checkbox"
        checked={state.keepGroups}
        onChange={(e) => void run('session:keepGroups', { keep: e.target.checked })}
      />
      <span>
        {t('people.keepGroups.label')}
        <span className="hint"> · {t('people.keepGroups.hint')}</span>
      </span>
    </label>
  )
}
