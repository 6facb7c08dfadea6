import { useTranslation } from 'react-i18next'
import type { Links } from '@sparboard/protocol'
import { CopyField } from './CopyField.js'

export function LinksPanel({ links }: { links: Links }) {
  const { t } = useTranslation()
  return (
    <div className="links-panel" data-testid="links">
      {(['facilitator', 'participant', 'observer'] as const).map((role) => (
        <CopyField
          key={role}
          label={t(`links.${role}`)}
          hint={t(`links.${role}Hint`)}
          value={links[role]}
        />
      ))}
    </div>
  )
}
