import { useTranslation } from 'react-i18next'
import type { WorkshopWithLinks } from '../api.js'

/** The options of a group select: no group yet (value ''), then every group of the workshop. */
export function GroupOptions({ groups }: { groups: WorkshopWithLinks['groups'] }) {
  const { t } = useTranslation()
  return (
    <>
      <option value="">{t('session.join.lobby')}</option>
      {groups.map((g) => (
        <option key={g.id} value={g.id}>
          {t('workshop.group', { name: g.name })}
        </option>
      ))}
    </>
  )
}
